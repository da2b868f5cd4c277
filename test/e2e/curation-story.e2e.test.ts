/**
 * The team's story of issue "Several annotators", in Chromium over three browser hosts on one
 * copy of the sample project: alice and bob each code the seed article in their own window, with
 * the mouse and code keys, agreeing on one passage and differing on four (another code, other
 * bounds, a passage only bob marked, one only alice marked). Carol, the curator, sees their
 * agreement, takes the agreed passage in one step, and resolves every difference from the
 * keyboard (alice's, her own edit, a skip and a return to it, bob's "nothing here"), undoing and
 * redoing one decision; the JSONL export of the curated layer holds exactly what she decided.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import type { AnnotationFile } from '../../main/project/annotation-files-schema';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import { type GlossSession, openSampleSession } from '../support/gloss-session';
import { dragOver, openArticle } from '../support/reader-text';
import { requireRendererBuild } from '../support/renderer-build';
import { openWatchedPage } from '../support/watched-page';

const DOCUMENT = 'tiktok-microsoft.txt';
const POLL = { timeout: 15_000 };

interface Window {
  service: GlossService;
  host: BrowserHost;
  page: Page;
  problems: string[];
}

let session: GlossSession;
const windows: Window[] = [];
let alice: Page;
let bob: Page;
let carol: Page;

/** Another annotator's Gloss on the same folder: their own service, browser host and window. */
async function openWindowAs(annotator: string): Promise<Window> {
  const service = createGlossService({ annotator });
  await service.open(session.folder);
  const host = await startBrowserHost({
    service,
    dispatch: createDispatch(service),
    rendererDir: requireRendererBuild(),
  });
  const { page, problems } = await openWatchedPage(session.browser, {
    viewport: { width: 1440, height: 900 },
  });
  const window = { service, host, page, problems };
  windows.push(window);
  await page.goto(host.url);
  await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
  return window;
}

beforeAll(async () => {
  session = await openSampleSession({ annotator: 'alice' });
  alice = session.page;
  await alice.goto(session.host.url);
  await openArticle(alice, /TikTok/, /TikTok owner ByteDance has made/);
  bob = (await openWindowAs('bob')).page;
}, 60_000);

afterAll(async () => {
  for (const window of windows.splice(0)) {
    await window.page.context().close();
    await window.host.close();
    await window.service.close();
  }
  await session?.close();
});

/** Tags the first occurrence of `quote` in the open article with the code on `key`, as a researcher does. */
async function tag(page: Page, quote: string, key: string) {
  await dragOver(page, quote);
  const palette = page.getByRole('dialog', { name: 'Tag selection' });
  await palette.waitFor(POLL).catch(async (error: Error) => {
    // What the page had instead, for whoever reads a failure.
    const selected = await page.evaluate(() => window.getSelection()?.toString());
    throw new Error(
      `No palette after selecting “${quote}”: the page's selection is “${selected}”. ${error.message}`,
    );
  });
  await page.keyboard.press(key);
  await palette.waitFor({ state: 'hidden', ...POLL });
}

async function annotationFile(annotator: string): Promise<AnnotationFile> {
  const path = join(session.folder, '.gloss', 'annotations', DOCUMENT, `${annotator}.json`);
  return JSON.parse(await readFile(path, 'utf8')) as AnnotationFile;
}

async function savedQuotes(annotator: string): Promise<string[]> {
  try {
    return (await annotationFile(annotator)).annotations.map((a) => a.target.quote).sort();
  } catch {
    return [];
  }
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Side panel' });
const card = () => panel(carol).getByRole('region', { name: 'Disagreement shown' });
const progress = () => panel(carol).locator('.curation-progress p');

/** The disagreement shown's two readings, as the card lists them. */
async function readings(): Promise<string[]> {
  return card()
    .locator('.curation-reading')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' ')),
    );
}

describe('two annotators, their agreement, and one curated dataset', () => {
  it('alice and bob code the seed article differently, each in their own window', async () => {
    await tag(alice, 'national security risk', '1');
    await tag(alice, 'attack on freedom of expression', '3');
    await tag(alice, "collect Americans' personal information", '2');
    await tag(alice, 'privacy and safety of users', '2');

    await tag(bob, 'national security risk', '1');
    await tag(bob, 'attack on freedom of expression', '1');
    await tag(bob, "Americans' personal information", '2');
    await tag(bob, 'safety concerns', '1');

    await expect.poll(() => savedQuotes('alice'), POLL).toHaveLength(4);
    await expect.poll(() => savedQuotes('bob'), POLL).toHaveLength(4);
  });

  it('the curator sees how far they agree, and starts curating from there', async () => {
    carol = (await openWindowAs('carol')).page;
    await panel(carol).getByRole('tab', { name: 'Analysis' }).click();
    await panel(carol)
      .getByRole('tablist', { name: 'Analysis views' })
      .getByRole('tab', { name: 'Agreement' })
      .click();
    const matrix = panel(carol).getByRole('table', { name: /^Each pair over all codes/ });
    await matrix.waitFor(POLL);
    const expected = await windows.at(-1)!.service.agreement({});
    expect(expected.annotators).toEqual(['alice', 'bob']);
    const kappa = expected.pairs[0]!.overall.kappa;
    expect(kappa).not.toBeNull();
    // One passage of five agreed: far from full agreement, and shown as the API counts it.
    expect(kappa!).toBeLessThan(0.9);
    await expect
      .poll(() => matrix.locator('td[data-row="alice"][data-column="bob"]').textContent(), POLL)
      .toContain(kappa!.toFixed(3));

    await panel(carol).getByRole('button', { name: 'Curate alice and bob…' }).click();
    await expect.poll(() => progress().textContent(), POLL).toMatch(/^0 of 4 decided · 0 skipped · 4 open/);
    // The first disagreement in text order, the article side by side with the pair as columns.
    await expect
      .poll(readings, POLL)
      .toEqual([
        'alice Free expression attack on freedom of expression',
        'bob Security attack on freedom of expression',
      ]);
    await expect.poll(() => carol.locator('.side-by-side').count(), POLL).toBe(1);
  });

  it('takes the agreed passage in one step and resolves every difference from the keyboard', async () => {
    await panel(carol).getByRole('button', { name: 'Take every agreed passage' }).click();
    await expect.poll(() => panel(carol).getByText('1 agreed passage taken').count(), POLL).toBe(1);

    // Same passage, different codes: alice's reading.
    await carol.keyboard.press('a');
    await expect
      .poll(readings, POLL)
      .toEqual([
        "alice Privacy collect Americans' personal information",
        "bob Privacy Americans' personal information",
      ]);
    await expect.poll(() => progress().textContent(), POLL).toMatch(/^1 of 4 decided/);

    // Other bounds: the curator's own passage, where the two overlap.
    await carol.keyboard.press('e');
    const form = card().getByRole('form', { name: 'The curated passage' });
    await form.waitFor(POLL);
    await form.getByRole('radio', { name: 'Where they overlap' }).check();
    expect(await form.locator('.curation-edit-quote').textContent()).toBe("Americans' personal information");
    await form.getByRole('button', { name: 'Save the curated passage' }).click();
    await expect.poll(readings, POLL).toEqual(['alice nothing here', 'bob Security safety concerns']);

    // Only bob's: left for later; then only alice's, which bob did not mark: his reading, nothing.
    await carol.keyboard.press('s');
    await expect
      .poll(readings, POLL)
      .toEqual(['alice Privacy privacy and safety of users', 'bob nothing here']);
    await carol.keyboard.press('b');
    await expect.poll(() => progress().textContent(), POLL).toMatch(/^3 of 4 decided · 1 skipped · 0 open/);

    // Undo takes that decision back and shows it; redo makes it again.
    await carol.keyboard.press('Control+z');
    await expect.poll(() => progress().textContent(), POLL).toMatch(/^2 of 4 decided · 1 skipped · 1 open/);
    await expect.poll(() => card().locator('.curation-decided').textContent(), POLL).toBe('Not decided yet');
    await carol.keyboard.press('Control+Shift+z');
    await expect.poll(() => progress().textContent(), POLL).toMatch(/^3 of 4 decided · 1 skipped/);

    // Back to the skipped one: bob's passage after all.
    await carol.keyboard.press('Shift+N');
    await expect.poll(readings, POLL).toEqual(['alice nothing here', 'bob Security safety concerns']);
    await carol.keyboard.press('b');
    await expect
      .poll(() => progress().textContent(), POLL)
      .toMatch(/^4 of 4 decided · 0 skipped · 0 open.*Every disagreement is decided/);

    // The curated layer on disk: what carol decided, each passage with where it came from.
    const curated = async () =>
      (await annotationFile('curation')).annotations
        .map((a) => `${a.code}: ${a.target.quote} (${a.curated?.decision}, by ${a.curated?.by})`)
        .sort();
    await expect
      .poll(curated, POLL)
      .toEqual([
        'free-expression: attack on freedom of expression (a, by carol)',
        "privacy: Americans' personal information (edited, by carol)",
        'security: national security risk (agreed, by carol)',
        'security: safety concerns (b, by carol)',
      ]);
    expect((await annotationFile('curation')).decisions?.map((d) => d.decision).sort()).toEqual([
      'a',
      'b',
      'b',
      'edit',
    ]);
  });

  it('exports the curated layer alone as JSON Lines', async () => {
    await carol.getByRole('button', { name: 'Export…' }).click();
    const dialog = carol.getByRole('dialog', { name: 'Export the dataset' });
    await dialog.getByRole('textbox', { name: /Annotators/ }).fill('curation');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Exported 1 document and 4 annotations to/);
    const folder = (await status.locator('code').textContent())!.replace(/\/$/, '');
    const exported = join(session.folder, folder, 'documents.jsonl');
    const [line, ...rest] = (await readFile(exported, 'utf8')).split('\n').filter(Boolean);
    expect(rest).toEqual([]);
    const document = JSON.parse(line!) as {
      key: string;
      text: string;
      spans: { start: number; end: number; code: string; text: string; annotator: string }[];
    };
    expect(document.key).toBe(DOCUMENT);
    const characters = [...document.text];
    expect(
      document.spans
        .map((s) => {
          expect(characters.slice(s.start, s.end).join('')).toBe(s.text);
          return `${s.annotator} ${s.code}: ${s.text}`;
        })
        .sort(),
    ).toEqual([
      'curation free-expression: attack on freedom of expression',
      "curation privacy: Americans' personal information",
      'curation security: national security risk',
      'curation security: safety concerns',
    ]);
  });

  it('shows no console error, exception or CSP violation in any window', () => {
    expect([...session.problems, ...windows.flatMap((w) => w.problems)]).toEqual([]);
  });
});
