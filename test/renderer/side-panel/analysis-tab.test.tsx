// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { App } from '../../../renderer/src/components/App';
import { StoreProvider } from '../../../renderer/src/store/context';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { openTestStore, type TestStore } from '../../support/renderer-store';

/**
 * Two register stakeholders and concerns placed so each rule counts differently: in a.txt the
 * first privacy passage holds "TikTok" and shares a paragraph (not a sentence) with "Meta"; the
 * security passage shares a sentence with the second "TikTok", the last privacy passage only
 * its paragraph. In b.txt a colleague, alice, tagged Meta and a privacy passage in one sentence.
 */
const FILES = {
  'a.txt': [
    'Apps and data',
    '',
    'TikTok faces new privacy questions. Regulators met Meta on Tuesday.',
    '',
    'Security experts warned about TikTok. Privacy groups said little.',
    '',
  ].join('\n'),
  'b.txt': 'Meta story\n\nMeta was fined over privacy last year.\n',
};

let t: TestStore;
let user: ReturnType<typeof userEvent.setup>;
const ids: Record<string, string> = {};
const closeLater: (() => void)[] = [];

/** Tags the first `quote` after `after` (a mention of register stakeholder `name` if given) through the API. */
async function tag(
  api: GlossClient,
  key: keyof typeof FILES,
  quote: string,
  code: string,
  { name, after = '' }: { name?: string; after?: string } = {},
) {
  const start = FILES[key].indexOf(quote, FILES[key].indexOf(after));
  const stakeholderId = name ? ids[name] : undefined;
  const { id } = await api.createAnnotation({ key, code, start, end: start + quote.length, stakeholderId });
  return id;
}

/** A colleague's own service on the same folder, as another Gloss saving into it. */
async function colleague(name: string): Promise<GlossClient> {
  const service = createGlossService({ annotator: name, watchFolder: false });
  await service.open(t.project.path);
  closeLater.push(() => service.close());
  return createApiClient(inProcessTransport(createDispatch(service)));
}

let privacyInB: string;

const panel = () => screen.getByRole('complementary', { name: 'Side panel' });
const table = () => within(panel()).getByRole('table', { name: 'Concern passages near each stakeholder' });
const counted = () => waitFor(() => expect(t.store.getState().analysis.loading).toBe(false));

/** The table as text: the header row, then a row per stakeholder. */
function readTable(): string[][] {
  return within(table())
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('the analysis tab', () => {
  beforeEach(async () => {
    t = await openTestStore(FILES);
    for (const name of ['TikTok', 'Meta'])
      ids[name] = (await t.client.addStakeholder({ name, kind: 'company' })).id;
    await tag(t.client, 'a.txt', 'TikTok', 'stakeholder', { name: 'TikTok' });
    await tag(t.client, 'a.txt', 'Meta', 'stakeholder', { name: 'Meta' });
    await tag(t.client, 'a.txt', 'TikTok', 'stakeholder', { name: 'TikTok', after: 'about' });
    await tag(t.client, 'a.txt', 'TikTok faces new privacy questions', 'privacy');
    await tag(t.client, 'a.txt', 'Security experts warned', 'security');
    await tag(t.client, 'a.txt', 'Privacy groups said little', 'privacy');
    const alice = await colleague('alice');
    await tag(alice, 'b.txt', 'Meta', 'stakeholder', { name: 'Meta', after: 'story' });
    privacyInB = await tag(alice, 'b.txt', 'fined over privacy', 'privacy');
    await t.store.getState().reload();
    await act(() => t.store.getState().selectDocument('a.txt'));
    user = userEvent.setup();
    render(
      <StoreProvider store={t.store}>
        <App />
      </StoreProvider>,
    );
    await user.click(screen.getByRole('tab', { name: 'Analysis' }));
  });

  afterEach(async () => {
    cleanup();
    for (const close of closeLater.splice(0)) close();
    await t.cleanup();
  });

  it('counts concern passages near each stakeholder by paragraph, then by overlap', async () => {
    await within(panel()).findByRole('table');
    await counted();
    const rule = within(panel()).getByRole('combobox', { name: 'Count concerns near a stakeholder by' });
    expect((rule as HTMLSelectElement).value).toBe('paragraph');
    expect(
      within(rule)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['overlapping passages', 'the same sentence', 'the same paragraph']);
    expect(readTable()).toEqual([
      ['Stakeholder', 'Security', 'Privacy', 'Free expression'],
      ['TikTok', '1', '2', '0'],
      ['Meta', '0', '2', '0'],
    ]);
    // Row and column headers are marked as such, for screen readers to announce with each number.
    expect(
      within(table())
        .getAllByRole('rowheader')
        .map((th) => th.getAttribute('scope')),
    ).toEqual(['row', 'row']);
    expect(within(table()).getByRole('button', { name: 'TikTok and Privacy: 2 passages' })).toBeTruthy();
    expect(within(table()).getByRole('button', { name: 'Meta and Privacy: 2 passages' })).toBeTruthy();
    const described = document.getElementById(table().getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe(
      'Concern passages in the same paragraph as a mention of the stakeholder, each passage counted once per stakeholder; every annotator’s work.',
    );

    await user.selectOptions(rule, 'overlapping passages');
    await counted();
    // Only the passage holding "TikTok" overlaps a mention; Meta has no cell left, so no row.
    expect(readTable()).toEqual([
      ['Stakeholder', 'Security', 'Privacy', 'Free expression'],
      ['TikTok', '0', '1', '0'],
    ]);
    expect(within(table()).getByRole('button', { name: 'TikTok and Privacy: 1 passage' })).toBeTruthy();
    expect(described?.isConnected && described.textContent).toMatch(
      /^Concern passages that overlap a mention of the stakeholder,/,
    );

    await user.selectOptions(rule, 'the same sentence');
    await counted();
    // The second privacy passage is a sentence away from "TikTok"; b.txt's shares Meta's sentence.
    expect(readTable().slice(1)).toEqual([
      ['TikTok', '1', '1', '0'],
      ['Meta', '0', '1', '0'],
    ]);
  });

  it('lists a cell’s passages, and opens one in its article with the annotation selected', async () => {
    await counted();
    const cell = await within(panel()).findByRole('button', { name: 'Meta and Privacy: 2 passages' });
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    await user.click(cell);
    expect(cell.getAttribute('aria-expanded')).toBe('true');
    const list = within(panel()).getByRole('list', { name: 'Meta and Privacy passages' });
    expect(document.getElementById(cell.getAttribute('aria-controls')!)?.contains(list)).toBe(true);
    const rows = within(list).getAllByRole('button');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Apps and data, by tester, TikTok faces new privacy questions',
      'Meta story, by alice, fined over privacy',
    ]);

    await user.click(rows[1]!);
    const main = screen.getByRole('main');
    await within(main).findByRole('heading', { level: 1, name: 'Meta story' });
    await waitFor(() => expect(t.store.getState().selectedAnnotationId).toBe(privacyInB));
    expect(t.store.getState()).toMatchObject({ selectedKey: 'b.txt', scrollRequest: { id: privacyInB } });
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    // Choosing the number again closes its list.
    await user.click(cell);
    expect(within(panel()).queryByRole('list', { name: 'Meta and Privacy passages' })).toBeNull();
  });

  it('counts one annotator’s work when asked, and new tags only on Refresh', async () => {
    await counted();
    const whose = within(panel()).getByRole('combobox', { name: 'Whose work' });
    expect(
      within(whose)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All annotators', 'Only mine (tester)', 'alice']);
    await user.selectOptions(whose, 'alice');
    await counted();
    expect(readTable().slice(1)).toEqual([['Meta', '0', '1', '0']]);
    expect(within(panel()).getByText(/alice’s work only\.$/)).toBeTruthy();
    await user.selectOptions(whose, 'Only mine (tester)');
    await counted();
    expect(readTable().slice(1)).toEqual([
      ['TikTok', '1', '2', '0'],
      ['Meta', '0', '1', '0'],
    ]);

    await user.selectOptions(whose, 'All annotators');
    await counted();
    await tag(t.client, 'b.txt', 'last year', 'free-expression');
    // Counting reads every document: it waits to be asked rather than running after each tag.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(readTable()[2]).toEqual(['Meta', '0', '2', '0']);
    await user.click(within(panel()).getByRole('button', { name: 'Refresh' }));
    await counted();
    expect(readTable()[2]).toEqual(['Meta', '0', '2', '1']);
  });
});

describe('the analysis tab of a project with nothing to count', () => {
  it('says so, and that mentions must name a register stakeholder', async () => {
    const empty = await openTestStore({ 'c.txt': 'Quiet\n\nTikTok said nothing about privacy.\n' });
    try {
      // A mention not linked to the register counts for no one.
      const start = 'Quiet\n\n'.length;
      await empty.client.createAnnotation({ key: 'c.txt', code: 'stakeholder', start, end: start + 6 });
      await empty.client.createAnnotation({ key: 'c.txt', code: 'privacy', start, end: start + 30 });
      act(() => empty.store.getState().setSidePanelTab('analysis'));
      render(
        <StoreProvider store={empty.store}>
          <App />
        </StoreProvider>,
      );
      await screen.findByText('Nothing to count yet.');
      expect(screen.getByText(/names a stakeholder of the register/)).toBeTruthy();
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveProperty('disabled', true);
    } finally {
      cleanup();
      await empty.cleanup();
    }
  });
});
