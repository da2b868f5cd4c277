// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TimelineView } from '../../../renderer/src/components/analysis/TimelineView';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, type TestStore } from '../../support/renderer-store';

/** Two plain-text articles, with no date of their own until one is set. */
const FILES = {
  'a.txt': 'Privacy questions\n\nRegulators asked about privacy and security on Tuesday.\n',
  'b.txt': 'Security story\n\nSecurity experts warned about the app.\n',
};

let t: TestStore;
let user: ReturnType<typeof userEvent.setup>;

async function tag(key: keyof typeof FILES, quote: string, code: string) {
  const start = FILES[key].indexOf(quote);
  await t.client.createAnnotation({ key, code, start, end: start + quote.length });
}

beforeEach(async () => {
  t = await openTestStore(FILES);
  await tag('a.txt', 'privacy', 'privacy');
  await tag('a.txt', 'security', 'security');
  await tag('b.txt', 'Security experts', 'security');
  user = userEvent.setup();
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

function show() {
  render(
    <StoreProvider store={t.store}>
      <TimelineView />
    </StoreProvider>,
  );
}

describe('the timeline view', () => {
  it('says there is no line to draw while no annotated document has a date, and counts them apart', async () => {
    show();
    await screen.findByText(/No annotated document has a date yet/);
    expect(screen.getByText(/3 annotations in 2 documents without a date are not/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export SVG' })).toBeNull();
  });

  it('counts again per the interval chosen, and names the periods in its table', async () => {
    await t.client.setDocumentDate({ key: 'a.txt', date: '2024-12-30' });
    await t.client.setDocumentDate({ key: 'b.txt', date: '2025-01-06' });
    show();
    await screen.findByRole('button', { name: 'Export SVG' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Count annotations per' }), 'week');
    await waitFor(() => expect(t.store.getState().timeline.asked?.interval).toBe('week'));
    await user.click(screen.getByText('Show the table'));
    const table = await screen.findByRole('table', { name: 'Annotations per code and week' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Period', 'Security', 'Privacy'],
      ['2025-W01', '1', '1'],
      ['2025-W02', '1', '0'],
    ]);
    // Choosing codes: Privacy off leaves Security alone in the table.
    await user.click(screen.getByRole('checkbox', { name: /Privacy/ }));
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map((h) => h.textContent),
      ).toEqual(['Period', 'Security']),
    );
  });
});
