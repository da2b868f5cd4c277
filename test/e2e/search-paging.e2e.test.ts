/**
 * Corpus search over 2,000 real BBC articles in Chromium: a word with more than 10,000 hits
 * scrolled to its very last hit (pages loaded as their rows come into view), and a slow regular
 * expression showing its progress, stopped by Cancel and by Escape, leaving nothing stale.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

const ARTICLES = 2_000;
const WHOLE_THE = /(?<![\p{L}\p{M}\p{N}])the(?![\p{L}\p{M}\p{N}])/giu;
/** Every word looks ahead through the rest of its text for a word no article has: slow, and cancellable between texts. */
const SLOW_REGEX = '/\\w+(?=[\\s\\S]*qqqqzzzz)/';

let session: GlossSession;
let page: Page;
let problems: string[] = [];
const files: Record<string, string> = {};

beforeAll(async () => {
  const root = join(CORPUS, 'news-txt');
  const texts: string[] = [];
  for (const section of (await readdir(root)).sort()) {
    for (const name of (await readdir(join(root, section))).sort()) {
      texts.push((await readFile(join(root, section, name), 'utf8')).replace(/\r\n?/g, '\n'));
    }
  }
  // The corpus's 1,781 articles, and some again under other names.
  for (let i = 0; i < ARTICLES; i++) {
    files[`part-${String(Math.floor(i / 500))}/article-${String(i).padStart(4, '0')}.txt`] =
      texts[i % texts.length]!;
  }
  session = await openGlossSession({ from: files, context: { viewport: { width: 1440, height: 900 } } });
  ({ page, problems } = session);
  // 2,000 documents are listed before the shortcuts are used.
  await session.showProject();
}, 120_000);

afterAll(() => session?.close());

const POLL = { timeout: 60_000 };
const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const field = () => panel().getByRole('searchbox', { name: 'Search the articles' });
const hits = () => panel().getByRole('list', { name: 'Search hits' });

async function search(query: string) {
  await field().fill(query);
  await field().press('Enter');
}

describe('a search with very many hits, and a slow one', () => {
  it('scrolls to the last of more than 10,000 hits', async () => {
    await page.keyboard.press('Control+Shift+F');
    const total = Object.values(files).reduce((sum, text) => sum + (text.match(WHOLE_THE)?.length ?? 0), 0);
    expect(total).toBeGreaterThan(10_000);
    await search('the');
    await panel().getByText(`${total} hits in ${ARTICLES} documents`).waitFor(POLL);
    // Only the first page is asked for at first: the rows further down are there, empty.
    expect(await hits().locator('li').first().getAttribute('aria-setsize')).toBe(String(total));

    // Scrolled to the end, as a scroll bar dragged down: the last page loads, and its last hit shows.
    const [last] = (await session.service.searchCorpus({ query: 'the', limit: 1, offset: total - 1 })).hits;
    await page.locator('.search-hits').evaluate((list) => {
      list.scrollTop = list.scrollHeight;
    });
    const lastRow = hits().locator(`li[aria-posinset="${total}"]`);
    await expect
      .poll(() => lastRow.getByRole('button').first().getAttribute('aria-label'), POLL)
      .toMatch(new RegExp(`, in ${last!.key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
    expect(await lastRow.locator('mark').textContent()).toBe(last!.text);
    expect(await lastRow.locator('.search-hit-right').textContent()).toBe(last!.right);

    // Home goes back to the first hit, already loaded.
    await lastRow.getByRole('button').first().focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe('1');
  });

  it('shows a slow search’s progress; Cancel and Escape stop it, leaving nothing of it', async () => {
    // What main answered the stopped searches: stopped there too, not left running.
    const answers: string[] = [];
    page.on('response', async (response) => {
      if (!response.url().includes('/api/searchCorpus')) return;
      answers.push(await response.text().catch(() => ''));
    });
    await search(SLOW_REGEX);
    const status = panel().getByText(/^(Indexing|Searching) \d+ of 2000 articles…$/);
    await status.waitFor(POLL);
    await panel().getByRole('button', { name: 'Cancel' }).click();
    await panel().getByText('Search stopped').waitFor(POLL);
    expect(await hits().count()).toBe(0);
    expect(await panel().getByRole('progressbar', { name: 'Search progress' }).count()).toBe(0);

    // Again, stopped with Escape from the field; then another search answers as usual.
    await search(SLOW_REGEX);
    await status.waitFor(POLL);
    await field().press('Escape');
    await panel().getByText('Search stopped').waitFor(POLL);
    expect(await hits().count()).toBe(0);
    // The stopped search's answer never arrives late over a newer one.
    await expect.poll(() => answers.filter((a) => a.includes('"cancelled"')).length, POLL).toBe(2);
    await search('privacy');
    const privacy = await session.service.searchCorpus({ query: 'privacy', limit: 1, offset: 0 });
    await panel().getByText(`${privacy.total} hits in ${privacy.documents} documents`).waitFor(POLL);
    await page.waitForTimeout(500);
    expect(await panel().getByText('Search stopped').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
