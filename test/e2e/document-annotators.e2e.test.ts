/**
 * Who has worked on each document, in Chromium over the browser host: alice (this page) and bob
 * tag and mark documents through the API, the list shows both of them on a document with their
 * status and count, bob finishing another document on disk shows once the folder watcher lists
 * again, the list filters by annotator and status down to the document both finished, and the
 * chips fit the list's rows and stay readable in the dark theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossClient } from '../../shared/api-client';
import { type AnnotatorClients, annotatorClients } from '../support/annotator-clients';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

let session: GlossSession;
let page: Page;
let colleagues: AnnotatorClients;
let bob: GlossClient;

/** The part of the service or a client that tagging needs: both answer these the same way. */
interface Tagger {
  getDocument(request: { key: string }): Promise<{ text: string }>;
  createAnnotation(request: { key: string; code: string; start: number; end: number }): Promise<unknown>;
}

/** Tags the first `count` words of five letters or more of `key`'s text as `client`'s annotator. */

async function tagWords(client: Tagger, key: string, count: number) {
  const { text } = await client.getDocument({ key });
  for (const word of [...text.matchAll(/\p{L}{5,}/gu)].slice(0, count)) {
    await client.createAnnotation({
      key,
      code: 'security',
      start: word.index,
      end: word.index + word[0].length,
    });
  }
}

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'merger.txt':
        'ByteDance and Oracle\n\nOracle could pay thirty billion. Privacy groups objected loudly.\n',
      'talks.txt': 'Talks in Geneva\n\nDiplomats met on Friday. Oracle sent nobody to the meeting.\n',
      'phones.txt': 'New phones\n\nShiny handsets arrived before Christmas.\n',
    },
    annotator: 'alice',
    context: { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
    prepare: async (service) => {
      await tagWords(service, 'merger.txt', 2);
      await service.setDocumentStatus({ key: 'merger.txt', status: 'done' });
    },
  });
  page = session.page;
  colleagues = annotatorClients(session.folder);
  bob = await colleagues.as('bob');
  await tagWords(bob, 'merger.txt', 3);
  await bob.setDocumentStatus({ key: 'merger.txt', status: 'done' });
  await tagWords(bob, 'talks.txt', 1);
  await bob.setDocumentStatus({ key: 'talks.txt', status: 'in-progress' });
  await page.goto(session.host.url);
});

afterAll(async () => {
  await colleagues?.close();
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Documents' });
const row = (key: string) => nav().getByRole('listitem').filter({ hasText: key });
const chips = (key: string) =>
  row(key)
    .locator('.annotator-chip')
    .evaluateAll((found) => found.map((chip) => chip.getAttribute('aria-label')));
const listedKeys = () => nav().locator('.document-key').allTextContents();
const POLL = { timeout: 15_000 };

describe('who has worked on each document, in Chromium', () => {
  it('shows both annotators on a document, each with their status and count', async () => {
    await expect.poll(listedKeys, POLL).toEqual(['merger.txt', 'phones.txt', 'talks.txt']);
    await row('merger.txt').getByRole('img', { name: 'bob: done, 3 annotations' }).waitFor();
    expect(await chips('merger.txt')).toEqual([
      'alice (you): done, 2 annotations',
      'bob: done, 3 annotations',
    ]);
    expect(await chips('talks.txt')).toEqual(['bob: in progress, 1 annotation']);
    expect(await chips('phones.txt')).toEqual([]);
    // Initials drawn in the chip, the tooltip saying the rest.
    const bobs = row('merger.txt').getByRole('img', { name: 'bob: done, 3 annotations' });
    expect(await bobs.evaluate((chip) => getComputedStyle(chip, '::before').content)).toBe('"Bo"');
    expect(await bobs.getAttribute('title')).toBe('bob: done, 3 annotations');
    // A screen reader hears who worked on it as part of the row's name, after the document's own words.
    const named = nav().getByRole('button', {
      name: /^ByteDance and Oracle.*merger\.txt.*alice \(you\): done, 2 annotations.*bob: done, 3 annotations/,
    });
    expect(await named.count()).toBe(1);
  });

  it('fits the chips inside the rows of the virtualised list, beside the key', async () => {
    const rowBox = (await row('merger.txt').getByRole('button').boundingBox())!;
    const keyBox = (await row('merger.txt').locator('.document-key').boundingBox())!;
    const drawn = await row('merger.txt').locator('.annotator-chip').all();
    expect(drawn).toHaveLength(2);
    for (const chip of drawn) {
      const box = (await chip.boundingBox())!;
      expect(box.width).toBeGreaterThan(10);
      expect(box.y).toBeGreaterThanOrEqual(rowBox.y);
      expect(box.y + box.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
      expect(box.x + box.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
      expect(box.x).toBeGreaterThanOrEqual(keyBox.x + keyBox.width);
    }
  });

  it('shows what bob did on disk once the list is listed again', async () => {
    await bob.setDocumentStatus({ key: 'talks.txt', status: 'done' });
    await tagWords(bob, 'phones.txt', 1);
    await expect.poll(() => chips('talks.txt'), POLL).toEqual(['bob: done, 1 annotation']);
    await expect.poll(() => chips('phones.txt'), POLL).toEqual(['bob: to do, 1 annotation']);
  });

  it('filters by annotator and their status, with this annotator’s own status', async () => {
    const annotator = nav().getByLabel('Annotator', { exact: true });
    const theirStatus = nav().getByLabel('Annotator’s status');
    expect(await annotator.locator('option').allTextContents()).toEqual([
      'Anyone',
      'alice (you) (1)',
      'bob (3)',
    ]);
    await annotator.selectOption('bob');
    await expect.poll(listedKeys, POLL).toEqual(['merger.txt', 'phones.txt', 'talks.txt']);
    await theirStatus.selectOption('done');
    await expect.poll(listedKeys, POLL).toEqual(['merger.txt', 'talks.txt']);
    // The documents both coders finished: bob's done, and mine.
    await nav().getByLabel('Status', { exact: true }).selectOption('done');
    await expect.poll(listedKeys, POLL).toEqual(['merger.txt']);
    await annotator.selectOption('');
    await nav().getByLabel('Status', { exact: true }).selectOption('all');
    await expect.poll(listedKeys, POLL).toEqual(['merger.txt', 'phones.txt', 'talks.txt']);
  });

  it('keeps the chips readable in the dark theme', async () => {
    const done = row('merger.txt').getByRole('img', { name: 'bob: done, 3 annotations' });
    const colours = () =>
      done.evaluate((chip) => [getComputedStyle(chip).color, getComputedStyle(chip).backgroundColor]);
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(colours, POLL).not.toEqual(light);
    const dark = await colours();
    // Dark text on a light chip, then light text on a dark one, each with a clear difference.
    expect(luminance(light[1]!) - luminance(light[0]!)).toBeGreaterThan(100);
    expect(luminance(dark[0]!) - luminance(dark[1]!)).toBeGreaterThan(100);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('raises no console errors or warnings', () => {
    expect(session.problems).toEqual([]);
  });
});

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
