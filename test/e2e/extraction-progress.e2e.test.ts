/**
 * A folder of PDFs arriving while Gloss is open, in Chromium over the browser host: the document
 * list says how far it has got reading the new files ("Reading new files: 12 of 60") while the
 * listing extracts them, then lists them all with their titles and the progress goes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, printPdf, readCorpusArticle } from '../support/article-files';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

const POLL = { timeout: 60_000 };
const COPIES = 60;

let session: GlossSession;
let page: Page;
let pdf: Buffer;
let title: string;

beforeAll(async () => {
  const article = await readCorpusArticle('business/001.txt');
  title = article.title;
  pdf = await printPdf(articlePage(article));
  session = await openGlossSession({
    from: { 'notes.txt': 'Notes\n\nA first article.\n' },
    annotator: 'e2e',
  });
  page = session.page;
  await page.goto(session.host.url);
  await page.getByRole('navigation', { name: 'Documents' }).getByText('notes.txt').waitFor(POLL);
}, 60_000);

afterAll(() => session?.close());

describe('reading a folder of new PDFs', () => {
  it('shows how far the listing has got, then every article with its title', async () => {
    const nav = page.getByRole('navigation', { name: 'Documents' });
    // Seen on any frame while the listing runs: it may last only a second.
    const shown = page.waitForFunction(
      (copies) => {
        const status = document.querySelector('.extraction-progress');
        return status && new RegExp(`^ ?Reading new files: \\d+ of ${copies}$`).test(status.textContent ?? '')
          ? status.textContent
          : null;
      },
      COPIES,
      { polling: 'raf', timeout: POLL.timeout },
    );
    await Promise.all(
      Array.from({ length: COPIES }, (_, i) =>
        writeFile(join(session.folder, `report-${String(i).padStart(2, '0')}.pdf`), pdf),
      ),
    );
    expect(await (await shown).jsonValue()).toMatch(new RegExp(`Reading new files: \\d+ of ${COPIES}`));
    await expect
      .poll(() => nav.locator('.document-rows li').first().getAttribute('aria-setsize'), POLL)
      .toBe(String(COPIES + 1));
    await expect.poll(() => page.locator('.extraction-progress').count(), POLL).toBe(0);
    expect(await nav.getByText(title).count()).toBeGreaterThan(0);
  });

  it('shows no console error, exception or CSP violation', () => {
    expect(session.problems).toEqual([]);
  });
});
