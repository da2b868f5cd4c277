// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFigureValue } from '../../../renderer/src/components/editors/format-figure';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { annotationFile, closePanel, colleagueAnnotates, openPanel, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

const list = () => screen.getByRole('list', { name: 'Annotations' });
const rows = () => within(list()).getAllByRole('button');
const codesShown = () => rows().map((row) => row.querySelector('.annotation-row-code')?.textContent);
const count = () => document.querySelector('.annotations-tab .list-count')?.textContent;

describe('the annotation list', () => {
  it('lists the annotations in text order with code, quote, stakeholder, value, author and note', async () => {
    t = await openPanel('annotations');
    const oracle = (await act(() =>
      t!.store.getState().addStakeholder({ name: 'Oracle Corp.', kind: 'company' }),
    ))!;
    await tagQuote(t, 'user data', 'privacy', { note: 'Whose data?' });
    await tagQuote(t, '$15-30 billion', 'valuation', {
      value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately' },
    });
    await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    const text = t.store.getState().reader.document!.text;
    await colleagueAnnotates(t, [{ code: 'security', start: 0, end: 6 }]);

    expect(codesShown()).toEqual(['Security', 'Stakeholder', 'Valuation', 'Privacy']);
    const [security, stakeholder, valuation, privacy] = rows();
    expect(security!.querySelector('.annotation-row-quote')?.textContent).toBe(text.slice(0, 6));
    expect(security!.querySelector('.annotation-row-author')?.textContent).toBe('alice');
    expect(stakeholder!.querySelector('.annotation-row-detail')?.textContent).toBe('Oracle Corp.');
    expect(stakeholder!.querySelector('.annotation-row-author')).toBeNull();
    expect(valuation!.querySelector('.annotation-row-detail')?.textContent).toBe(
      formatFigureValue({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately' }),
    );
    expect(privacy!.textContent).toContain('has a note');
    expect(count()).toBe('4 annotations');
  });

  it('filters by code, showing how many of all are listed', async () => {
    t = await openPanel('annotations');
    await tagQuote(t, 'Privacy advocates', 'privacy');
    await tagQuote(t, 'user data', 'privacy');
    await tagQuote(t, 'Oracle', 'stakeholder');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Show only annotations of'), 'privacy');
    expect(codesShown()).toEqual(['Privacy', 'Privacy']);
    expect(count()).toBe('2 of 3');
    expect(t.store.getState().codeFilter).toEqual(['privacy']);
    await user.selectOptions(screen.getByLabelText('Show only annotations of'), 'stakeholder');
    expect(count()).toBe('3 of 3');
    await user.click(screen.getByRole('button', { name: 'Stop filtering by Privacy' }));
    expect(codesShown()).toEqual(['Stakeholder']);
    await user.click(screen.getByRole('button', { name: 'Stop filtering by Stakeholder' }));
    expect(count()).toBe('3 annotations');
  });

  it('selects on click and asks the reader to show the passage', async () => {
    t = await openPanel('annotations');
    const first = await tagQuote(t, 'ByteDance', 'stakeholder');
    await tagQuote(t, 'Oracle', 'stakeholder');
    await userEvent.click(rows()[0]!);
    expect(t.store.getState().selectedAnnotationId).toBe(first);
    expect(t.store.getState().scrollRequest?.id).toBe(first);
    expect(rows()[0]!.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('region', { name: 'Annotation' })).toBeTruthy();
  });

  it('moves through the list with the arrow keys and deletes with Delete', async () => {
    t = await openPanel('annotations');
    const ids = [
      await tagQuote(t, 'ByteDance', 'stakeholder'),
      await tagQuote(t, 'Oracle', 'stakeholder'),
      await tagQuote(t, 'user data', 'privacy'),
    ];
    const user = userEvent.setup();
    await user.click(rows()[0]!);
    await user.keyboard('{ArrowDown}');
    expect(t.store.getState().selectedAnnotationId).toBe(ids[1]);
    expect(document.activeElement).toBe(rows()[1]);
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(t.store.getState().selectedAnnotationId).toBe(ids[1]);
    await user.keyboard('{Delete}');
    await savesSettled(t.store);
    expect((await annotationFile(t)).annotations.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    // The next annotation is selected and focused, so Delete can be pressed again.
    expect(t.store.getState().selectedAnnotationId).toBe(ids[2]);
    expect(document.activeElement).toBe(rows()[1]);
    // The list is one Tab stop: the selected row.
    expect(rows().map((row) => row.tabIndex)).toEqual([-1, 0]);
  });

  it('draws only the rows in view of 10,000 annotations', async () => {
    t = await openPanel('annotations');
    const length = t.store.getState().reader.document!.text.length;
    await colleagueAnnotates(
      t,
      Array.from({ length: 10_000 }, (_, i) => ({
        code: 'security',
        start: i % (length - 10),
        end: (i % (length - 10)) + 5,
      })),
    );
    expect(count()).toBe('10000 annotations');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);

    const viewport = list().closest<HTMLElement>('.virtual-list')!;
    fireEvent.scroll(viewport, { target: { scrollTop: 52 * 5000 } });
    const positions = within(list())
      .getAllByRole('listitem')
      .map((item) => Number(item.getAttribute('aria-posinset')));
    expect(positions.length).toBeLessThan(60);
    expect(Math.min(...positions)).toBeGreaterThan(4900);
    expect(Math.max(...positions)).toBeLessThan(5100);
    expect(within(list()).getAllByRole('listitem')[0]!.getAttribute('aria-setsize')).toBe('10000');
  });
});
