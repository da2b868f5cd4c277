import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { dragOver, openArticle } from '../support/reader-text';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';

/**
 * A save the disk refuses, in Chromium over the browser host, with the project on a 1 MB tmpfs:
 * the disk fills up (then turns read-only) while the researcher tags a passage. The tag stays on
 * screen, the header says Failed and its list names the change and why in plain words; once the
 * disk has room (is writable) again, Retry saves it and the header says Saved.
 */

const ANNOTATOR = 'e2e';
const DOCUMENT = 'tiktok-microsoft.txt';
const FILE = `.gloss/annotations/${DOCUMENT}/${ANNOTATOR}.json`;
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let disk: SmallDisk | undefined;
let session: GlossSession | undefined;
let page: Page;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  disk = await mountSmallDisk('1m');
  session = await openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    parent: disk.path,
    annotator: ANNOTATOR,
    context: { viewport: { width: 1440, height: 900 } },
  });
  page = session.page;
  await page.goto(session.host.url);
  await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
});

afterAll(async () => {
  try {
    session?.service.close(); // stops watching the folder before it goes
    await session?.close();
  } finally {
    await disk?.unmount();
  }
});

const status = () => page.locator('.save-indicator').getByRole('status');
const palette = () => page.getByRole('dialog', { name: 'Tag selection' });

/** Tags the first occurrence of `quote` with the palette's first code (Security). */
async function tag(quote: string): Promise<void> {
  await dragOver(page, quote);
  await palette().waitFor();
  await page.keyboard.press('1');
  await palette().waitFor({ state: 'detached' });
}

async function failureList(shot: string): Promise<string> {
  await page.getByRole('button', { name: /^What failed/ }).click();
  const list = page.locator('#save-failures');
  await list.waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, `disk-faults-${shot}.png`) });
  const text = (await list.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

async function quotesOnDisk(): Promise<string[]> {
  const text = await readFile(join(session!.folder, FILE), 'utf8').catch(() => undefined);
  return text ? JSON.parse(text).annotations.map((a: { target: { quote: string } }) => a.target.quote) : [];
}

async function expectRefusedThenRetried(
  quote: string,
  words: string,
  fault: () => void,
  mend: () => unknown,
) {
  const before = await quotesOnDisk();
  fault();
  try {
    await tag(quote);
    await expect.poll(() => status().textContent()).toBe('Failed');
    expect(await failureList(words.split(' ').at(-1)!)).toContain(
      `Tag “${quote}” as Security: Could not save ${FILE}: ${words}`,
    );
    // The change is still on screen, and not on disk.
    expect((await readHighlights(page))['gloss-code-security']).toContain(quote);
    expect(await quotesOnDisk()).toEqual(before);
  } finally {
    await mend();
  }
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => status().textContent()).toBe('Saved');
  expect(await quotesOnDisk()).toEqual([...before, quote]);
  expect((await readHighlights(page))['gloss-code-security']).toContain(quote);
}

describe('a save the disk refuses', () => {
  it('a full disk: Failed, "the disk is full", the tag stays; freed, Retry saves it', async () => {
    await expectRefusedThenRetried(
      'national security risk',
      'the disk is full',
      () => disk!.fill(),
      () => disk!.free(),
    );
  });

  it('a read-only folder: Failed, "the folder is read-only"; writable again, Retry saves it', async () => {
    await expectRefusedThenRetried(
      'ByteDance',
      'the folder is read-only',
      () => disk!.readOnly(),
      () => disk!.writable(),
    );
  });

  it('shows nothing on the console: a refused save is an answer (an io error envelope), not a failed request', () => {
    expect(session!.problems).toEqual([]);
  });
});
