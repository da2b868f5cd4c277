/**
 * After a reload the page comes back where the researcher was reading: the same document, the
 * same paragraph in view, the same annotation selected; a document gone since gives way to the
 * first one, without an error. In Chromium over the browser host.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

const PARAGRAPHS = 600;
/** Each paragraph says which it is, and is long enough to wrap over a few lines. */
const paragraph = (n: number) =>
  `Paragraph ${n}: the regulator's review of the deal went on, and the companies answered each question in turn, at length and in writing.`;
const LONG = `A long article\n\n${Array.from({ length: PARAGRAPHS }, (_, n) => paragraph(n + 1)).join('\n\n')}\n`;
const QUOTE = 'Paragraph 420';

let session: GlossSession;
let page: Page;

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'a-first.txt': 'The first article\n\nShort.\n',
      'long.txt': LONG,
    },
    context: { viewport: { width: 1280, height: 800 } },
    // One annotation far down the long article, to select.
    prepare: async (service) => {
      const { codebook } = await service.getProject({});
      const code = codebook.codes.find((each) => each.codable)?.id;
      if (!code) throw new Error('the default codebook should have a codable code');
      const start = LONG.indexOf(`${QUOTE}:`);
      await service.createAnnotation({ key: 'long.txt', code, start, end: start + QUOTE.length });
    },
  });
  page = session.page;
  await page.goto(session.host.url);
});

afterAll(async () => {
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Documents' });
const heading = () => page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
const POLL = { timeout: 10_000 };

/** The text of the first paragraph reaching below the middle of the reading pane. */
const paragraphInMiddle = () =>
  page.evaluate(() => {
    const pane = document.querySelector('.reading-pane')!.getBoundingClientRect();
    const middle = pane.top + pane.height / 2;
    const paragraphs = [...document.querySelectorAll('.article-text p')];
    return paragraphs.find((p) => p.getBoundingClientRect().bottom > middle)?.textContent ?? null;
  });

/** Whether the article's text stands where it stood a frame and another before: no scroll moving it. */
const textAtRest = () =>
  page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const top = () => document.querySelector('.article-text')!.getBoundingClientRect().top;
        const before = top();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(top() === before)));
      }),
  );

/** Whether the paragraph starting with `prefix` is (at least partly) inside the reading pane. */
const inView = (prefix: string) =>
  page.evaluate((prefix) => {
    const pane = document.querySelector('.reading-pane')!.getBoundingClientRect();
    const element = [...document.querySelectorAll('.article-text p')].find((p) =>
      p.textContent?.startsWith(prefix),
    );
    const box = element?.getBoundingClientRect();
    return !!box && box.bottom > pane.top && box.top < pane.bottom;
  }, prefix);

describe('coming back after a reload', () => {
  let middle: string;

  it('opens nothing on a first visit', async () => {
    await nav()
      .getByRole('button', { name: /A long article/ })
      .waitFor();
    await page.getByText('Choose a document to read it.').waitFor();
  });

  it('reads far down a long article, with an annotation selected', async () => {
    await nav()
      .getByRole('button', { name: /A long article/ })
      .click();
    await expect.poll(heading, POLL).toBe('A long article');
    // j selects the next annotation and brings it into view.
    await page.keyboard.press('j');
    await expect.poll(async () => (await readHighlights(page))['gloss-selected'], POLL).toEqual([QUOTE]);
    // Then reads on a little with the mouse wheel.
    const pane = page.locator('.reading-pane');
    const box = (await pane.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await expect.poll(paragraphInMiddle).toMatch(/^Paragraph 4[23]\d:/);
    // The wheel scrolls smoothly: on a busy machine it is still moving when that paragraph first
    // passes the middle, so the place is taken where the text has come to rest, as a reader's is.
    await expect.poll(textAtRest, POLL).toBe(true);
    middle = (await paragraphInMiddle())!;
  });

  it('shows the same document, the same paragraph in view and the same annotation selected', async () => {
    await page.reload();
    await expect.poll(heading, POLL).toBe('A long article');
    const prefix = `${middle.split(':')[0]}:`;
    await expect.poll(() => inView(prefix), POLL).toBe(true);
    // Where it was, not merely somewhere on screen: the place is kept to the paragraph at the top,
    // so the middle of the pane is at most a paragraph or two off.
    const number = (text: string | null) => Number(/^Paragraph (\d+):/.exec(text ?? '')?.[1]);
    expect(Math.abs(number(await paragraphInMiddle()) - number(middle))).toBeLessThanOrEqual(2);
    await expect.poll(async () => (await readHighlights(page))['gloss-selected'], POLL).toEqual([QUOTE]);
    await expect.poll(() => inView('Paragraph 1:')).toBe(false);
  });

  it('falls back to the first document when the one being read is gone, without an error', async () => {
    await rm(join(session.folder, 'long.txt'));
    await expect.poll(() => nav().locator('.document-key').allTextContents(), POLL).toEqual(['a-first.txt']);
    await page.reload();
    await expect.poll(heading, POLL).toBe('The first article');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('raises no console errors', () => {
    expect(session.problems).toEqual([]);
  });
});
