/**
 * The timeline in Chromium over the browser host, on real BBC articles: some made into HTML
 * pages dated by their metadata, one dated in Gloss, one with no date, tagged through the API.
 * The chart's table is checked against the API's numbers; the chart is drawn again in the dark
 * theme's colours; its SVG export is an <svg> with the marks and colours of its own, its PNG a
 * PNG twice the chart's size. The document's date is set on screen, a wrong one refused. The
 * frequencies and the matrix are drawn with the same charts, their tables the API's numbers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossService } from '../../main/api/gloss-service';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { openArticle } from '../support/reader-text';

const DATED: Record<string, string> = {
  'business/001.txt': '2005-01-10T09:00:00Z',
  'business/002.txt': '2005-01-20T09:00:00Z',
  'business/003.txt': '2005-02-14T09:00:00Z',
  'business/004.txt': '2005-04-02T09:00:00Z',
};
const SET_IN_GLOSS = 'tech/001.txt';
const UNDATED = 'politics/001.txt';
const CODES = ['privacy', 'security', 'money', 'stakeholder', 'valuation', 'jobs', 'free-expression'];

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];

function htmlPage(text: string, published: string): string {
  const [title, ...rest] = text.split('\n');
  const body = rest
    .filter((line) => line.trim())
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  return `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${published}"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

const htmlKey = (key: string) => key.replace('.txt', '.html');

/** Tags words of every article with the codes in turn, more of the first codes than of the last. */
async function tagArticles(service: GlossService) {
  const register = (await service.addStakeholder({ name: 'The Treasury', kind: 'government' })).id;
  const { documents } = await service.listDocuments({});
  for (const [n, { key }] of documents.entries()) {
    const { text } = await service.getDocument({ key });
    const words = [...text.matchAll(/\p{L}{5,}/gu)];
    for (const [i, code] of CODES.entries()) {
      for (const w of words.slice(i * 10, i * 10 + CODES.length - i + (n % 3))) {
        const stakeholderId = code === 'stakeholder' ? register : undefined;
        await service.createAnnotation({
          key,
          code,
          start: w.index,
          end: w.index + w[0].length,
          stakeholderId,
        });
      }
    }
  }
  await service.setDocumentDate({ key: SET_IN_GLOSS, date: '2005-03-05' });
}

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const [key, published] of Object.entries(DATED)) {
    files[htmlKey(key)] = htmlPage(await readFile(join(CORPUS, 'news-txt', key), 'utf8'), published);
  }
  for (const key of [SET_IN_GLOSS, UNDATED])
    files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  session = await openGlossSession({
    from: files,
    context: { viewport: { width: 1440, height: 900 }, acceptDownloads: true },
    prepare: tagArticles,
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
}, 60_000);

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const chart = () => panel().locator('.chart-box svg');

/** The chart's table once opened: each row's cells as text. */
const chartTableRows = () =>
  panel()
    .locator('.chart-table table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));

async function download(button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    panel().getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

describe('the timeline in Chromium', () => {
  it('shows per month the numbers the API counts, undated documents apart', async () => {
    await openArticle(page, /./);
    await panel().getByRole('tab', { name: 'Analysis' }).click();
    await panel().getByRole('tab', { name: 'Timeline' }).click();
    await chart().waitFor(POLL);
    await panel().getByText('Show the table').click();
    const table = panel().getByRole('table', { name: 'Annotations per code and month' });
    await table.waitFor(POLL);
    const api = await session.service.timeline({ interval: 'month' });
    const top = [...api.codes].sort((a, b) => b.total - a.total).slice(0, 5);
    const header = await table.locator('thead th').allTextContents();
    expect(header.slice(1).sort()).toEqual(top.map((c) => c.name).sort());
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    const count = (period: string, name: string) => {
      const code = api.codes.find((c) => c.name === name)!.id;
      if (period === 'No date') return api.undated.counts[code] ?? 0;
      const start = api.periods.find((p) => p.label === period)!.start;
      return api.cells.find((c) => c.period === start && c.code === code)?.count ?? 0;
    };
    expect(rows.map((r) => r[0])).toEqual(['2005-01', '2005-02', '2005-03', '2005-04', 'No date']);
    for (const [period, ...numbers] of rows) {
      expect(numbers.map(Number)).toEqual(header.slice(1).map((name) => count(period!, name)));
    }
    expect(api.undated.documents).toBe(1);
    await panel()
      .getByText(/annotations in 1 document without a date are not/)
      .waitFor(POLL);
    // A line per code shown, in its codebook colour.
    await expect.poll(() => chart().locator('path[stroke]').count(), POLL).toBeGreaterThanOrEqual(5);
  });

  it('draws the chart again in the dark theme’s colours', async () => {
    await page.getByRole('button', { name: 'Light', exact: true }).click();
    await expect
      .poll(() => panel().locator('.chart-box').getAttribute('data-theme-drawn'), POLL)
      .toBe('light');
    const textColour = () =>
      chart()
        .locator('text')
        .first()
        .evaluate((t) => getComputedStyle(t).fill);
    const light = await textColour();
    await page.getByRole('button', { name: 'Dark', exact: true }).click();
    await expect
      .poll(() => panel().locator('.chart-box').getAttribute('data-theme-drawn'), POLL)
      .toBe('dark');
    const dark = await textColour();
    expect(dark).not.toBe(light);
    // Light text on the dark theme: the sum of its channels is above the light theme's.
    const sum = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((n, c) => n + Number(c), 0);
    expect(sum(dark)).toBeGreaterThan(sum(light) + 300);
  });

  it('exports the chart as an SVG that stands on its own, and a PNG at twice its size', async () => {
    const svg = await download('Export SVG');
    expect(svg.name).toBe('timeline-by-month.svg');
    const doc = new JSDOM(svg.bytes.toString('utf8'), { contentType: 'image/svg+xml' }).window.document;
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelectorAll('path[stroke]').length).toBeGreaterThanOrEqual(5);
    expect(root.querySelectorAll('circle').length).toBeGreaterThan(0);
    // Colours written out, in the theme in force (dark): no variable and no currentColor left.
    expect(svg.bytes.toString('utf8')).not.toMatch(/var\(--|currentColor/);
    expect(root.querySelector('text')?.getAttribute('fill')).toMatch(/^rgb/);

    const png = await download('Export PNG');
    expect(png.name).toBe('timeline-by-month.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBe(Math.round(Number(root.getAttribute('width')) * 2));
    expect(height).toBe(Math.round(Number(root.getAttribute('height')) * 2));

    const csv = await download('Export CSV');
    expect(csv.name).toBe('timeline-by-month.csv');
    expect(csv.bytes.toString('utf8').split('\r\n')[0]).toBe('period,code,count');
  });

  it('sets a document’s date on screen, refusing a day that is not one', async () => {
    await panel().getByRole('tab', { name: 'Annotations' }).click();
    const title = (await session.service.getDocument({ key: UNDATED })).title;
    await openArticle(page, new RegExp(title.slice(0, 20)));
    const field = panel().getByRole('textbox', { name: 'Document date' });
    await field.fill('2005-02-29');
    await field.press('Enter');
    await expect
      .poll(() => panel().getByRole('alert').textContent(), POLL)
      .toContain('2005-02 has no day 29');
    expect((await session.service.getDocument({ key: UNDATED })).date).toBeUndefined();
    await field.fill('2005-02-28');
    await field.press('Enter');
    await expect
      .poll(async () => (await session.service.getDocument({ key: UNDATED })).date, POLL)
      .toBe('2005-02-28');
    await panel().getByText('Set by you').waitFor(POLL);
    expect((await session.service.timeline({ interval: 'month' })).undated.documents).toBe(0);
  });

  it('draws the frequencies as a bar per code, with the API’s numbers in its table', async () => {
    await panel().getByRole('tab', { name: 'Analysis' }).click();
    await panel().getByRole('tab', { name: 'Frequencies' }).click();
    await chart().waitFor(POLL);
    const api = await session.service.codeFrequencies({});
    const parents = new Set(api.codes.map((c) => c.parentId));
    const leaves = api.codes.filter((c) => !parents.has(c.id));
    expect(await chart().locator('rect').count()).toBeGreaterThanOrEqual(leaves.length);
    await panel().getByText('Show the table').click();
    await expect
      .poll(chartTableRows, POLL)
      .toEqual(leaves.map((c) => [c.name, expect.any(String), String(c.total), String(c.documents)]));
    const svg = await download('Export SVG');
    expect(svg.name).toBe('code-frequencies-chart.svg');
  });

  it('draws the matrix as a heat map beside its table, the same numbers', async () => {
    await panel().getByRole('tab', { name: 'Matrix' }).click();
    await chart().waitFor(POLL);
    const api = await session.service.cooccurrenceMatrix({ by: 'paragraph' });
    expect(api.cells.length).toBeGreaterThan(0);
    await panel().getByText('Show the table').click();
    await expect
      .poll(chartTableRows, POLL)
      .toEqual(
        api.stakeholders.map((s) => [
          s.name,
          ...api.codes.map((c) =>
            String(api.cells.find((cell) => cell.stakeholderId === s.id && cell.code === c.id)?.count ?? 0),
          ),
        ]),
      );
    const texts = await chart().locator('text').allTextContents();
    for (const cell of api.cells) expect(texts).toContain(String(cell.count));
  });

  it('left nothing on the console: no CSP violation from the charts', () => {
    expect(pageProblems).toEqual([]);
  });
});
