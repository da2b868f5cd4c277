/**
 * The project folder changing under an open page, in Chromium over the browser host: articles
 * copied in, deleted, renamed or edited by another program show in the list and the reader
 * without a restart, and the open article keeps its place.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../main/api/gloss-service';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { dragOver } from '../support/reader-text';

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'alpha.txt': 'Alpha report\n\nThe first article.\n',
      'beta.txt': 'Beta report\n\nThe second article.\n',
      'news/gamma.txt': 'Gamma report\n\nThe third article, before the edit.\n',
    },
    context: { viewport: { width: 1280, height: 800 } },
  });
  ({ page, problems: pageProblems } = session);
  const isApiCall = (request: Request) => {
    const path = new URL(request.url()).pathname;
    return path.startsWith('/api/') && path !== '/api/events';
  };
  page.on('request', (request) => {
    if (isApiCall(request)) apiCallsOnTheirWay++;
  });
  const ended = (request: Request) => {
    if (isApiCall(request)) apiCallsOnTheirWay--;
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  await page.goto(session.host.url);
});

/**
 * Each step changes the folder only once the page has no API call on its way. A call the page
 * already made for an article that another program then renames is answered "not found" (the
 * page copes; api-answers.e2e tests that race), and on a busy machine the previous step's last call (the
 * suggestions of the article just reloaded) can still be on its way.
 */
let apiCallsOnTheirWay = 0;
const pageIdle = () => expect.poll(() => apiCallsOnTheirWay, POLL).toBe(0);

afterAll(async () => {
  session?.service.close();
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Documents' });
/** The keys listed; with none, what the list says instead (an error), so a failure shows why. */
const listedKeys = async () => {
  const keys = await nav().locator('.document-key').allTextContents();
  return keys.length > 0 ? keys : nav().getByRole('alert').allTextContents();
};
const currentKey = () => nav().locator('[aria-current="true"] .document-key').textContent();
const articleText = () => page.getByRole('region', { name: 'Article text' }).textContent();
const heading = () => page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
const missingNotice = () => page.getByRole('main').getByText(/removed or renamed on disk/);
const file = (key: string) => join(session.folder, ...key.split('/'));
/** The quotes of this annotator's annotations of `key`, as saved on disk. */
const quotesSaved = async (key: string) => {
  const path = join(session.folder, '.gloss', 'annotations', ...key.split('/'), 'e2e.json');
  const saved = JSON.parse(await readFile(path, 'utf8').catch(() => '{"annotations":[]}'));
  return (saved.annotations as { target: { quote: string } }[]).map((a) => a.target.quote);
};
/** Generous for a loaded machine; the list usually follows in about a third of a second. */
const POLL = { timeout: 10_000 };

describe('watching the project folder', () => {
  it('opens an article to keep open while the folder changes', async () => {
    await expect.poll(listedKeys, POLL).toEqual(['alpha.txt', 'beta.txt', 'news/gamma.txt']);
    await nav()
      .getByRole('button', { name: /Gamma report/ })
      .click();
    await expect.poll(heading).toBe('Gamma report');
  });

  it('lists an article written into the folder', async () => {
    await pageIdle();
    await mkdir(file('news/late'));
    await writeFile(file('news/late/delta.txt'), 'Delta report\n\nArrived while Gloss was open.\n');
    await expect
      .poll(listedKeys, POLL)
      .toEqual(['alpha.txt', 'beta.txt', 'news/gamma.txt', 'news/late/delta.txt']);
    await expect.poll(currentKey).toBe('news/gamma.txt');
  });

  it('drops an article deleted from the folder', async () => {
    await pageIdle();
    await rm(file('beta.txt'));
    await expect.poll(listedKeys, POLL).toEqual(['alpha.txt', 'news/gamma.txt', 'news/late/delta.txt']);
  });

  it('follows an article renamed in the folder', async () => {
    await pageIdle();
    await rename(file('alpha.txt'), file('omega.txt'));
    await expect.poll(listedKeys, POLL).toEqual(['news/gamma.txt', 'news/late/delta.txt', 'omega.txt']);
    expect(await currentKey()).toBe('news/gamma.txt');
    expect(await heading()).toBe('Gamma report');
  });

  it('shows the open article’s new text when it is edited on disk', async () => {
    await pageIdle();
    await writeFile(file('news/gamma.txt'), 'Gamma report\n\nThe third article, after the edit.\n');
    await expect.poll(articleText, POLL).toContain('after the edit');
    expect(await articleText()).not.toContain('before the edit');
    expect(await currentKey()).toBe('news/gamma.txt');
  });

  it('keeps showing the open article removed from disk, and says so', async () => {
    await pageIdle();
    await rename(file('news/gamma.txt'), file('news/gamma-moved.txt'));
    await expect.poll(() => missingNotice().count(), POLL).toBe(1);
    expect(await heading()).toBe('Gamma report');
    expect(await articleText()).toContain('after the edit');
    expect(await listedKeys()).toEqual(['news/gamma-moved.txt', 'news/late/delta.txt', 'omega.txt']);

    // Put back under its name, it is the open article again.
    await pageIdle();
    await rename(file('news/gamma-moved.txt'), file('news/gamma.txt'));
    await expect.poll(() => missingNotice().count(), POLL).toBe(0);
    await expect.poll(currentKey).toBe('news/gamma.txt');
  });

  it('follows the open article renamed on disk, with its annotations, recognised by its text', async () => {
    const key = 'news/gamma.txt';
    const { text } = await session.service.getDocument({ key });
    const start = text.indexOf('third article');
    await session.service.createAnnotation({ key, code: 'privacy', start, end: start + 13 });
    await pageIdle();
    await rename(file(key), file('news/gamma-renamed.txt'));
    await expect.poll(currentKey, POLL).toBe('news/gamma-renamed.txt');
    await expect
      .poll(async () => (await readHighlights(page))['gloss-code-privacy'], POLL)
      .toEqual(['third article']);
    expect(await missingNotice().count()).toBe(0);
    expect(await heading()).toBe('Gamma report');
  });

  it('shows another annotator’s tag in the open article when their file arrives', async () => {
    const key = 'news/gamma-renamed.txt';
    const bob = createGlossService({ annotator: 'bob', watchFolder: false });
    try {
      await bob.open(session.folder);
      const { text } = await bob.getDocument({ key });
      const start = text.indexOf('Gamma report');
      await bob.createAnnotation({ key, code: 'security', start, end: start + 12 });
    } finally {
      bob.close();
    }
    await expect
      .poll(async () => (await readHighlights(page))['gloss-code-security'], POLL)
      .toEqual(['Gamma report']);
    expect((await readHighlights(page))['gloss-code-privacy']).toEqual(['third article']);
  });

  it('undoes a tag made before the open article was renamed, in the article under its new name', async () => {
    await dragOver(page, 'after the edit');
    await page.getByRole('dialog', { name: 'Tag selection' }).waitFor();
    await page.keyboard.press('1');
    await page.getByRole('dialog', { name: 'Tag selection' }).waitFor({ state: 'detached' });
    await expect
      .poll(() => quotesSaved('news/gamma-renamed.txt'), POLL)
      .toEqual(['third article', 'after the edit']);
    await pageIdle();
    await rename(file('news/gamma-renamed.txt'), file('news/gamma-final.txt'));
    await expect.poll(currentKey, POLL).toBe('news/gamma-final.txt');

    await page.getByRole('region', { name: 'Article text' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => quotesSaved('news/gamma-final.txt'), POLL).toEqual(['third article']);
    await expect
      .poll(() => page.locator('.save-indicator').getByRole('status').textContent(), POLL)
      .toBe('Saved');
    // The tag's code is drawn no more; the older tags still are.
    const tagsDrawn = async () =>
      Object.entries(await readHighlights(page))
        .flatMap(([name, quotes]) => (name.startsWith('gloss-code-') ? quotes : []))
        .sort();
    await expect.poll(tagsDrawn, POLL).toEqual(['Gamma report', 'third article']);
  });

  it('showed no console errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
