// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { annotationFile, closePanel, openPanel, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

describe('the side panel', () => {
  it('has seven tabs, moved between with the arrow keys', async () => {
    t = await openPanel('codes');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Codes',
      'Annotations',
      'Suggestions',
      'Register',
      'Search',
      'Analysis',
      'Curation',
    ]);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Codes');
    expect(screen.getByRole('tabpanel', { name: 'Codes' })).toBeTruthy();
    const user = userEvent.setup();
    tabs[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(t.store.getState().sidePanelTab).toBe('annotations');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Annotations' }));
    expect(screen.getByRole('tabpanel', { name: 'Annotations' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(t.store.getState().sidePanelTab).toBe('curation');
    await user.keyboard('{ArrowRight}');
    expect(t.store.getState().sidePanelTab).toBe('codes');
    // Only the selected tab is a Tab stop.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
  });
});

describe('the codebook', () => {
  it('names each code by its name and counts its annotations in the open document', async () => {
    t = await openPanel('codes');
    await tagQuote(t, 'Privacy advocates', 'privacy');
    await tagQuote(t, 'user data', 'privacy');
    const privacy = screen.getByRole('button', { name: 'Privacy' });
    expect(privacy.querySelector('kbd')?.textContent).toBe('2');
    expect(privacy.querySelector('.code-count')?.textContent).toBe('2');
    expect(privacy.getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(privacy.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(description?.textContent).toBe('shortcut 2, 2 annotations in this document');
    // Groups are labels, not buttons.
    expect(screen.queryByRole('button', { name: 'Concerns' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Codes' })).getByText('Concerns')).toBeTruthy();
  });

  it('tags the passage waiting in the reader with the code chosen', async () => {
    t = await openPanel('codes');
    const text = t.store.getState().reader.document!.text;
    const start = text.indexOf('Oracle');
    act(() => t!.store.getState().setPendingSelection({ start, end: start + 6, quote: 'Oracle' }));
    expect(screen.getByText('Choose a code to tag “Oracle”')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Security' }));
    await savesSettled(t.store);
    const [saved] = (await annotationFile(t)).annotations;
    expect(saved).toMatchObject({ code: 'security' });
    expect(t.store.getState().pendingSelection).toBeNull();
    expect(t.store.getState().selectedAnnotationId).toBe(saved!.id);
    // The new annotation is in the inspector at once.
    expect(screen.getByRole('region', { name: 'Annotation' }).querySelector('mark')?.textContent).toBe(
      'Oracle',
    );
  });

  it('without a passage waiting, lists the annotations of the code chosen', async () => {
    t = await openPanel('codes');
    await tagQuote(t, 'Privacy advocates', 'privacy');
    await tagQuote(t, 'Oracle', 'stakeholder');
    await userEvent.click(screen.getByRole('button', { name: 'Privacy' }));
    expect(t.store.getState().codeFilter).toEqual(['privacy']);
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Annotations');
    expect(within(screen.getByRole('list', { name: 'Annotations' })).getAllByRole('button')).toHaveLength(1);
  });

  it('saves the document note from the annotations tab', async () => {
    t = await openPanel('annotations');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Document note'), 'Check the figure against the filing');
    await user.tab();
    await savesSettled(t.store);
    expect((await annotationFile(t)).note).toBe('Check the figure against the filing');
    expect(t.store.getState().reader.document?.note).toBe('Check the figure against the filing');
  });

  it('saves a document note typed just before another document opens to the one it was written for', async () => {
    t = await openPanel('annotations');
    await userEvent.type(screen.getByLabelText('Document note'), 'Written for a');
    // No blur, no pause: the reader moves on at once (a shortcut, the menu).
    await act(() => t!.store.getState().selectDocument('b.txt'));
    await savesSettled(t.store);
    expect((await annotationFile(t, 'a.txt')).note).toBe('Written for a');
    expect(t.store.getState().reader.document?.note).toBe('');
    expect((screen.getByLabelText('Document note') as HTMLTextAreaElement).value).toBe('');
  });
});
