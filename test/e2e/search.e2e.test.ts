/**
 * Corpus search in Chromium over the browser host, on real BBC articles and one with emoji and
 * accents: Ctrl+Shift+F, a word, Enter; the count checked against the files themselves; a hit in
 * another document opened and tagged with a code's key, saved at exactly the hit's offsets.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { openArticle } from '../support/reader-text';

const WORD = 'privacy';
const BBC = ['politics/046.txt', 'tech/061.txt', 'tech/079.txt', 'tech/096.txt', 'business/001.txt'];
/** Emoji before the hits (two UTF-16 units each, flags and skin tones more) and accented words around them. */
const ACCENTS = [
  'Café society 🎉 and privacy',
  '',
  'À Zürich, the naïve café owner 😀👍🏽 said privacy matters: « Privacy-first » menus for 🇨🇭 Genève.',
  '',
].join('\n');
const ACCENTS_KEY = 'world/accents.txt';

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];
let files: Record<string, string>;

beforeAll(async () => {
  files = { [ACCENTS_KEY]: ACCENTS };
  for (const key of BBC) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  session = await openGlossSession({ from: files, context: { viewport: { width: 1440, height: 900 } } });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
});

afterAll(() => session?.close());

const POLL = { timeout: 10_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const heading = () => page.getByRole('main').getByRole('heading', { level: 1 });

/** Whole words in any case, as search-query.ts defines them: not inside a longer run of letters or digits. */
function countWord(word: string): number {
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${word}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
  return Object.values(files).reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);
}

describe('corpus search in Chromium', () => {
  it('opens with Ctrl+Shift+F, and counts what a regular expression over the files counts', async () => {
    // Reading another article, focus in its text.
    const title = files['tech/061.txt']!.split('\n')[0]!;
    await openArticle(page, new RegExp(title));
    await page.getByRole('region', { name: 'Article text' }).click();
    await page.keyboard.press('Control+Shift+F');
    const field = panel().getByRole('searchbox', { name: 'Search the articles' });
    await expect.poll(() => field.evaluate((input) => input === document.activeElement), POLL).toBe(true);
    await page.keyboard.type(WORD);
    await page.keyboard.press('Enter');
    const expected = countWord(WORD);
    await panel().getByText(`${expected} hits in 5 documents`).waitFor();
    await expect
      .poll(() => panel().getByRole('list', { name: 'Search hits' }).getByRole('listitem').count())
      .toBe(expected);
  });

  it('opens a hit after emoji in another document, selected, and a code’s key tags exactly it', async () => {
    const hit = panel().getByRole('button', { name: /naïve café owner 😀👍🏽 said, privacy, matters/ });
    expect(await hit.getAttribute('aria-label')).toMatch(/, in world\/accents\.txt$/);
    await hit.click();
    await expect.poll(() => heading().textContent(), POLL).toBe('Café society 🎉 and privacy');
    const start = ACCENTS.indexOf(`said ${WORD}`) + 'said '.length;
    // The passage waits to be tagged: marked in the text, offered by the palette, focus in the text.
    await expect.poll(async () => (await readHighlights(page))['gloss-pending'], POLL).toEqual([WORD]);
    await page.getByRole('dialog', { name: 'Tag selection' }).getByText(`“${WORD}”`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Article text',
    );
    expect(await hit.getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('1');
    const file = join(session.folder, '.gloss', 'annotations', 'world', 'accents.txt', 'e2e.json');
    const saved = async () =>
      JSON.parse(await readFile(file, 'utf8').catch(() => '{"annotations":[]}')).annotations.map(
        (a: { code: string; target: { start: number; end: number; quote: string } }) => [a.code, a.target],
      );
    await expect
      .poll(saved, POLL)
      .toEqual([['security', expect.objectContaining({ start, end: start + WORD.length, quote: WORD })]]);
    // UTF-16 offsets: the three emoji and the skin tone before the hit take two units each.
    expect(start).toBe([...ACCENTS.slice(0, start)].length + 4);
    expect(pageProblems).toEqual([]);
  });
});
