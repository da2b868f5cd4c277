import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GlossSession, openSampleSession } from '../support/gloss-session';
import { openArticle } from '../support/reader-text';

const POLL = { timeout: 15_000 };
const DOCUMENT = 'tiktok-microsoft.txt';

let session: GlossSession;
let page: Page;

beforeAll(async () => {
  session = await openSampleSession({ annotator: 'e2e' });
  page = session.page;
  await page.goto(session.host.url);
  await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
});

afterAll(() => session?.close());

const panel = () => page.getByRole('complementary', { name: 'Side panel' });
/** The focused element's text and whether it is the current row of the list. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { text: element?.textContent ?? '', current: element?.getAttribute('aria-current') === 'true' };
  });

describe('focus follows the selection', () => {
  it('n after clicking the Suggestions tab puts focus on the first suggestion, and Enter accepts it', async () => {
    await panel().getByRole('tab', { name: 'Suggestions' }).click();
    const rows = panel().locator('.suggestion-list .suggestion-choose');
    await rows.first().waitFor(POLL);
    // The list draws only the rows in view; each row knows the whole list's length.
    const total = async () =>
      Number(await panel().locator('.suggestion-list li').first().getAttribute('aria-setsize'));
    const before = await total();
    const first = (await rows.first().textContent()) ?? '';
    const second = (await rows.nth(1).textContent()) ?? '';
    const saved = await session.service.listAnnotations({ key: DOCUMENT });

    await page.keyboard.press('n');
    await expect.poll(focused, POLL).toEqual({ text: first, current: true });
    await page.keyboard.press('Enter');
    await expect.poll(total, POLL).toBe(before - 1);
    await expect
      .poll(async () => (await session.service.listAnnotations({ key: DOCUMENT })).length, POLL)
      .toBe(saved.length + 1);
    // The tab did not take the key, and focus went on to the next suggestion.
    expect(await panel().getByRole('tab', { name: 'Suggestions' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await expect.poll(focused, POLL).toEqual({ text: second, current: true });

    // Backspace rejects the one focused; the next takes focus.
    const third = (await rows.nth(1).textContent()) ?? '';
    await page.keyboard.press('Backspace');
    await expect.poll(total, POLL).toBe(before - 2);
    await expect.poll(focused, POLL).toEqual({ text: third, current: true });
    // The precision so far, by kind, over the project (gloss suggest --stats counts the same).
    await expect
      .poll(() => panel().locator('.suggestion-stats').textContent(), POLL)
      .toBe('Accepted so far: register mentions 1 of 2 (50%).');
  });

  it('j in the Annotations tab puts focus on the selected annotation, and Delete removes it', async () => {
    await panel().getByRole('tab', { name: 'Annotations' }).click();
    const rows = panel().locator('.annotation-list .annotation-row');
    await rows.first().waitFor(POLL);
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    const first = (await rows.first().textContent()) ?? '';
    await page.keyboard.press('j');
    await expect.poll(focused, POLL).toEqual({ text: first, current: true });
    await page.keyboard.press('Delete');
    await expect.poll(() => rows.count(), POLL).toBe(count - 1);
  });

  it('shows no console error, exception or CSP violation', () => {
    expect(session.problems).toEqual([]);
  });
});
