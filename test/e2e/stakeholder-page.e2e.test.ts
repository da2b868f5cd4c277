/**
 * A stakeholder's page in Chromium over the browser host: opened from the register, its mentions
 * across documents, Enter on one opening that document at the passage, and Escape back to the list.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

let session: GlossSession;
let page: Page;
let pageProblems: string[] = [];

beforeAll(async () => {
  session = await openGlossSession({
    from: {
      'merger.txt': 'ByteDance and Oracle\n\nOracle could pay $30 billion. Privacy groups objected.\n',
      'talks.txt': 'Talks in Geneva\n\nDiplomats met on Friday. Oracle sent nobody.\n',
    },
    context: { viewport: { width: 1280, height: 800 } },
    // Tagged earlier, as a researcher would have done before opening the page.
    prepare: async (service) => {
      const oracle = await service.addStakeholder({ name: 'Oracle', kind: 'company' });
      for (const key of ['merger.txt', 'talks.txt']) {
        const { text } = await service.getDocument({ key });
        const start = text.indexOf('Oracle', text.indexOf('\n\n'));
        await service.createAnnotation({
          key,
          code: 'stakeholder',
          start,
          end: start + 6,
          stakeholderId: oracle.id,
        });
      }
      const { text } = await service.getDocument({ key: 'merger.txt' });
      const privacy = text.indexOf('Privacy groups objected');
      await service.createAnnotation({
        key: 'merger.txt',
        code: 'privacy',
        start: privacy,
        end: privacy + 23,
      });
    },
  });
  ({ page, problems: pageProblems } = session);
  await page.goto(session.host.url);
});

afterAll(() => session?.close());

const panel = () => page.getByRole('complementary', { name: 'Side panel' });
const mentions = () => panel().getByRole('list', { name: 'Mentions' }).getByRole('button');

describe("a stakeholder's page in Chromium", () => {
  it('opens from the register and lists the mentions of every document, with the concerns near them', async () => {
    await panel().getByRole('tab', { name: 'Register' }).click();
    await panel().getByRole('button', { name: 'Open Oracle' }).click();
    await panel().getByRole('heading', { level: 2, name: 'Oracle' }).waitFor();
    await expect.poll(() => mentions().count()).toBe(2);
    expect(await mentions().locator('.passage-title').allTextContents()).toEqual([
      'ByteDance and Oracle',
      'Talks in Geneva',
    ]);
    // Chromium reads the visually hidden comma as a pause ("Privacy , 1 passage").
    expect(
      await panel()
        .getByRole('button', { name: /^Privacy ?, 1 passage$/ })
        .count(),
    ).toBe(1);
  });

  it('opens the document of a mention with Enter and selects the passage there', async () => {
    await mentions().nth(1).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).textContent())
      .toBe('Talks in Geneva');
    await expect.poll(() => mentions().nth(1).getAttribute('aria-current')).toBe('true');
    // Selected in the reader, so the flash and the selection mark land on that document's "Oracle".
    await expect.poll(async () => (await readHighlights(page))['gloss-selected']).toEqual(['Oracle']);
    await panel().getByRole('heading', { name: 'Annotation' }).waitFor();
  });

  it('goes back to the list with Escape, focus on the stakeholder it came from', async () => {
    await mentions().nth(0).focus();
    await page.keyboard.press('Escape');
    await panel().getByRole('list', { name: 'Stakeholders' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open Oracle');
    expect(pageProblems).toEqual([]);
  });
});
