/**
 * The Analysis tab's views and the coding query in Chromium over the browser host, on real BBC
 * articles tagged through the API (test/support/analysed-project.ts). The switcher works by
 * keyboard; the query's passages are those the API answers here; a passage opens its article
 * with it selected; the CSV, Markdown and HTML downloaded are, byte for byte, what `gloss query`
 * writes for the same query.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../shared/analysis/code-point-offsets';
import { figureValueWords, namedQueryPassages, queryCsv } from '../../shared/analysis/query-report';
import type { CodingQueryResult } from '../../shared/api';
import { analysedFiles, DONE_KEY, HOSTILE_NOTE, tagAnalysedProject } from '../support/analysed-project';
import { downloadFrom } from '../support/downloads';
import { gloss } from '../support/gloss-cli';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

let session: GlossSession;
let page: Page;
let microsoft: string;

beforeAll(async () => {
  session = await openGlossSession({
    from: await analysedFiles(),
    context: { viewport: { width: 1440, height: 900 }, acceptDownloads: true },
    prepare: tagAnalysedProject,
  });
  page = session.page;
  microsoft = (await session.service.getProject({})).stakeholders.find((s) => s.name === 'Microsoft')!.id;
  await page.goto(session.host.url);
}, 90_000);

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const views = () => panel().getByRole('tablist', { name: 'Analysis views' });
const results = () => panel().getByRole('list', { name: 'Passages found' });

/** The download a button starts, as text. */
const download = (name: string) => downloadFrom(page, panel().getByRole('button', { name }));

describe('the Analysis tab’s views', () => {
  it('are tabs that the arrow keys move between, each showing its own view', async () => {
    await panel().getByRole('tab', { name: 'Analysis' }).click();
    const tabs = views().getByRole('tab');
    expect(await tabs.allTextContents()).toEqual([
      'Matrix',
      'Coding query',
      'Frequencies',
      'Figures',
      'Timeline',
      'Agreement',
    ]);
    await panel().getByRole('table', { name: 'Concern passages near each stakeholder' }).waitFor(POLL);
    await views().getByRole('tab', { name: 'Matrix' }).focus();
    await page.keyboard.press('ArrowRight');
    const query = views().getByRole('tab', { name: 'Coding query' });
    await expect.poll(() => query.getAttribute('aria-selected')).toBe('true');
    expect(await query.evaluate((tab) => tab === document.activeElement)).toBe(true);
    const shown = panel().getByRole('tabpanel', { name: 'Coding query' });
    await shown.getByRole('group', { name: 'Passages coded (any of these)' }).waitFor(POLL);
    await page.keyboard.press('End');
    await expect
      .poll(() => views().getByRole('tab', { name: 'Agreement' }).getAttribute('aria-selected'))
      .toBe('true');
    await panel()
      .getByRole('tabpanel', { name: 'Agreement' })
      .getByRole('button', { name: 'Refresh' })
      .waitFor(POLL);
    await page.keyboard.press('Home');
    await expect
      .poll(() => views().getByRole('tab', { name: 'Matrix' }).getAttribute('aria-selected'))
      .toBe('true');
  });
});

describe('the coding query in Chromium', () => {
  let answer: CodingQueryResult;

  it('lists the passages the API retrieves for the codes and the condition chosen', async () => {
    await views().getByRole('tab', { name: 'Coding query' }).click();
    await panel().getByRole('checkbox', { name: 'Privacy' }).check();
    await panel().getByRole('checkbox', { name: 'Security' }).check();
    await panel().getByRole('button', { name: 'Add condition' }).click();
    await panel()
      .getByRole('combobox', { name: 'Condition 1: how near' })
      .selectOption({ label: 'in the same paragraph as' });
    await panel()
      .getByRole('combobox', { name: 'Condition 1: what' })
      .selectOption({ label: 'a mention of Microsoft' });
    await panel().getByRole('button', { name: 'Run query' }).click();
    answer = await session.service.codingQuery({
      codes: ['privacy', 'security'],
      conditions: [{ stakeholderId: microsoft, rule: 'paragraph' }],
    });
    const n = answer.passages.length;
    const documents = new Set(answer.passages.map((p) => p.key)).size;
    expect(n).toBeGreaterThan(20);
    await panel().getByText(`${n} passages in ${documents} documents.`).waitFor(POLL);
    await expect(
      panel().getByText(
        /^Passages coded Privacy or Security \(or a code under one\), in the same paragraph as a mention of Microsoft; every annotator’s work\.$/,
      ),
    ).toBeTruthy();
    const rows = results().getByRole('listitem');
    // Drawn only in view: fewer rows than passages, each saying how many there are in all.
    expect(await rows.count()).toBeLessThan(n);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(n));
    const first = answer.passages[0]!;
    const row = rows.first();
    expect(await row.locator('.passage-title').textContent()).toBe(first.title);
    expect(await row.locator('mark').textContent()).toBe(first.quote.replace(/\s+/g, ' '));
    expect(await row.textContent()).toContain(first.sentence.slice(0, 20));
  });

  it('shows a passage’s note as text, and opens the last passage in its article, selected', async () => {
    // The first concern passage tagged, with the note that holds markup, is among the first drawn.
    const noted = answer.passages.find((p) => p.note === HOSTILE_NOTE)!;
    expect(answer.passages.indexOf(noted)).toBeLessThan(5);
    const row = results().locator(`[data-annotation-id="${noted.annotationId}"]`);
    expect(await row.locator('.passage-note').textContent()).toBe(`, note: ${HOSTILE_NOTE}`);
    // End moves focus to the last row, drawing it.
    await results().getByRole('button').first().focus();
    await page.keyboard.press('End');
    const last = answer.passages.at(-1)!;
    const lastRow = results().locator(`[data-annotation-id="${last.annotationId}"]`);
    await lastRow.waitFor(POLL);
    await lastRow.click();
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe(last.title);
    await expect.poll(async () => (await readHighlights(page))['gloss-selected'], POLL).toEqual([last.quote]);
    await expect.poll(() => lastRow.getAttribute('aria-current'), POLL).toBe('true');
  });

  it('downloads CSV, Markdown and HTML that are what gloss query writes', async () => {
    const args = [
      'query',
      session.folder,
      '--code',
      'privacy',
      '--code',
      'Security',
      '--stakeholder',
      'microsoft',
    ];
    const csv = await download('Export CSV');
    expect(csv.file).toBe('coding-query.csv');
    const { codebook } = await session.service.getProject({});
    expect(csv.text).toBe(
      queryCsv(await namedQueryPassages(answer, codebook, codePointOffsets(session.service))),
    );
    expect(csv.text).toBe((await gloss([...args, '--csv'])).stdout);
    const markdown = await download('Export Markdown');
    expect(markdown.file).toBe('coding-query.md');
    expect(markdown.text).toBe((await gloss([...args, '--markdown'])).stdout);
    const html = await download('Export HTML');
    expect(html.file).toBe('coding-query.html');
    expect(html.text).toBe((await gloss([...args, '--html'])).stdout);
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('Zoë’s check: &#60;script&#62;alert(1)&#60;/script&#62; &#38; *not bold* 😀');
  }, 60_000);

  it('limits the passages to documents published from a date, and marked done', async () => {
    await panel().getByRole('button', { name: 'Remove condition 1' }).click();
    await panel().getByRole('checkbox', { name: 'Privacy' }).uncheck();
    await panel().getByRole('checkbox', { name: 'Security' }).uncheck();
    // A group brings its codes: every sum of money.
    await panel()
      .getByRole('checkbox', { name: /^Figures/ })
      .check();
    await panel().getByLabel('Published from').fill('2005-02-01');
    await panel().getByRole('button', { name: 'Run query' }).click();
    const dated = await session.service.codingQuery({
      codes: ['figures'],
      conditions: [],
      from: '2005-02-01',
    });
    expect(new Set(dated.passages.map((p) => p.key))).toEqual(new Set(['business/002.html']));
    await panel().getByText(`${dated.passages.length} passages in 1 document.`).waitFor(POLL);
    const values = await results().locator('.passage-detail').allTextContents();
    expect(values[0]).toContain(figureValueWords(dated.passages[0]!.value!));

    await panel()
      .getByRole('checkbox', { name: /^Figures/ })
      .uncheck();
    await panel().getByRole('checkbox', { name: 'Security' }).check();
    await panel().getByLabel('Published from').fill('');
    await panel().getByRole('checkbox', { name: 'Done' }).check();
    await panel().getByRole('button', { name: 'Run query' }).click();
    const done = await session.service.codingQuery({
      codes: ['security'],
      conditions: [],
      statuses: ['done'],
    });
    expect(done.passages.length).toBeGreaterThan(0);
    expect(new Set(done.passages.map((p) => p.key))).toEqual(new Set([DONE_KEY]));
    await panel().getByText(`${done.passages.length} passages in 1 document.`).waitFor(POLL);
    expect(session.problems).toEqual([]);
  });
});

describe('the coding query with 100,000 passages', () => {
  it('draws only the rows in view and scrolls through them without a slow frame', async () => {
    // The real answer, its passages repeated to 100,000 under ids of their own.
    await page.route('**/api/codingQuery', async (route) => {
      const answer = await (await route.fetch()).json();
      const real = answer.result.passages;
      answer.result.passages = Array.from({ length: 100_000 }, (_, i) => ({
        ...real[i % real.length],
        annotationId: `${real[i % real.length].annotationId}-${i}`,
      }));
      await route.fulfill({ json: answer });
    });
    await panel().getByRole('checkbox', { name: 'Done' }).uncheck();
    await panel().getByRole('button', { name: 'Run query' }).click();
    await panel()
      .getByText(/^100000 passages in \d+ documents?\.$/)
      .waitFor(POLL);
    const rows = results().getByRole('listitem');
    expect(await rows.count()).toBeLessThan(40);
    expect(await rows.first().getAttribute('aria-setsize')).toBe('100000');
    // Each step scrolls about 1,700 rows; its time runs from the scroll to the frame after the
    // rows are drawn. Beside it, the same wait for two frames with nothing to draw: how fast this
    // machine gives frames right now.
    const { idle, scrolling } = await results().evaluate(async (list) => {
      const viewport = list.parentElement!;
      const twoFrames = () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
      const idle: number[] = [];
      const scrolling: number[] = [];
      for (let step = 1; step <= 60; step++) {
        let start = performance.now();
        await twoFrames();
        idle.push(performance.now() - start);
        start = performance.now();
        viewport.scrollTop = (viewport.scrollHeight * step) / 60;
        await twoFrames();
        scrolling.push(performance.now() - start);
      }
      return { idle: median(idle), scrolling: median(scrolling) };
    });
    // Drawing the rows in view adds a few frames at most, here about 25 ms on a busy machine's
    // headless Chromium; a list drawing all its rows takes seconds for each step.
    expect(scrolling - idle).toBeLessThan(50);
    const last = results().locator('li[aria-posinset="100000"]');
    await last.waitFor(POLL);
    expect(await rows.count()).toBeLessThan(40);
    await page.unroute('**/api/codingQuery');
  });
});
