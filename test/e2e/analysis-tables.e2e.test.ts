/**
 * The Frequencies and Figures views in Chromium over the browser host, on real BBC articles
 * tagged through the API (test/support/analysed-project.ts): every number of their tables is
 * checked against the API's answer here, sorting and filtering against the same rows sorted
 * and filtered here; a figure opens its passage; each Export CSV is, byte for byte, what
 * `gloss analyse --csv` writes; and the tables keep readable colours in the dark theme.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frequenciesCsv, namedFrequencies } from '../../shared/analysis/frequencies-report';
import { figureValueWords } from '../../shared/analysis/query-report';
import type { CodeFrequencies, FiguresTable } from '../../shared/api';
import { analysedFiles, tagAnalysedProject } from '../support/analysed-project';
import { downloadFrom } from '../support/downloads';
import { gloss } from '../support/gloss-cli';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

let session: GlossSession;
let page: Page;
let frequencies: CodeFrequencies;
let figures: FiguresTable;
const titles = new Map<string, string>();

beforeAll(async () => {
  session = await openGlossSession({
    from: await analysedFiles(),
    context: { viewport: { width: 1440, height: 900 }, acceptDownloads: true },
    prepare: tagAnalysedProject,
  });
  page = session.page;
  frequencies = await session.service.codeFrequencies({});
  figures = await session.service.figuresTable({});
  for (const d of (await session.service.listDocuments({})).documents) titles.set(d.key, d.title);
  await page.goto(session.host.url);
  await panel().getByRole('tab', { name: 'Analysis' }).click();
}, 90_000);

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const view = (name: string) =>
  panel().getByRole('tablist', { name: 'Analysis views' }).getByRole('tab', { name });
const table = (name: string) => panel().getByRole('table', { name });

/** A table's body as text, a row of cells (th and td) each. */
function bodyOf(t: Locator): Promise<string[][]> {
  return t
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
}

const download = (name: string) => downloadFrom(page, panel().getByRole('button', { name }));

describe('the Frequencies view', () => {
  it('counts each code, a group with its codes, as the API does', async () => {
    await view('Frequencies').click();
    await table('Annotations per code').waitFor(POLL);
    expect(await bodyOf(table('Annotations per code'))).toEqual(
      frequencies.codes.map((c) => [c.name, String(c.total), String(c.documents)]),
    );
    const concerns = frequencies.codes.find((c) => c.id === 'concerns')!;
    const own = frequencies.codes.filter((c) => c.parentId === 'concerns').reduce((n, c) => n + c.total, 0);
    expect(concerns.total).toBe(own);
  });

  it('counts per folder and per document for the code chosen, sorted by count or title', async () => {
    await panel().getByRole('combobox', { name: 'Count per folder and document' }).selectOption('figures');
    const inDocument = (counts: Record<string, number>) =>
      frequencies.codes
        .filter((c) => c.parentId === 'figures' || c.id === 'figures')
        .reduce((n, c) => n + (counts[c.id] ?? 0), 0);
    const expected = frequencies.documents
      .map((d) => ({
        title: titles.get(d.key)!,
        folder: d.key.slice(0, d.key.lastIndexOf('/') + 1),
        n: inDocument(d.counts),
      }))
      .filter((d) => d.n > 0);
    expect(expected.length).toBeGreaterThan(2);
    const byCount = [...expected].sort((a, b) => b.n - a.n).map((d) => d.n);
    await expect
      .poll(async () => (await bodyOf(table('Annotations per document'))).map((r) => Number(r[2])), POLL)
      .toEqual(byCount);
    await table('Annotations per document').getByRole('button', { name: 'Document' }).click();
    const header = table('Annotations per document').getByRole('columnheader', { name: 'Document' });
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const byTitle = [...expected].sort((a, b) =>
      a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true }),
    );
    expect(await bodyOf(table('Annotations per document'))).toEqual(
      byTitle.map((d) => [d.title, d.folder, String(d.n)]),
    );
    const folders = await bodyOf(table('Annotations per folder'));
    expect(folders).toEqual(frequencies.folders.map((f) => [f.folder, String(inDocument(f.counts))]));
  });

  it('lists the documents without any code of a group', async () => {
    const without = frequencies.withoutGroup.find((w) => w.groupId === 'figures')!;
    expect(without.keys.length).toBeGreaterThan(0);
    await panel()
      .getByText(`No Figures yet: ${without.keys.length} document${without.keys.length === 1 ? '' : 's'}`)
      .click();
    expect(await panel().locator('.without-group[open] li').allTextContents()).toEqual(
      without.keys.map((k) => titles.get(k)),
    );
  });

  it('downloads the CSV gloss analyse --frequencies --csv writes', async () => {
    const csv = await download('Export CSV');
    expect(csv.file).toBe('code-frequencies.csv');
    expect(csv.text).toBe(frequenciesCsv(namedFrequencies(frequencies)));
    expect(csv.text).toBe((await gloss(['analyse', session.folder, '--frequencies', '--csv'])).stdout);
  }, 60_000);
});

describe('the Figures view', () => {
  const rows = () => bodyOf(table('Figures'));

  it('lists every figure with its value, sorted by value', async () => {
    await view('Figures').click();
    await table('Figures').waitFor(POLL);
    expect(figures.figures.length).toBeGreaterThan(5);
    const byValue = [...figures.figures].sort((a, b) => b.value!.min - a.value!.min);
    await expect
      .poll(async () => (await rows()).map((r) => [r[0], r[1]]), POLL)
      .toEqual(byValue.map((f) => [f.quote, figureValueWords(f.value!)]));
  });

  it('filters by currency and by text, and totals per currency and stakeholder as the API does', async () => {
    await panel().getByRole('combobox', { name: 'Currency or unit' }).selectOption('GBP');
    const gbp = figures.figures.filter((f) => f.value?.currency === 'GBP');
    expect(gbp.length).toBeGreaterThan(0);
    await expect.poll(async () => (await rows()).length, POLL).toBe(gbp.length);
    await panel().getByRole('searchbox', { name: 'Text' }).fill('zzz-nothing');
    await expect.poll(async () => (await rows()).length, POLL).toBe(0);
    await panel().getByRole('searchbox', { name: 'Text' }).fill('');
    await panel().getByRole('combobox', { name: 'Currency or unit' }).selectOption('');
    const stakeholders = new Map(
      (await session.service.getProject({})).stakeholders.map((s) => [s.id, s.name]),
    );
    const expected = figures.totals.map((t) => [
      t.stakeholderId ? stakeholders.get(t.stakeholderId)! : 'All figures',
      t.currency ?? t.unit ?? 'no unit',
      String(t.count),
      figureValueWords({ min: t.min, max: t.max, qualifier: 'exactly', currency: t.currency, unit: t.unit }),
    ]);
    expect(expected.some((r) => r[0] !== 'All figures')).toBe(true);
    const shown = await bodyOf(table('Totals by currency or unit'));
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  it('filters by stakeholder and code, and sorts by stakeholder with figures of none last', async () => {
    const register = new Map((await session.service.getProject({})).stakeholders.map((s) => [s.id, s.name]));
    const described = figures.figures.filter((f) => f.stakeholderId);
    const name = register.get(described[0]!.stakeholderId!)!;
    await panel().getByRole('combobox', { name: 'Stakeholder' }).selectOption(name);
    const theirs = figures.figures.filter((f) => f.stakeholderId && register.get(f.stakeholderId) === name);
    await expect.poll(async () => (await rows()).map((r) => r[3]), POLL).toEqual(theirs.map(() => name));
    // Only the codes of figures are offered.
    const codes = panel().getByRole('combobox', { name: 'Code' }).getByRole('option');
    expect(await codes.allTextContents()).toEqual(['Any', 'Money']);
    await panel().getByRole('combobox', { name: 'Code' }).selectOption('Money');
    await panel().getByRole('combobox', { name: 'Stakeholder' }).selectOption('');
    await table('Figures').getByRole('button', { name: 'Stakeholder' }).click();
    expect(
      await table('Figures').getByRole('columnheader', { name: 'Stakeholder' }).getAttribute('aria-sort'),
    ).toBe('ascending');
    const names = figures.figures.map((f) => (f.stakeholderId ? register.get(f.stakeholderId)! : ''));
    const expected = [
      ...names
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })),
      ...names.filter((n) => !n),
    ];
    await expect.poll(async () => (await rows()).map((r) => r[3]), POLL).toEqual(expected);
  });

  it('opens a figure’s passage in its article', async () => {
    const last = (await rows()).at(-1)!;
    const figure = figures.figures.find((f) => f.quote === last[0] && f.title === last[4])!;
    await table('Figures').getByRole('button', { name: figure.quote }).last().click();
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent(), POLL)
      .toBe(figure.title);
    await expect
      .poll(async () => (await readHighlights(page))['gloss-selected'], POLL)
      .toEqual([figure.quote]);
  });

  it('downloads the CSV gloss analyse --figures --csv writes', async () => {
    const csv = await download('Export CSV');
    expect(csv.file).toBe('figures.csv');
    expect(csv.text).toBe((await gloss(['analyse', session.folder, '--figures', '--csv'])).stdout);
    expect(csv.text.split('\r\n').length - 2).toBe(figures.figures.length);
  }, 60_000);

  it('keeps the tables readable in the dark theme', async () => {
    const colours = () =>
      table('Figures')
        .locator('tbody td')
        .first()
        .evaluate((cell) => {
          const panelBox = cell.closest('.side-panel')!;
          return [getComputedStyle(cell).color, getComputedStyle(panelBox).backgroundColor];
        });
    const light = await colours();
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect.poll(colours, POLL).not.toEqual(light);
    const [fg, bg] = await colours();
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    // Light text on a dark panel.
    expect(luminance(fg!) - luminance(bg!)).toBeGreaterThan(100);
    expect(session.problems).toEqual([]);
  });
});
