import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossClient } from '../../shared/api-client';
import type { Annotation } from '../../shared/model/annotation';
import { type AnnotatorClients, annotatorClients } from '../support/annotator-clients';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { inspectorOf, waitForInspectorOf } from '../support/inspector';
import { boxesOf, openArticle } from '../support/reader-text';

/**
 * The reader's views of two annotators' work, in headless Chromium against the browser host, on a
 * BBC article: alice (the researcher at the screen) and bob (a colleague, whose file is written
 * through a second service of the same folder) tagged the same article. Everyone's, mine and the
 * colleague's views paint only their passages; side by side paints each column by how its
 * passages compare (agreed, different codes, different boundaries, only one's) and counts them;
 * the view is remembered across a reload; a colleague's annotation cannot be changed or deleted.
 */

const POLL = { timeout: 10_000 };
const KEY = 'tech/001.txt';
const ME = 'alice';
const COLLEAGUE = 'bob';

/** alice's passages and bob's: one agreed, one re-coded, one with other bounds, one each alone. */
const MINE: readonly [string, string][] = [
  ['Kyrgyz Republic', 'stakeholder'],
  ['invisible ink', 'security'],
  ['multiple voting', 'security'],
  ['Askar Akaev', 'stakeholder'],
];
const THEIRS: readonly [string, string][] = [
  ['Kyrgyz Republic', 'stakeholder'],
  ['invisible ink', 'privacy'],
  ['prevent multiple voting', 'security'],
  ['German Embassy', 'stakeholder'],
];

let session: GlossSession;
let clients: AnnotatorClients;
let bob: GlossClient;
let page: Page;

/** Tags each passage's first occurrence, through the service (alice's) or a client of it (bob's). */
async function tagAll(
  client: {
    getDocument(request: { key: string }): Promise<{ text: string }>;
    createAnnotation(request: { key: string; code: string; start: number; end: number }): Promise<unknown>;
  },
  passages: readonly [string, string][],
) {
  const { text } = await client.getDocument({ key: KEY });
  for (const [quote, code] of passages) {
    const start = text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    await client.createAnnotation({ key: KEY, code, start, end: start + quote.length });
  }
}

beforeAll(async () => {
  const article = await readFile(join(CORPUS, 'news-txt', KEY), 'utf8');
  session = await openGlossSession({
    from: { [KEY]: article },
    annotator: ME,
    context: { viewport: { width: 1600, height: 1000 } },
    prepare: (service) => tagAll(service, MINE),
  });
  clients = annotatorClients(session.folder);
  bob = await clients.as(COLLEAGUE);
  await tagAll(bob, THEIRS);
  page = session.page;
}, 60_000);

afterAll(async () => {
  await clients?.close();
  await session?.close();
});

/** Every passage painted in the single reader, by code colour, sorted. */
async function paintedPassages(): Promise<string[]> {
  const highlights = await readHighlights(page);
  return Object.entries(highlights)
    .filter(([name]) => name.startsWith('gloss-code-') && !name.startsWith('gloss-code-compare-'))
    .flatMap(([, texts]) => texts)
    .sort();
}

/** Side by side: each column's passages by the kind they are painted with. */
async function paintedKinds(): Promise<Record<string, string[]>> {
  const highlights = await readHighlights(page);
  return Object.fromEntries(
    Object.entries(highlights)
      .filter(([name]) => name.startsWith('gloss-code-compare-'))
      .map(([name, texts]) => [name.slice('gloss-code-compare-'.length), [...(texts ?? [])].sort()] as const)
      .filter(([, texts]) => texts.length > 0),
  );
}

/** The passages underlined as suggestions. */
const suggested = async () => (await readHighlights(page))['gloss-suggestion'] ?? [];
const quotes = (passages: readonly [string, string][]) => passages.map(([quote]) => quote).sort();
const viewRadio = (name: string) =>
  page.getByRole('group', { name: 'Whose annotations to show' }).getByRole('radio', { name });

async function bobsFile(): Promise<Annotation[]> {
  const path = join(session.folder, '.gloss', 'annotations', KEY, `${COLLEAGUE}.json`);
  return JSON.parse(await readFile(path, 'utf8')).annotations;
}

describe('the reader’s views of several annotators', () => {
  it('shows everyone’s passages, then mine, then the colleague’s', async () => {
    await page.goto(session.host.url);
    await openArticle(page, /Ink helps drive democracy/, /The Kyrgyz Republic, a small/);
    // Everyone's, as before there were views.
    await expect.poll(paintedPassages, POLL).toEqual([...quotes(MINE), ...quotes(THEIRS)].sort());

    const sidePanel = page.getByRole('complementary', { name: 'Side panel' });
    await sidePanel.getByRole('tab', { name: 'Annotations' }).click();
    await sidePanel.getByText('8 annotations').waitFor();
    await viewRadio('Mine').check();
    await expect.poll(paintedPassages, POLL).toEqual(quotes(MINE));
    // The side panel lists the view's annotations too.
    await sidePanel.getByText('4 annotations').waitFor();
    // My suggestions (figures, names) are underlined in my views…
    await expect.poll(suggested, POLL).toContain('75 deputies');

    // The arrow keys move through the views, as through any radio group.
    await viewRadio('Mine').focus();
    await page.keyboard.press('ArrowRight');
    await expect(viewRadio('A colleague’s').isChecked()).resolves.toBe(true);
    await expect.poll(paintedPassages, POLL).toEqual(quotes(THEIRS));
    await page.getByText(`Showing ${COLLEAGUE}’s annotations. They are read-only`).waitFor();
    // …not in a colleague's, which shows their work alone.
    await expect.poll(suggested, POLL).toEqual([]);
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT.replace('.png', '-colleague.png') });
  });

  it('keeps a colleague’s annotation read-only: no way to change it, and Delete does nothing', async () => {
    const { first } = await boxesOf(page, 'German Embassy');
    await page.mouse.click(first.left + 2, (first.top + first.bottom) / 2);
    await waitForInspectorOf(page, 'German Embassy');
    const inspector = inspectorOf(page);
    await inspector.getByText(`This is ${COLLEAGUE}’s annotation: only they can change it.`).waitFor();
    await expect(inspector.getByRole('combobox', { name: 'Code' }).isDisabled()).resolves.toBe(true);
    expect(await inspector.getByRole('button', { name: 'Delete annotation' }).count()).toBe(0);

    // The Delete key on the article, where it deletes one's own selected annotation.
    await page.getByRole('region', { name: 'Article text' }).focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    // Everyone's view: bob's passage is still painted, nothing failed to save, his file is whole.
    await viewRadio('All').check();
    await expect.poll(paintedPassages, POLL).toEqual([...quotes(MINE), ...quotes(THEIRS)].sort());
    expect(await page.getByText('Failed').count()).toBe(0);
    expect((await bobsFile()).map((a) => a.target.quote).sort()).toEqual(quotes(THEIRS));
    await inspector.getByText(`This is ${COLLEAGUE}’s annotation: only they can change it.`).waitFor();
  });

  it('sets the two annotators side by side, each passage painted by how it compares', async () => {
    // `w` steps from everyone's to side by side.
    await page.getByRole('region', { name: 'Article text' }).focus();
    await page.keyboard.press('w');
    await expect(viewRadio('Side by side').isChecked()).resolves.toBe(true);
    await expect.poll(paintedKinds, POLL).toEqual({
      'left-agreed': ['Kyrgyz Republic'],
      'left-different-codes': ['invisible ink'],
      'left-overlapping': ['multiple voting'],
      'left-only': ['Askar Akaev'],
      'right-agreed': ['Kyrgyz Republic'],
      'right-different-codes': ['invisible ink'],
      'right-overlapping': ['prevent multiple voting'],
      'right-only': ['German Embassy'],
    });
    expect(await paintedPassages()).toEqual([]);
    const summary = page.getByRole('region', { name: 'How the two annotators compare' });
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      'Agreed: 1',
      'Same passage, different codes: 1',
      'Overlapping, different boundaries: 1',
      `Only ${ME}: 1`,
      `Only ${COLLEAGUE}: 1`,
    ]);
    await summary.getByText('Every pair (5)').click();
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
    await expect
      .poll(() => summary.getByRole('button').allTextContents(), POLL)
      .toEqual([
        `Agreed${ME}: “Kyrgyz Republic” Stakeholder${COLLEAGUE}: “Kyrgyz Republic” Stakeholder`,
        `Same passage, different codes${ME}: “invisible ink” Security${COLLEAGUE}: “invisible ink” Privacy`,
        `Overlapping, different boundaries${ME}: “multiple voting” Security${COLLEAGUE}: “prevent multiple voting” Security`,
        `Only ${ME}${ME}: “Askar Akaev” Stakeholder${COLLEAGUE}: —`,
        `Only ${COLLEAGUE}${ME}: —${COLLEAGUE}: “German Embassy” Stakeholder`,
      ]);
    // Choosing a pair selects its passage, marked in its own column, shown read-only in the side panel.
    await summary.getByRole('button', { name: new RegExp(`^Only ${COLLEAGUE}`) }).click();
    await waitForInspectorOf(page, 'German Embassy');
    await inspectorOf(page)
      .getByText(`This is ${COLLEAGUE}’s annotation: only they can change it.`)
      .waitFor();
    await expect
      .poll(async () => (await readHighlights(page))['gloss-selected'], POLL)
      .toEqual(['German Embassy']);
    const marked = await page.evaluate(() => {
      const range = [...CSS.highlights.get('gloss-selected')!][0]!;
      return range.startContainer.parentElement?.closest('.comparison-column')?.getAttribute('data-side');
    });
    expect(marked).toBe('right');
    // `k` walks back through the two columns' annotations, to alice's "Askar Akaev" on the left.
    await page.keyboard.press('k');
    await expect
      .poll(async () => (await readHighlights(page))['gloss-selected'], POLL)
      .toEqual(['Askar Akaev']);
  });

  it('keeps the two columns level as the pane scrolls', async () => {
    const tops = () =>
      page.evaluate(() => {
        const column = (side: string) =>
          [
            ...document.querySelectorAll<HTMLElement>(`.comparison-column[data-side="${side}"] [data-start]`),
          ].map((p) => Math.round(p.getBoundingClientRect().top));
        return { left: column('left'), right: column('right') };
      });
    const before = await tops();
    expect(before.left.length).toBeGreaterThan(5);
    expect(before.right).toEqual(before.left);
    await page
      .locator('main.reading-pane')
      .evaluate((pane) => pane.scrollBy({ top: 600, behavior: 'instant' }));
    const after = await tops();
    expect(after.right).toEqual(after.left);
    expect(after.left[0]).toBeLessThan(before.left[0]! - 300);
  });

  it('swaps the columns, and remembers the view across a reload', async () => {
    await page.getByRole('combobox', { name: 'Left' }).selectOption(COLLEAGUE);
    await expect.poll(async () => (await paintedKinds())['left-only'], POLL).toEqual(['German Embassy']);
    expect((await paintedKinds())['right-only']).toEqual(['Askar Akaev']);

    await page.reload();
    await page.getByRole('region', { name: `${COLLEAGUE}’s annotations` }).waitFor();
    await expect(viewRadio('Side by side').isChecked()).resolves.toBe(true);
    await expect
      .poll(async () => (await paintedKinds())['left-overlapping'], POLL)
      .toEqual(['prevent multiple voting']);
    expect(session.problems).toEqual([]);
  });
});
