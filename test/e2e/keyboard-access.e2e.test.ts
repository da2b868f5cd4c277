/**
 * The keyboard where it used to let researchers down, in headless Chromium over the browser host,
 * on a copy of the sample project: modal dialogs keep focus in and the page behind out of reach,
 * the pickers keep the active option in view, and shortcuts follow key positions on non-Latin layouts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { openArticle } from '../support/reader-text';

const DOCUMENT = 'tiktok-microsoft.txt';
const CONCERN = 'national security risk';
const STAKEHOLDER = 'Regulators';
/** A register long enough that its picker must scroll. */
const REGISTER_SIZE = 50;

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    context: { viewport: { width: 1440, height: 900 } },
    prepare: async (service) => {
      const { text } = await service.getDocument({ key: DOCUMENT });
      for (const [quote, code] of [
        [CONCERN, 'security'],
        [STAKEHOLDER, 'stakeholder'],
      ] as const) {
        const start = text.indexOf(quote);
        await service.createAnnotation({ key: DOCUMENT, code, start, end: start + quote.length });
      }
      for (let n = 1; n <= REGISTER_SIZE; n++) {
        await service.addStakeholder({ name: `Agency ${String(n).padStart(2, '0')}`, kind: 'government' });
      }
    },
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
  await openArticle(page, /TikTok/, /TikTok owner ByteDance/);
});

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
/** What has focus, named as a test can compare: its accessible label, or its tag. */
const focused = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    const label =
      active?.getAttribute('aria-label') ?? (active as HTMLInputElement | null)?.labels?.[0]?.textContent;
    return {
      name: label ?? active?.textContent ?? active?.tagName,
      inDialog: !!active?.closest('dialog[open]'),
    };
  });

describe('modal dialogs', () => {
  it('keeps Tab and Shift+Tab inside the delete-code dialog, from its first radio too', async () => {
    await sidePanel().getByRole('tab', { name: 'Codes' }).click();
    await sidePanel().getByRole('button', { name: 'Edit codebook' }).click();
    await sidePanel().getByRole('button', { name: 'Delete Security' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Security”?' });
    await dialog.waitFor();
    expect((await focused()).inDialog).toBe(true);

    // The first radio, checked: Shift+Tab goes round to the last button.
    const move = dialog.getByRole('radio', { name: 'Move its annotations to' });
    const remove = dialog.getByRole('radio', { name: 'Remove its annotations' });
    await move.check();
    await move.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ name: 'Delete', inDialog: true });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ name: 'Move its annotations to', inDialog: true });

    // With "Remove" chosen the select is disabled and the checked radio is the first Tab stop.
    await remove.check();
    await remove.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ name: 'Delete', inDialog: true });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ name: 'Remove its annotations', inDialog: true });

    // However far one goes, either way.
    for (const key of [...Array(7).fill('Tab'), ...Array(7).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect((await focused()).inDialog).toBe(true);
    }
  });

  it('leaves the page behind out of reach: clicks and keys there do nothing', async () => {
    const dialog = page.getByRole('dialog', { name: 'Delete “Security”?' });
    const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
    const box = (await help.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    // Nothing behind can take focus, even when asked to.
    await help.evaluate((button: HTMLElement) => button.focus());
    expect((await focused()).inDialog).toBe(true);
    // The page's own shortcuts do not act behind it: ] would open the next document, ? the help.
    const heading = await page.getByRole('main').getByRole('heading', { level: 1 }).textContent();
    await page.keyboard.press(']');
    await page.keyboard.press('?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent()).toBe(heading);
  });

  it('closes on Escape as a cancel, deleting nothing, and gives focus back to the button that opened it', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Delete “Security”?' }).waitFor({ state: 'detached' });
    expect(await focused()).toEqual({ name: 'Delete Security', inDialog: false });
    expect(await sidePanel().getByRole('button', { name: 'Delete Security' }).count()).toBe(1);
    // The page is live again: the help opens from its button.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    expect((await focused()).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });
    expect((await focused()).name).toBe('Keyboard shortcuts');
  });
});

describe('shortcuts on a non-Latin layout', () => {
  it('undoes with Ctrl+Z typed as Ctrl+я (Russian) and redoes with Ctrl+Shift+ζ (Greek)', async () => {
    const statusOnDisk = async () => {
      const file = join(session.folder, '.gloss', 'annotations', DOCUMENT, 'e2e.json');
      return JSON.parse(await readFile(file, 'utf8')).status as string;
    };
    await page.keyboard.press('d');
    await expect.poll(statusOnDisk).toBe('done');
    // Real key events through the browser's input pipeline, with the character those layouts
    // type and the key's position, as the operating system sends them.
    const cdp = await page.context().newCDPSession(page);
    const chord = async (key: string, code: string, modifiers: number) => {
      const event = { key, code, modifiers, windowsVirtualKeyCode: code.charCodeAt(3) };
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
    };
    const CTRL = 2;
    const SHIFT = 8;
    await chord('я', 'KeyZ', CTRL);
    await expect.poll(statusOnDisk).toBe('todo');
    await chord('Ζ', 'KeyZ', CTRL | SHIFT);
    await expect.poll(statusOnDisk).toBe('done');
    await chord('ζ', 'KeyZ', CTRL);
    await expect.poll(statusOnDisk).toBe('todo');
    await cdp.detach();
  });
});

describe('the stakeholder picker', () => {
  it(`keeps the option chosen with ↓ and ↑ in view through a register of ${REGISTER_SIZE}`, async () => {
    // j twice: the second annotation, a stakeholder passage not linked yet, opens the picker.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const inspector = sidePanel().getByRole('region', { name: 'Annotation' });
    const search = inspector.getByRole('combobox', { name: 'Stakeholder' });
    await search.fill('');
    const listbox = inspector.getByRole('listbox', { name: 'Stakeholders' });
    await expect.poll(() => listbox.getByRole('option').count()).toBeGreaterThan(REGISTER_SIZE);
    expect(await listbox.evaluate((list) => list.scrollHeight > 2 * list.clientHeight)).toBe(true);

    /** Whether the active option lies wholly inside the list's visible part. */
    const activeInView = () =>
      search.evaluate((input) => {
        const option = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
        const list = option?.closest('[role="listbox"]');
        if (!option || !list) return false;
        const o = option.getBoundingClientRect();
        const l = list.getBoundingClientRect();
        return o.top >= l.top - 1 && o.bottom <= l.bottom + 1;
      });
    const activeName = () =>
      search.evaluate(
        (input) =>
          document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '',
      );

    const seen = new Set<string>();
    for (let step = 0; step < 40; step++) {
      await search.press('ArrowDown');
      await expect.poll(activeInView).toBe(true);
      seen.add(await activeName());
    }
    expect(seen.size).toBe(40);
    const scrolledDown = await listbox.evaluate((list) => list.scrollTop);
    expect(scrolledDown).toBeGreaterThan(0);
    for (let step = 0; step < 40; step++) {
      await search.press('ArrowUp');
      await expect.poll(activeInView).toBe(true);
    }
    expect(await listbox.evaluate((list) => list.scrollTop)).toBeLessThan(scrolledDown);
    // ↑ from the first wraps round to the last: "New stakeholder from selection", at the bottom.
    await search.press('ArrowUp');
    await expect.poll(activeName).toMatch(/^New stakeholder from selection/);
    await expect.poll(activeInView).toBe(true);
  });
});

describe('the page', () => {
  it('raises no console errors or warnings, and no content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});
