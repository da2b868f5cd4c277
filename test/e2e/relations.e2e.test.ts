import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../main/transports/browser-host';
import type { Annotation } from '../../shared/model/annotation';
import type { Relation } from '../../shared/model/relation';
import { REPO } from '../support/corpus';
import { type GlossSession, openGlossSession } from '../support/gloss-session';
import { readHighlights } from '../support/highlights';
import { waitForInspectorOf } from '../support/inspector';
import { openArticle } from '../support/reader-text';

/**
 * Relations between annotations, in headless Chromium against the browser host, on a copy of the
 * sample project: link a stakeholder to the concern it raises, see the link in the inspector and
 * the related mark and arc in the reader, retype it, delete it and undo that, then delete the
 * concern and find the link gone from the file on disk and after a reload; then link by clicking
 * the other passage in the text.
 */

/** A busy machine may take seconds where a quiet one takes milliseconds; each poll waits for its condition. */
const POLL = { timeout: 10_000 };
const ANNOTATOR = 'e2e';
const DOCUMENT = 'tiktok-microsoft.txt';
const STAKEHOLDER = 'some U.S. politicians';
const CONCERN = 'national security risk';
const OTHER = 'Regulators';
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');

let session: GlossSession;
let folder: string;
let host: BrowserHost;
let page: Page;
let pageProblems: string[] = [];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  session = await openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    annotator: ANNOTATOR,
    context: { viewport: { width: 1440, height: 900 } },
    // The passages are tagged beforehand, as a researcher would have done: tagging has its own story.
    prepare: async (service) => {
      const { text } = await service.getDocument({ key: DOCUMENT });
      for (const [quote, code] of [
        [STAKEHOLDER, 'stakeholder'],
        [CONCERN, 'security'],
        [OTHER, 'stakeholder'],
      ] as const) {
        const start = text.indexOf(quote);
        await service.createAnnotation({ key: DOCUMENT, code, start, end: start + quote.length });
      }
    },
  });
  ({ folder, host, page, problems: pageProblems } = session);
});

afterAll(() => session?.close());

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const inspector = () => sidePanel().getByRole('region', { name: 'Annotation' });
const relations = () => inspector().getByRole('region', { name: 'Relations' });
const relatedMark = async () => (await readHighlights(page))['gloss-related'] ?? [];

async function annotationFile(): Promise<{ annotations: Annotation[]; relations: Relation[] }> {
  const path = join(folder, '.gloss', 'annotations', DOCUMENT, `${ANNOTATOR}.json`);
  return JSON.parse(await readFile(path, 'utf8'));
}

/** The middle of a passage's first character, scrolled into view (viewport coordinates). */
function pointAt(quote: string): Promise<{ x: number; y: number }> {
  return page.evaluate((quote) => {
    for (const p of document.querySelectorAll<HTMLElement>('[aria-label="Article text"] [data-start]')) {
      const node = p.firstChild;
      const at = node?.textContent?.indexOf(quote) ?? -1;
      if (!node || at < 0) continue;
      p.scrollIntoView({ block: 'center' });
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`“${quote}” is not in the article`);
  }, quote);
}

async function clickText(quote: string): Promise<void> {
  const { x, y } = await pointAt(quote);
  await page.mouse.click(x, y);
}

/**
 * Selects an annotation by clicking its passage in the reader, as a researcher would, and waits
 * for the inspector to show it: it follows the reader a render later, and until then a click
 * there would act on the annotation selected before.
 */
async function clickPassage(quote: string): Promise<void> {
  await clickText(quote);
  await expect.poll(async () => (await readHighlights(page))['gloss-selected'], POLL).toEqual([quote]);
  await waitForInspectorOf(page, quote);
}

describe('relations between annotations', () => {
  it('links the stakeholder to the concern it raises, from the inspector', async () => {
    await page.goto(host.url);
    await openArticle(page, /TikTok/, /TikTok owner ByteDance/);
    await clickPassage(STAKEHOLDER);
    await relations().getByText('No relations to other annotations yet.').waitFor();
    await relations().getByRole('button', { name: 'Link…' }).click();
    const form = inspector().getByRole('form', { name: 'Link to another annotation' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'raises' });
    await form.getByRole('combobox', { name: 'Other annotation' }).fill('security');
    await expect
      .poll(() => form.getByRole('listbox').getByRole('option').allTextContents(), POLL)
      .toEqual([`${CONCERN}Security`]);
    await form.getByRole('combobox', { name: 'Other annotation' }).press('Enter');

    await relations()
      .getByRole('button', { name: `Go to “${CONCERN}” (Security)` })
      .waitFor();
    await expect.poll(relatedMark, POLL).toEqual([CONCERN]);
    await expect.poll(() => page.locator('.relation-arcs .relation-arc').count(), POLL).toBe(1);
    expect(await page.locator('.relation-arcs text').textContent()).toBe('raises');
    await page.screenshot({ path: join(SCREENSHOTS, 'relations-linked.png') });
    await expect
      .poll(async () => (await annotationFile()).relations.map((r) => r.type), POLL)
      .toEqual(['raises']);
    const { annotations, relations: saved } = await annotationFile();
    const id = (quote: string) => annotations.find((a) => a.target.quote === quote)?.id;
    expect(saved[0]).toMatchObject({ from: id(STAKEHOLDER), to: id(CONCERN), author: ANNOTATOR });
  });

  it('names the relation in the hover card', async () => {
    const { x, y } = await pointAt(CONCERN);
    await page.mouse.move(x, y);
    await expect.poll(() => page.getByRole('tooltip').textContent(), POLL).toContain('↔ raises');
  });

  it('shows the relation from the other end too', async () => {
    await relations()
      .getByRole('button', { name: `Go to “${CONCERN}” (Security)` })
      .click();
    await expect.poll(async () => (await readHighlights(page))['gloss-selected'], POLL).toEqual([CONCERN]);
    await waitForInspectorOf(page, CONCERN);
    await relations()
      .getByRole('button', { name: `Go to “${STAKEHOLDER}” (Stakeholder)` })
      .waitFor();
    await expect.poll(relatedMark, POLL).toEqual([STAKEHOLDER]);
    await clickPassage(STAKEHOLDER);
  });

  it('changes the type', async () => {
    await relations()
      .getByRole('combobox', { name: /^Type of the relation/ })
      .selectOption('opposes');
    await expect
      .poll(async () => (await annotationFile()).relations.map((r) => r.type), POLL)
      .toEqual(['opposes']);
    await expect.poll(() => page.locator('.relation-arcs text').textContent(), POLL).toBe('opposes');
  });

  it('deletes the relation, and Ctrl+Z brings it back', async () => {
    const before = (await annotationFile()).relations;
    await relations()
      .getByRole('button', { name: /^Delete relation/ })
      .click();
    await expect.poll(async () => (await annotationFile()).relations, POLL).toEqual([]);
    await expect.poll(relatedMark, POLL).toEqual([]);
    expect(await page.locator('.relation-arcs .relation-arc').count()).toBe(0);

    await page.getByRole('region', { name: 'Article text' }).focus();
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await annotationFile()).relations.map((r) => [r.id, r.type]), POLL)
      .toEqual([[before[0]!.id, 'opposes']]);
    await relations()
      .getByRole('button', { name: `Go to “${CONCERN}” (Security)` })
      .waitFor();
    await expect.poll(relatedMark, POLL).toEqual([CONCERN]);
  });

  it('deleting the concern deletes the relation from the file on disk', async () => {
    await clickPassage(CONCERN);
    await inspector().getByRole('button', { name: 'Delete annotation' }).click();
    await expect
      .poll(async () => (await annotationFile()).annotations.map((a) => a.target.quote), POLL)
      .toEqual([STAKEHOLDER, OTHER]);
    expect((await annotationFile()).relations).toEqual([]);
    await clickPassage(STAKEHOLDER);
    await relations().getByText('No relations to other annotations yet.').waitFor();
    expect(await relatedMark()).toEqual([]);
  });

  it('finds the same state after a reload', async () => {
    await page.reload();
    await openArticle(page, /TikTok/, /TikTok owner ByteDance/);
    await clickPassage(STAKEHOLDER);
    await relations().getByText('No relations to other annotations yet.').waitFor();
    expect((await readHighlights(page))['gloss-code-security'] ?? []).toEqual([]);
    expect(await page.locator('.relation-arcs .relation-arc').count()).toBe(0);
  });

  it('links by clicking the other passage in the text while linking', async () => {
    await relations().getByRole('button', { name: 'Link…' }).click();
    const form = inspector().getByRole('form', { name: 'Link to another annotation' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'opposes' });
    await clickText(OTHER);
    await relations()
      .getByRole('button', { name: `Go to “${OTHER}” (Stakeholder)` })
      .waitFor();
    // The linked annotation stays selected; the one clicked is marked as related.
    expect((await readHighlights(page))['gloss-selected']).toEqual([STAKEHOLDER]);
    await expect.poll(relatedMark, POLL).toEqual([OTHER]);
    await expect
      .poll(async () => (await annotationFile()).relations.map((r) => r.type), POLL)
      .toEqual(['opposes']);
    expect(pageProblems).toEqual([]);
  });
});
