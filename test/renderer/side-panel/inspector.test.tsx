// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFigureValue } from '../../../renderer/src/components/editors/format-figure';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { annotationFile, closePanel, colleagueAnnotates, openPanel, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

const inspector = () => screen.getByRole('region', { name: 'Annotation' });

describe('the inspector', () => {
  it('shows the selected annotation with its context, code, author and times', async () => {
    t = await openPanel();
    await tagQuote(t, 'Oracle', 'stakeholder');
    const panel = inspector();
    const quote = panel.querySelector('blockquote')!;
    expect(quote.querySelector('mark')?.textContent).toBe('Oracle');
    expect(quote.textContent).toContain('stake in TikTok to Oracle, in a deal');
    expect(within(panel).getByLabelText<HTMLSelectElement>('Code').value).toBe('stakeholder');
    expect(within(panel).getByText('tester')).toBeTruthy();
    expect(panel.querySelector('time')?.getAttribute('dateTime')).toMatch(/^\d{4}-/);
  });

  it('changes the code, and clears a stakeholder the new code cannot carry', async () => {
    t = await openPanel();
    const oracle = (await act(() =>
      t!.store.getState().addStakeholder({ name: 'Oracle', kind: 'company' }),
    ))!;
    const id = await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    await userEvent.selectOptions(within(inspector()).getByLabelText('Code'), 'Privacy');
    await savesSettled(t.store);
    const saved = (await annotationFile(t)).annotations.find((a) => a.id === id);
    expect(saved?.code).toBe('privacy');
    expect(saved?.stakeholderId).toBeUndefined();
    expect(t.store.getState().savesFailed).toEqual([]);
  });

  it('keeps the note as a draft while typing and saves it on leaving the field', async () => {
    t = await openPanel();
    const id = await tagQuote(t, 'Privacy advocates', 'privacy');
    const note = within(inspector()).getByLabelText('Note');
    const user = userEvent.setup();
    await user.click(note);
    await user.keyboard('Activists, not regulators');
    // Nothing reached the store yet (the reader re-renders only on store changes).
    expect(t.store.getState().reader.annotations.find((a) => a.id === id)?.note).toBeUndefined();
    await user.tab();
    await savesSettled(t.store);
    expect((await annotationFile(t)).annotations.find((a) => a.id === id)?.note).toBe(
      'Activists, not regulators',
    );
  });

  it('saves the note after a pause in typing', async () => {
    t = await openPanel();
    const id = await tagQuote(t, 'user data', 'privacy');
    await userEvent.type(within(inspector()).getByLabelText('Note'), 'Personal data');
    await waitFor(() =>
      expect(t!.store.getState().reader.annotations.find((a) => a.id === id)?.note).toBe('Personal data'),
    );
    await savesSettled(t.store);
    expect((await annotationFile(t)).annotations[0]?.note).toBe('Personal data');
  });

  it('deletes the annotation, and undo brings it back', async () => {
    t = await openPanel();
    const id = await tagQuote(t, 'Oracle', 'stakeholder');
    await userEvent.click(within(inspector()).getByRole('button', { name: 'Delete annotation' }));
    await savesSettled(t.store);
    expect(screen.queryByRole('region', { name: 'Annotation' })).toBeNull();
    expect((await annotationFile(t)).annotations).toEqual([]);
    await act(() => t!.store.getState().undo());
    expect((await annotationFile(t)).annotations.map((a) => a.id)).toEqual([id]);
  });

  it('asks which stakeholder a new mention is, and links it', async () => {
    t = await openPanel();
    const id = await tagQuote(t, 'Oracle', 'stakeholder');
    const panel = inspector();
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('option', { name: 'New stakeholder from selection' }));
    const form = within(panel).getByRole('form', { name: 'New stakeholder' });
    expect(within(form).getByLabelText<HTMLInputElement>('Name').value).toBe('Oracle');
    await user.click(within(form).getByRole('button', { name: 'Add stakeholder' }));
    await savesSettled(t.store);
    expect((await annotationFile(t)).annotations.find((a) => a.id === id)?.stakeholderId).toBe('oracle');
    expect(inspector().querySelector('.inspector-value-text')?.textContent).toBe('Oracle');
  });

  it('asks for the value of a figure and saves it', async () => {
    t = await openPanel();
    const id = await tagQuote(t, '$15-30 billion', 'valuation');
    const panel = inspector();
    const user = userEvent.setup();
    await user.type(within(panel).getByLabelText('Min'), '15 billion');
    await user.type(within(panel).getByLabelText('Max'), '30 billion');
    await user.type(within(panel).getByLabelText('Currency'), 'USD');
    await user.click(within(panel).getByRole('button', { name: 'Save value' }));
    await savesSettled(t.store);
    const saved = (await annotationFile(t)).annotations.find((a) => a.id === id) as { value?: unknown };
    expect(saved.value).toMatchObject({ min: 15e9, max: 30e9, currency: 'USD' });
    // The editor closes and the value reads as everywhere else in Gloss.
    expect(inspector().querySelector('.inspector-value-text')?.textContent).toBe(
      formatFigureValue({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' }),
    );
  });

  it('shows another annotator’s annotation without letting it be changed', async () => {
    t = await openPanel();
    const start = t.store.getState().reader.document!.text.indexOf('Oracle');
    await colleagueAnnotates(t, [{ code: 'security', start, end: start + 6 }]);
    act(() => t!.store.getState().selectAnnotation('alice-0'));
    const panel = inspector();
    expect(within(panel).getByText(/alice’s annotation/)).toBeTruthy();
    expect(within(panel).getByLabelText<HTMLSelectElement>('Code').disabled).toBe(true);
    expect(within(panel).queryByRole('button', { name: 'Delete annotation' })).toBeNull();
  });
});
