/**
 * The workbench's layout and keys in Chromium over the browser host: the document filter and
 * progress, ] and [, the shortcuts help, the theme, and the save indicator after a change.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../renderer/src/keyboard/shortcuts';
import { type GlossSession, openGlossSession } from '../support/gloss-session';

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'business/merger.txt': 'ByteDance and Oracle\n\nThe deal could be worth $30 billion.\n',
      'tech/phones.txt': 'New phones\n\nShiny and fast.\n',
      'world/talks.txt': 'Talks in Geneva\n\nDiplomats met on Friday.\n',
    },
    context: { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
});

afterAll(() => session?.close());

/** A busy machine may take seconds where a quiet one takes milliseconds; each poll waits for its condition. */
const POLL = { timeout: 10_000 };
const nav = () => page.getByRole('navigation', { name: 'Documents' });
const rowTitles = () => nav().locator('.document-title').allTextContents();
const heading = () => page.getByRole('main').getByRole('heading', { level: 1 });
const currentKey = () => nav().locator('[aria-current="true"] .document-key').textContent();

describe('the workbench in Chromium', () => {
  it('shows three panes: documents, the reader, the side panel', async () => {
    await nav()
      .getByRole('button', { name: /ByteDance and Oracle/ })
      .waitFor();
    await page.getByRole('main').waitFor();
    await page.getByRole('complementary', { name: 'Side panel' }).waitFor();
    const boxes = await Promise.all(
      [nav(), page.getByRole('main'), page.getByRole('complementary', { name: 'Side panel' })].map((l) =>
        l.boundingBox(),
      ),
    );
    const [left, centre, right] = boxes.map((box) => box!);
    expect(left!.x).toBeLessThan(centre!.x);
    expect(centre!.x + centre!.width).toBeLessThanOrEqual(right!.x + 1);
  });

  it('filters the documents, and shows the progress', async () => {
    await expect.poll(() => nav().getByText('0 of 3 done').count(), POLL).toBe(1);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('document-filter');
    await page.keyboard.type('TECH/');
    await expect.poll(rowTitles, POLL).toEqual(['New phones']);
    await page.getByLabel('Filter documents').fill('');
    await expect.poll(rowTitles, POLL).toEqual(['ByteDance and Oracle', 'New phones', 'Talks in Geneva']);
  });

  it('] and [ open the next and previous document', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press(']');
    await expect.poll(() => heading().textContent(), POLL).toBe('ByteDance and Oracle');
    await page.keyboard.press(']');
    await expect.poll(() => heading().textContent(), POLL).toBe('New phones');
    expect(await currentKey()).toBe('tech/phones.txt');
    await page.keyboard.press('[');
    await expect.poll(() => heading().textContent(), POLL).toBe('ByteDance and Oracle');
  });

  it('d marks the document done; the indicator says Saved, and so does the disk', async () => {
    await page.keyboard.press('d');
    await expect.poll(() => nav().getByText('1 of 3 done').count(), POLL).toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .count(),
      )
      .toBe(1);
    const file = join(session.folder, '.gloss/annotations/business/merger.txt/e2e.json');
    expect(JSON.parse(await readFile(file, 'utf8')).status).toBe('done');
    const undo = page.getByRole('button', { name: 'Undo' });
    expect(await undo.getAttribute('title')).toBe('Undo Mark as done');
  });

  it('? opens the help listing every shortcut; Escape closes it', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = await help.textContent();
    for (const shortcut of SHORTCUTS) expect(text).toContain(shortcut.description);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('switches the theme, and remembers it', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    const theme = page.getByRole('group', { name: 'Theme' });
    await theme.getByRole('button', { name: 'Dark' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(luminance(dark)).toBeLessThan(luminance(light));
    await page.reload();
    await nav().getByRole('button').first().waitFor();
    expect(await background()).toBe(dark);
    await theme.getByRole('button', { name: 'System' }).click();
    expect(await background()).toBe(light);
  });

  it('raises no console errors or warnings, and no content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = rgb.match(/\d+/g)?.map(Number) ?? [];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
