/**
 * Tagging search hits through review, in Chromium over the browser host on real BBC articles:
 * a word searched, Tag all hits with a code (nothing tagged yet), the proposals reviewed in the
 * Suggestions tab (one accepted, one rejected), both undone and the accept redone; what is saved
 * checked through the API at each step, at the hits' exact offsets.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

const WORD = 'privacy';
const BBC = ['politics/046.txt', 'tech/061.txt', 'tech/079.txt', 'tech/096.txt', 'business/001.txt'];
const WHOLE_WORD = /(?<![\p{L}\p{M}\p{N}])privacy(?![\p{L}\p{M}\p{N}])/giu;

let session: GlossSession;
let page: Page;
/** The service the page talks to, asked directly: what is saved, whatever the screen says. */
let api: GlossSession['service'];
let problems: string[] = [];
const files: Record<string, string> = {};

beforeAll(async () => {
  for (const key of BBC) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  session = await openGlossSession({ from: files, context: { viewport: { width: 1440, height: 900 } } });
  ({ page, problems } = session);
  api = session.service;
  total = BBC.reduce((sum, key) => sum + hitsIn(key).length, 0);
  documents = BBC.filter((key) => hitsIn(key).length > 0).length;
  // The first step is a shortcut: it waits for the app to list the project.
  await session.showProject();
});

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });

/** Whole-word hits per document, found the plain way. */
function hitsIn(key: string): { start: number; end: number }[] {
  return [...files[key]!.matchAll(WHOLE_WORD)].map((m) => ({ start: m.index, end: m.index + WORD.length }));
}
let total: number;
let documents: number;

async function annotationsOf(key: string) {
  return (await api.listAnnotations({ key })).map((a) => ({
    code: a.code,
    start: a.target.start,
    end: a.target.end,
  }));
}
async function proposalsOf(key: string) {
  return (await api.listSuggestions({ key })).suggestions.filter((s) => s.kind === 'search');
}

describe('tagging search hits through review', () => {
  it('proposes every hit with the chosen code, and tags nothing', async () => {
    await page.keyboard.press('Control+Shift+F');
    await panel().getByRole('searchbox', { name: 'Search the articles' }).fill(WORD);
    await page.keyboard.press('Enter');
    await panel().getByText(`${total} hits in ${documents} documents`).waitFor();

    await panel()
      .getByRole('button', { name: `Tag all ${total} hits…` })
      .click();
    await panel()
      .getByRole('combobox', { name: `Tag all ${total} hits with` })
      .selectOption('Privacy');
    await panel().getByRole('button', { name: 'Propose for review' }).click();
    await panel()
      .getByText(
        `${total} hits proposed as Privacy for review in ${documents} documents — review them in Suggestions.`,
      )
      .waitFor(POLL);
    for (const key of BBC) {
      expect(await annotationsOf(key)).toEqual([]);
      expect((await proposalsOf(key)).map((s) => [s.start, s.end])).toEqual(
        hitsIn(key).map((h) => [h.start, h.end]),
      );
    }
  });

  it('reviews them in Suggestions: one accepted, one rejected, both undone, the accept redone', async () => {
    await panel().getByRole('button', { name: 'Review in Suggestions' }).click();
    await expect
      .poll(() => panel().getByRole('tab', { name: 'Suggestions' }).getAttribute('aria-selected'))
      .toBe('true');
    const listed = panel().getByRole('list', { name: 'Documents with search hits to review' });
    await expect.poll(() => listed.getByRole('button').count(), POLL).toBe(documents);
    // The document with the most is opened, its proposals listed with the query they came from.
    const waiting = await api.searchProposals({});
    const key = waiting.documents[0]!.key;
    const heading = page.getByRole('main').getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), POLL).toBe(files[key]!.split('\n')[0]!.trim());
    const [first, second] = hitsIn(key);
    const rows = panel().getByRole('list', { name: 'Suggestions' });
    await expect.poll(() => rows.getByText(`search “${WORD}”`).count(), POLL).toBe(hitsIn(key).length);

    await rows
      .getByRole('button', { name: /^Accept “privacy” as Privacy$/i })
      .first()
      .click();
    await expect.poll(() => annotationsOf(key), POLL).toEqual([{ code: 'privacy', ...first }]);
    await expect.poll(async () => (await proposalsOf(key)).length, POLL).toBe(hitsIn(key).length - 1);

    // The list on screen follows the answer: the accepted row is gone before the next is rejected.
    await expect.poll(() => rows.getByText(`search “${WORD}”`).count(), POLL).toBe(hitsIn(key).length - 1);
    await rows
      .getByRole('button', { name: /^Reject “privacy”$/i })
      .first()
      .click();
    await expect
      .poll(async () => (await proposalsOf(key)).map((s) => s.start), POLL)
      .toEqual(
        hitsIn(key)
          .slice(2)
          .map((h) => h.start),
      );
    expect((await api.listSuggestions({ key })).rejected).toBeGreaterThanOrEqual(1);
    // Its count among the documents to review follows.
    const title = files[key]!.split('\n')[0]!.trim();
    const entry = listed.getByRole('button').filter({ hasText: title });
    await expect.poll(() => entry.textContent(), POLL).toBe(`${title}${hitsIn(key).length - 2}`);

    const undo = page.getByRole('button', { name: 'Undo' });
    await undo.click();
    await expect
      .poll(async () => (await proposalsOf(key)).map((s) => s.start), POLL)
      .toEqual([
        second!.start,
        ...hitsIn(key)
          .slice(2)
          .map((h) => h.start),
      ]);
    await undo.click();
    await expect.poll(() => annotationsOf(key), POLL).toEqual([]);
    await expect
      .poll(async () => (await proposalsOf(key)).map((s) => s.start), POLL)
      .toEqual(hitsIn(key).map((h) => h.start));

    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => annotationsOf(key), POLL).toEqual([{ code: 'privacy', ...first }]);
    const saved = await api.listAnnotations({ key });
    expect(saved[0]!.target.quote.toLowerCase()).toBe(WORD);
    expect(files[key]!.slice(saved[0]!.target.start, saved[0]!.target.end)).toBe(saved[0]!.target.quote);
    expect(problems).toEqual([]);
  });
});
