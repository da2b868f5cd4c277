/**
 * A researcher's first minutes, in Chromium over the browser host on a copy of the sample
 * project: the page opened as the desktop app opens it on the sample's first start (`?tour`)
 * shows the guided tour, whose steps tick off only when done (a stakeholder, a concern, a
 * figure, a suggestion accepted, an export); it can be ended and opened again from Help. The
 * Settings dialog holds every setting, each applied at once and kept: theme, the reader's text
 * size and line width (after a reload too), word snapping (in the project's file), and where
 * things are kept.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GlossSession, openSampleSession } from '../support/gloss-session';
import { dragOver, openArticle } from '../support/reader-text';

const POLL = { timeout: 15_000 };

let session: GlossSession;
let page: Page;

beforeAll(async () => {
  session = await openSampleSession({ annotator: 'e2e' });
  page = session.page;
});

afterAll(() => session?.close());

const tour = () => page.getByRole('region', { name: 'Guided tour' });
const palette = () => page.getByRole('dialog', { name: 'Tag selection' });
const stepShown = () => tour().getByRole('heading').textContent();
const doneCount = () => tour().locator('.tour-progress').textContent();

describe('the guided tour', () => {
  it('opens with the sample project as the desktop app starts it, at its first step', async () => {
    await page.goto(`${session.host.url}&tour`);
    await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
    await tour().waitFor(POLL);
    expect(await stepShown()).toBe('1. Tag a stakeholder');
    expect(await doneCount()).toBe('Guided tour · 0 of 5 done');
    // The token is gone from the address, the tour's word stays.
    expect(new URL(page.url()).search).toMatch(/^\?tour=?$/);
  });

  it('ticks off each step when it is done, not before', async () => {
    // Skipping ahead and back changes the step shown, not what is done.
    await tour().getByRole('button', { name: 'Skip this step' }).click();
    expect(await stepShown()).toBe('2. Tag a concern');
    await tour().getByRole('button', { name: 'Back' }).click();
    expect(await stepShown()).toBe('1. Tag a stakeholder');

    await dragOver(page, 'ByteDance');
    await palette().waitFor(POLL);
    await page.keyboard.press('s');
    await expect
      .poll(() =>
        palette()
          .getByRole('option', { name: 'New stakeholder from selection' })
          .getAttribute('aria-selected'),
      )
      .toBe('true');
    await page.keyboard.press('Enter');
    const stakeholder = palette().getByRole('form', { name: 'New stakeholder' });
    await stakeholder.getByRole('radio', { name: 'company' }).check();
    await stakeholder.getByRole('button', { name: 'Add stakeholder' }).click();
    await expect.poll(stepShown, POLL).toBe('2. Tag a concern');
    expect(await doneCount()).toBe('Guided tour · 1 of 5 done');

    await dragOver(page, 'national security risk');
    await palette().waitFor(POLL);
    await page.keyboard.press('1');
    await expect.poll(stepShown, POLL).toBe('3. Tag a figure');

    await dragOver(page, '$ 15-30 billion');
    await palette().waitFor(POLL);
    await page.keyboard.press('v');
    const figure = palette().getByRole('form', { name: 'Figure value' });
    await figure.getByRole('textbox', { name: 'Min' }).fill('15e9');
    await figure.getByRole('textbox', { name: 'Max' }).fill('30e9');
    await figure.getByRole('combobox', { name: 'Currency' }).fill('USD');
    await figure.getByRole('combobox', { name: 'Currency' }).press('Enter');
    await expect.poll(stepShown, POLL).toBe('4. Accept a suggestion');

    const panel = page.getByRole('complementary', { name: 'Side panel' });
    await panel.getByRole('tab', { name: 'Suggestions' }).click();
    await panel
      .getByRole('button', { name: /^Accept “/ })
      .first()
      .click();
    await expect.poll(stepShown, POLL).toBe('5. Export the dataset');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the dataset' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByRole('status').waitFor(POLL);
    await expect.poll(stepShown, POLL).toBe('You have tagged, reviewed and exported');
    expect(await doneCount()).toBe('Guided tour · 5 of 5 done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached', ...POLL });
  });

  it('closes, and opens again from Help at its first step', async () => {
    await tour().getByRole('button', { name: 'Close' }).click();
    await tour().waitFor({ state: 'detached', ...POLL });
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('button', { name: 'Take the guided tour' }).click();
    await tour().waitFor(POLL);
    // A new tour counts only what is done from now on.
    expect(await stepShown()).toBe('1. Tag a stakeholder');
    expect(await doneCount()).toBe('Guided tour · 0 of 5 done');
    await tour().getByRole('button', { name: 'End tour' }).click();
    await tour().waitFor({ state: 'detached', ...POLL });
  });
});

describe('the Settings dialog', () => {
  const settings = () => page.getByRole('dialog', { name: 'Settings' });
  const reader = () => page.locator('.reader').first();
  const readerStyle = () =>
    reader().evaluate((element) => {
      const style = getComputedStyle(element);
      return { fontSize: style.fontSize, maxWidth: style.maxWidth };
    });

  it('opens on Ctrl+, with every setting, each applied at once', async () => {
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Control+,');
    await settings().waitFor(POLL);
    expect(await settings().getByText('You annotate as').textContent()).toContain('e2e');
    expect(await settings().textContent()).toContain(session.folder);

    await settings().getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The header's toggle shows the same choice.
    expect(await page.getByRole('button', { name: 'Dark', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    const before = await readerStyle();
    expect(before.fontSize).toBe('18px');
    await settings().getByRole('slider', { name: 'Reader text size' }).fill('24');
    await settings().getByRole('slider', { name: 'Reader line width' }).fill('90');
    const after = await readerStyle();
    expect(after.fontSize).toBe('24px');
    // 90 characters of a larger text: wider than 70 of the smaller.
    expect(Number.parseFloat(after.maxWidth)).toBeGreaterThan(Number.parseFloat(before.maxWidth));

    await settings().getByRole('checkbox', { name: 'Snap selections to whole words' }).uncheck();
    const projectFile = join(session.folder, '.gloss', 'project.json');
    await expect
      .poll(async () => JSON.parse(await readFile(projectFile, 'utf8')).settings.snapToWords, POLL)
      .toBe(false);
    await settings().getByRole('button', { name: 'Done' }).click();
    await settings().waitFor({ state: 'detached', ...POLL });
  });

  it('keeps the reader’s size and width and the theme after a reload', async () => {
    const chosen = await readerStyle();
    await page.reload();
    await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
    expect(await readerStyle()).toEqual(chosen);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('shows no console error, exception or CSP violation', () => {
    expect(session.problems).toEqual([]);
  });
});
