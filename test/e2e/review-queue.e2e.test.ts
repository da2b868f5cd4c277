import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossService } from '../../main/api/gloss-service';
import { shortcutsIn } from '../../renderer/src/keyboard/shortcuts';
import {
  type GroupInDocument,
  groupOpen,
  type SuggestionGroup,
  suggestionGroupId,
} from '../../shared/model/suggestion-group';
import { CORPUS, REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';

/**
 * Issue 17's done-when: reviewing the suggestions of a whole corpus from the keyboard, in
 * Chromium over the browser host, on a copy of 50 BBC technology articles (the first 50 by name:
 * Microsoft, a possible new stakeholder, is named in 7 of them, 47 times, the biggest group).
 * Once the page is up nothing is clicked: keys, or a button given focus and Enter or Space.
 */
const ARTICLES = 50;
const FOLDER = join(CORPUS, 'news-txt', 'tech');
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let session: GlossSession;
let page: Page;
let service: GlossService;

beforeAll(async () => {
  const names = (await readdir(FOLDER)).sort().slice(0, ARTICLES);
  const files: Record<string, Uint8Array> = {};
  for (const name of names) files[`tech/${name}`] = await readFile(join(FOLDER, name));
  session = await openGlossSession({ from: files, context: { viewport: { width: 1440, height: 1000 } } });
  ({ page, service } = session);
  await session.showProject();
}, 90_000);

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const queuePanel = () => sidePanel().getByRole('region', { name: 'Review queue' });
const heading = () => queuePanel().locator('#review-group-heading');
const progressText = () => queuePanel().locator('.review-progress-text span');
const entry = () => sidePanel().getByRole('button', { name: /^(Review [\d,]+ suggestions|Resume review)/ });

/** Presses Enter on a control given focus: the keyboard's way to use a button. */
async function press(locator: ReturnType<Page['locator']>, key = 'Enter'): Promise<void> {
  await locator.focus();
  await locator.press(key);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (const start = Date.now(); ; ) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - start > 30_000)
      throw new Error(`waited 30 s for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Holds the project's answers to one operation until released, the way a slow disk would: what
 * the screen shows meanwhile is what it showed before any answer.
 */
function holdAnswers(operation: 'decideSuggestionGroup') {
  const real = service[operation];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  service[operation] = async (request) => {
    const answer = await real(request);
    await gate;
    return answer;
  };
  return () => {
    release();
    service[operation] = real;
  };
}

/**
 * Milliseconds from a key's keydown to the frame that draws the card of another group (the frame
 * callback after the change), measured in the page.
 */
async function keyToNextCard(key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number; drawnAt: number | null };
    const card = document.querySelector<HTMLElement>('.review-group')!;
    const before = card.dataset.group;
    w.drawnAt = null;
    const observer = new MutationObserver(() => {
      if (card.dataset.group === before) return;
      observer.disconnect();
      requestAnimationFrame(() => (w.drawnAt = performance.now()));
    });
    observer.observe(card, { attributes: true, attributeFilter: ['data-group'] });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Shift') return;
      w.keyAt = performance.now();
      removeEventListener('keydown', onKey, true);
    };
    addEventListener('keydown', onKey, true);
  });
  await page.keyboard.press(key);
  await page.waitForFunction(() => (window as unknown as { drawnAt: number | null }).drawnAt !== null);
  return page.evaluate(() => {
    const w = window as unknown as { keyAt: number; drawnAt: number };
    return Math.round(w.drawnAt - w.keyAt);
  });
}

const fmt = (n: number) => n.toLocaleString('en');
/** Whether the card shows `group`: its heading starts with its name and kind. */
const showing = (group: SuggestionGroup) => async () =>
  (await heading().textContent())?.startsWith(`${group.label} · ${group.detail} · `) ?? false;
/** The key of the document the card shows the group in (its row in the group's documents). */
const shownDocument = () =>
  queuePanel().locator('.review-documents [aria-current="true"] .review-document-key').textContent();
const selectedInReader = async () => (await readHighlights(page))['gloss-suggestion-selected'] ?? [];

/** Waits until the reader shows the article of `key` (a paragraph of its text). */
async function readerShows(key: string): Promise<void> {
  const { document } = await service.openDocument({ key });
  const paragraph = document.text
    .split('\n')
    .find((line) => line.length > 60)!
    .slice(0, 40);
  await expect
    .poll(() => page.getByRole('region', { name: 'Article text' }).textContent())
    .toContain(paragraph);
}

/** Microsoft's mentions tagged in a document, on disk. */
async function microsoftTagged(key: string): Promise<number> {
  const annotations = await service.listAnnotations({ key });
  return annotations.filter((a) => a.target.quote === 'Microsoft' && a.stakeholderId).length;
}
const microsoftInRegister = async () =>
  (await service.getProject({})).stakeholders.filter((s) => s.name === 'Microsoft').length;

/** A group's suggestions the project still offers in a document. */
async function offered(group: SuggestionGroup, key: string): Promise<number> {
  const { suggestions } = await service.listSuggestions({ key });
  return suggestions.filter((s) => suggestionGroupId(s) === group.id).length;
}

describe('reviewing a corpus’s suggestions from the keyboard', () => {
  it('runs, decides groups across documents, undoes, follows a rule and resumes after a reload', async () => {
    const timings: Record<string, number> = {};
    await press(sidePanel().getByRole('tab', { name: 'Suggestions' }));
    await press(sidePanel().getByRole('button', { name: 'Find suggestions in all documents' }));
    await entry().waitFor({ timeout: 60_000 });

    // The queue the run built, as the project keeps it: Microsoft first.
    const queue = await service.getReviewQueue({});
    const [microsoft, second, third, fourth] = queue.groups as [SuggestionGroup, ...SuggestionGroup[]];
    expect(microsoft.id).toBe('candidate:microsoft');
    expect([microsoft.mentions, microsoft.documents]).toEqual([47, 7]);
    expect(await entry().textContent()).toBe(
      `Review ${fmt(queue.total)} suggestions in ${fmt(queue.groups.length)} groups`,
    );

    let started = Date.now();
    await press(entry());
    const inFirst = microsoft.byDocument[0]!.count;
    await expect
      .poll(() => heading().textContent())
      .toBe(`Microsoft · company · ${inFirst} mention${inFirst === 1 ? '' : 's'} here, 47 in 7 documents`);
    timings.queueOpens = Date.now() - started;
    expect(await progressText().textContent()).toBe(`0 of ${fmt(queue.total)} reviewed`);
    // Its first mention in its first document is selected in the reader, in view.
    await expect.poll(selectedInReader).toEqual(['Microsoft']);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'review-queue.png') });

    // The help lists the queue's keys; Escape closes the help, not the queue.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const queueKeys = help.getByRole('region', { name: 'Review queue' });
    expect(await queueKeys.locator('dd').allTextContents()).toEqual(
      shortcutsIn('Review queue').map((s) => s.description),
    );
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(await showing(microsoft)()).toBe(true);

    // Accept everywhere (Enter): the card moves on before the project has answered.
    const release = holdAnswers('decideSuggestionGroup');
    timings.acceptToNextCard = await keyToNextCard('Enter');
    expect(await showing(second!)()).toBe(true);
    expect(await progressText().textContent()).toBe(`47 of ${fmt(queue.total)} reviewed`);
    release();
    // On disk: one register entry, an annotation at every mention in every document.
    await until(
      'Microsoft tagged',
      () => microsoftTagged(microsoft.byDocument.at(-1)!.key),
      (n) => n > 0,
    );
    for (const { key, count } of microsoft.byDocument) expect(await microsoftTagged(key)).toBe(count);
    expect(await microsoftInRegister()).toBe(1);

    // Undo (Ctrl+Z): gone from every document, the register entry with them; Microsoft shown again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => heading().textContent()).toMatch(/^Microsoft · /);
    await until(
      'the accept undone',
      () => microsoftInRegister(),
      (n) => n === 0,
    );
    for (const { key } of microsoft.byDocument) expect(await microsoftTagged(key)).toBe(0);
    await expect.poll(() => progressText().textContent()).toBe(`0 of ${fmt(queue.total)} reviewed`);

    // Accept again (a), then reject the next group in every document (Shift+Backspace).
    started = Date.now();
    await page.keyboard.press('a');
    await expect.poll(showing(second!)).toBe(true);
    timings.acceptAgain = Date.now() - started;
    timings.rejectToNextCard = await keyToNextCard('Shift+Backspace');
    expect(await showing(third!)()).toBe(true);
    await until(
      'the rejections',
      () => offered(second!, second!.byDocument.at(-1)!.key),
      (n) => n === 0,
    );
    for (const { key } of second!.byDocument) expect(await offered(second!, key)).toBe(0);
    let reviewed = 47 + second!.mentions;
    await expect
      .poll(() => progressText().textContent())
      .toBe(`${fmt(reviewed)} of ${fmt(queue.total)} reviewed`);

    // Skip the third group for later (s); reject the fourth in the document shown (r): the card
    // stays on it, in its next document.
    await page.keyboard.press('s');
    await expect.poll(showing(fourth!)).toBe(true);
    const [here, next] = fourth!.byDocument as [GroupInDocument, GroupInDocument];
    await expect.poll(shownDocument).toBe(here.key);
    await page.keyboard.press('r');
    await expect.poll(shownDocument).toBe(next.key);
    expect(await showing(fourth!)()).toBe(true);
    reviewed += here.count;
    await until(
      'the rejection here',
      () => offered(fourth!, here.key),
      (n) => n === 0,
    );
    expect(await offered(fourth!, next.key)).toBe(next.count);
    // The group's documents (Shift+D, d) and the groups (n, Shift+N), one at a time.
    await page.keyboard.press('Shift+D');
    await expect.poll(shownDocument).toBe(here.key);
    await page.keyboard.press('d');
    await expect.poll(shownDocument).toBe(next.key);
    await readerShows(next.key);
    // At its last document d stays the queue's: it does not mark the document done.
    const last = fourth!.byDocument.at(-1)!.key;
    for (const _ of fourth!.byDocument.slice(2)) await page.keyboard.press('d');
    await expect.poll(shownDocument).toBe(last);
    await readerShows(last);
    await page.keyboard.press('d');
    await page.keyboard.press('Shift+D');
    await expect.poll(shownDocument).not.toBe(last);
    await page.keyboard.press('n');
    await expect.poll(showing(fourth!)).toBe(false);
    await page.keyboard.press('Shift+N');
    await expect.poll(showing(fourth!)).toBe(true);

    // A rule, from its switch (Space): mentions of register names are tagged on opening.
    const rule = sidePanel().getByRole('switch', { name: 'Always accept mentions of register names' });
    await press(rule, 'Space');
    await until(
      'the rule',
      async () => (await service.getProject({})).settings.acceptRegisterMentions,
      Boolean,
    );
    expect(await rule.isChecked()).toBe(true);
    // Saved in order: a status the d pressed above had set would be on disk by now.
    const marked = (await service.listDocuments({})).documents.filter((d) => d.status !== 'todo');
    expect(marked.map((d) => d.key)).toEqual([]);

    // Back to the document's list (Escape), then the app loads again.
    await rule.blur();
    await page.keyboard.press('Escape');
    await queuePanel().waitFor({ state: 'detached' });
    const onDisk = await until(
      'the decisions saved',
      () => service.getReviewQueue({}),
      (q) => q.reviewed === reviewed && q.groups[2]!.skipped === true,
    );
    const resume = onDisk.groups.find((g) => !g.skipped && groupOpen(g))!;
    expect(resume.id).toBe(fourth!.id);

    await page.reload();
    await session.showProject();
    await press(sidePanel().getByRole('tab', { name: 'Suggestions' }));
    const progress = `${fmt(reviewed)} of ${fmt(queue.total)} reviewed`;
    await expect.poll(() => entry().textContent()).toBe(`Resume review: ${progress}`);
    await press(entry());
    await expect.poll(showing(fourth!)).toBe(true);
    // In its first document still open.
    await expect.poll(shownDocument).toBe(next.key);
    expect(await progressText().textContent()).toBe(progress);
    expect(session.problems).toEqual([]);
    console.info('review queue timings (ms):', JSON.stringify(timings));
  }, 240_000);
});
