/**
 * A PDF of several pages in the reader: each paragraph a page begins in carries a small "p. N"
 * mark, drawn by CSS so it is never part of the text, and highlights still land on their words.
 * A BBC article printed by headless Chromium, over the browser host.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../main/sources/extract-document';
import { type Article, printPdf, readCorpusArticle } from '../support/article-files';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

let session: GlossSession;
let page: Page;
let article: Article;
let second: Article;
let pages: { number: number; start: number }[];
let text: string;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

beforeAll(async () => {
  [article, second] = await Promise.all([
    readCorpusArticle('business/001.txt'),
    readCorpusArticle('politics/003.txt'),
  ]);
  const section = (a: Article, style: string) =>
    `<h1 style="${style}">${escapeHtml(a.title)}</h1>${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`;
  // Large type, so that the second article's paragraphs run over page breaks.
  const pdf = await printPdf(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two articles</title><style>body { font-size: 22px }</style></head><body>${section(article, '')}${section(second, 'break-before: page')}</body></html>`,
  );
  const extracted = await extractDocument('two.pdf', pdf);
  text = extracted.text;
  pages = extracted.metadata.pages!;
  session = await openGlossSession({
    from: { 'two.pdf': pdf },
    // The first words of the second article, which begins page 2, tagged.
    prepare: async (service) => {
      const { codebook } = await service.getProject({});
      const code = codebook.codes.find((each) => each.codable)!.id;
      const start = text.indexOf(second.title);
      await service.createAnnotation({ key: 'two.pdf', code, start, end: start + second.title.length });
    },
  });
  page = session.page;
  await page.goto(session.host.url);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe("a PDF's pages in the reader", () => {
  it('marks the paragraph each page begins in, outside the text', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    await page
      .getByRole('navigation', { name: 'Documents' })
      .getByRole('button', { name: /Two articles/ })
      .click();
    const region = page.getByRole('region', { name: 'Article text' });
    await region.getByText(second.paragraphs[0]!).waitFor();

    const marks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.article-text p[data-page]')].map((p) => ({
        start: Number(p.dataset.start),
        mark: p.dataset.page,
        shown: getComputedStyle(p, '::before').content,
        text: p.textContent,
      })),
    );
    // Every page has its mark, on the paragraph its first character is in.
    expect(marks.map((m) => m.mark)).toEqual(pages.map((p) => `p. ${p.number}`));
    expect(marks.map((m) => m.shown)).toEqual(pages.map((p) => `"p. ${p.number}"`));
    for (const [i, mark] of marks.entries()) {
      const paragraphEnd = text.indexOf('\n\n', mark.start);
      expect(mark.start).toBeLessThanOrEqual(pages[i]!.start);
      expect(paragraphEnd === -1 ? text.length : paragraphEnd).toBeGreaterThan(pages[i]!.start);
    }
    // The second article starts a page of its own; the first runs over a page break mid-paragraph.
    expect(marks.map((m) => m.text)).toContain(second.title);
    expect(pages.some((p) => text.charAt(p.start - 1) === ' ')).toBe(true);
    // The marks are not text: the region holds exactly the article's text, paragraph by paragraph.
    const shown = await region.evaluate((el) =>
      [...el.querySelectorAll('p')].map((p) => p.textContent).join('\n\n'),
    );
    expect(shown).toBe(text);
  });

  it('keeps highlights on their words in a marked paragraph', async () => {
    await expect
      .poll(async () => Object.values(await readHighlights(page)).flat(), { timeout: 10_000 })
      .toContain(second.title);
    expect(session.problems).toEqual([]);
  });
});
