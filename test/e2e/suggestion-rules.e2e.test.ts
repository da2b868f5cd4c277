import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import type { Suggestion } from '../../shared/model/suggestion';
import { REPO } from '../support/corpus';
import { type GlossSession, openSampleSuggestions, SAMPLE_ARTICLE } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { openArticle } from '../support/reader-text';

/**
 * The Suggestions tab's rules in headless Chromium against the browser host, on a copy of the
 * sample project, whose seed article mentions "The Wall Street Journal" twice: never suggesting
 * the name from one row takes both away, the Rules section lists it, undo and redo follow, and
 * Remove brings them back.
 */

const DOCUMENT = SAMPLE_ARTICLE;
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');
const WSJ = 'The Wall Street Journal';

let session: GlossSession;
let folder: string;
let page: Page;
let pageProblems: string[] = [];
let offered: Suggestion[];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ({ session, offered } = await openSampleSuggestions());
  ({ folder, page, problems: pageProblems } = session);
});

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const summary = () => sidePanel().locator('.suggestions-summary p');
const article = () => page.getByRole('region', { name: 'Article text' });
const rules = () => sidePanel().getByRole('region', { name: 'Rules' });
const ruleNames = () => rules().getByRole('listitem').allTextContents();
const suggested = async () => (await readHighlights(page))['gloss-suggestion'] ?? [];
const selected = async () => (await readHighlights(page))['gloss-suggestion-selected'] ?? [];
const storedNames = async () =>
  JSON.parse(await readFile(join(folder, '.gloss/project.json'), 'utf8')).settings?.neverSuggest ?? [];
const tagged = async () => (await readHighlights(page))['gloss-code-stakeholder'] ?? [];
async function annotations(): Promise<Annotation[]> {
  const text = await readFile(join(folder, '.gloss/annotations', DOCUMENT, 'e2e.json'), 'utf8').catch(
    () => '',
  );
  return text ? JSON.parse(text).annotations : [];
}
const offeredCount = (n: number) => `${n} suggestion${n === 1 ? '' : 's'}:`;

describe('suggestion rules', () => {
  it('never suggests a name from its row: every suggestion of it goes, and the Rules section lists it', async () => {
    const wsj = offered.filter((s) => s.quote === WSJ);
    expect(wsj).toHaveLength(2);
    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length));
    await expect.poll(() => rules().textContent()).toContain('No names are left out of suggestions.');

    // Walks to the first mention of the paper with n, as a researcher would, so its row is on screen.
    await article().focus();
    for (let i = 0; i <= offered.indexOf(wsj[0]!); i++) await page.keyboard.press('n');
    await expect.poll(selected).toEqual([WSJ]);
    await sidePanel()
      .getByRole('button', { name: `Never suggest “${WSJ}”` })
      .first()
      .click();

    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length - 2));
    await expect.poll(suggested).not.toContain(WSJ);
    expect(
      await sidePanel()
        .getByRole('button', { name: `Never suggest “${WSJ}”` })
        .count(),
    ).toBe(0);
    await expect.poll(ruleNames).toEqual([`Never suggest “${WSJ}”Remove`]);
    await expect.poll(storedNames).toEqual([{ name: WSJ }]);
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestion-rules-1-never.png') });
  });

  it('is undone and redone with the keyboard', async () => {
    await article().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(storedNames).toEqual([]);
    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length));
    await expect.poll(() => rules().textContent()).toContain('No names are left out of suggestions.');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(storedNames).toEqual([{ name: WSJ }]);
    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length - 2));
  });

  it('brings the name back when it is removed from the rules, and undo takes it away again', async () => {
    await rules()
      .getByRole('button', { name: `Remove “${WSJ}” from the never-suggest list` })
      .click();
    await expect.poll(storedNames).toEqual([]);
    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length));
    expect(await ruleNames()).toEqual([]);

    await article().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(storedNames).toEqual([{ name: WSJ }]);
    await expect.poll(() => summary().textContent()).toContain(offeredCount(offered.length - 2));
  });

  it('always accepts mentions of register names once switched on: tagged at once, undone as one step', async () => {
    const mentions = offered.filter((s) => s.kind === 'stakeholder' && s.quote !== WSJ);
    await rules().getByRole('switch', { name: 'Always accept mentions of register names' }).check();
    await expect.poll(async () => (await annotations()).length).toBe(mentions.length);
    await expect.poll(() => summary().textContent()).not.toContain('stakeholder mention');
    await expect.poll(async () => (await tagged()).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestion-rules-2-accepted.png') });

    // Undone, they are offered again as ordinary suggestions; listing again does not tag them.
    await article().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await annotations()).length).toBe(0);
    await expect.poll(() => summary().textContent()).toContain(`${mentions.length} stakeholder mentions`);
    await expect.poll(tagged).toEqual([]);
    await page.reload();
    await openArticle(page, /TikTok/);
    await page.getByRole('tab', { name: 'Suggestions' }).click();
    await expect.poll(() => summary().textContent()).toContain(`${mentions.length} stakeholder mentions`);
    expect(await annotations()).toHaveLength(0);
    expect(pageProblems).toEqual([]);
  });
});
