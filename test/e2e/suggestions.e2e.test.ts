import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import type { Suggestion } from '../../shared/model/suggestion';
import { REPO } from '../support/corpus';
import { type GlossSession, openSampleSuggestions, SAMPLE_ARTICLE } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { openArticle } from '../support/reader-text';

/**
 * Suggestions in headless Chromium against the browser host, on a copy of the sample project
 * (whose register names the seed article's stakeholders): shown dashed, accepted with Enter,
 * rejected with Backspace, accepted all of a kind, undone, and still rejected after a reload.
 */

const ANNOTATOR = 'e2e';
const DOCUMENT = SAMPLE_ARTICLE;
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let session: GlossSession;
let folder: string;
let page: Page;
let pageProblems: string[] = [];
let offered: Suggestion[];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ session, offered } = await openSampleSuggestions(ANNOTATOR));
  ({ folder, page, problems: pageProblems } = session);
});

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const summary = () => sidePanel().locator('.suggestions-summary p');
const article = () => page.getByRole('region', { name: 'Article text' });

async function annotations(): Promise<Annotation[]> {
  const text = await readFile(
    join(folder, '.gloss/annotations', DOCUMENT, `${ANNOTATOR}.json`),
    'utf8',
  ).catch(() => undefined);
  return text ? JSON.parse(text).annotations : [];
}

async function rejectedQuotes(): Promise<string[]> {
  const text = await readFile(
    join(folder, '.gloss/suggestions', DOCUMENT, `${ANNOTATOR}.json`),
    'utf8',
  ).catch(() => undefined);
  return text ? JSON.parse(text).rejected.map((r: { quote: string }) => r.quote) : [];
}

const selectedSuggestion = async () => (await readHighlights(page))['gloss-suggestion-selected'] ?? [];
const suggested = async () => (await readHighlights(page))['gloss-suggestion'] ?? [];

describe('suggestions in the reader', () => {
  it('shows every suggestion of the document dashed in the text and counted in the panel', async () => {
    expect(offered.filter((s) => s.kind === 'stakeholder').length).toBeGreaterThan(5);
    expect(offered.filter((s) => s.kind === 'figure').length).toBeGreaterThan(3);
    await expect.poll(() => summary().textContent()).toContain(`${offered.length} suggestions`);
    // Only those in and near the paragraphs on screen are registered; scrolling brings the rest.
    const quotes = new Set(offered.map((s) => s.quote));
    await expect.poll(async () => (await suggested()).includes(offered[0]!.quote)).toBe(true);
    for (const quote of await suggested()) expect(quotes.has(quote)).toBe(true);
    await article().locator('[data-start]').last().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await suggested()).includes(offered.at(-1)!.quote)).toBe(true);
    await article().locator('[data-start]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestions-1-shown.png') });
  });

  it('walks to a suggestion with n and accepts it with Enter: a stakeholder annotation, saved', async () => {
    await article().focus();
    await page.keyboard.press('n');
    await expect.poll(selectedSuggestion).toEqual([offered[0]!.quote]);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await annotations()).map((a) => [a.target.start, a.target.end, a.code, a.stakeholderId]),
      )
      .toEqual([[offered[0]!.start, offered[0]!.end, offered[0]!.code, offered[0]!.stakeholderId]]);
    // The next one is selected, ready for the next key.
    await expect.poll(selectedSuggestion).toEqual([offered[1]!.quote]);
    await expect.poll(() => summary().textContent()).toContain(`${offered.length - 1} suggestions`);
  });

  it('rejects the selected suggestion with Backspace, remembered on disk apart from annotations', async () => {
    await page.keyboard.press('Backspace');
    await expect.poll(rejectedQuotes).toEqual([offered[1]!.quote]);
    expect(await annotations()).toHaveLength(1);
    await expect.poll(() => summary().textContent()).toContain('1 rejected');
  });

  it('accepts all figures at once, each with the parser’s value; undo takes them all back, redo again', async () => {
    const figures = offered.filter((s) => s.kind === 'figure');
    await sidePanel()
      .getByRole('button', { name: `Accept all ${figures.length} figures` })
      .click();
    await expect.poll(async () => (await annotations()).filter((a) => a.value).length).toBe(figures.length);
    const valuation = (await annotations()).find((a) => a.target.quote.includes('15-30 billion'));
    expect(valuation?.value).toMatchObject({ min: 15e9, max: 30e9, currency: 'USD' });
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestions-2-accepted.png') });

    await article().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await annotations()).filter((a) => a.value).length).toBe(0);
    await expect.poll(() => summary().textContent()).toContain(`${figures.length} figures`);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await annotations()).filter((a) => a.value).length).toBe(figures.length);
  });

  it('keeps rejected suggestions rejected after a reload', async () => {
    await page.reload();
    await openArticle(page, /TikTok/);
    await page.getByRole('tab', { name: 'Suggestions' }).click();
    const left = offered.length - 2 - offered.filter((s) => s.kind === 'figure').length;
    await expect.poll(() => summary().textContent()).toContain(`${left} suggestions`);
    await expect.poll(() => summary().textContent()).toContain('1 rejected');
  });

  it('looks for suggestions in every document, with progress, and lists the documents to review', async () => {
    await sidePanel().getByRole('button', { name: 'Find suggestions in all documents' }).click();
    const panel = sidePanel().getByRole('region', { name: 'All documents' });
    await expect.poll(() => panel.textContent()).toMatch(/\d+ suggestions in 1 of 1 documents/);
    await panel
      .getByRole('list', { name: 'Documents with suggestions' })
      .getByRole('button')
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestions-3-all-documents.png') });
    expect(pageProblems).toEqual([]);
  });
});
