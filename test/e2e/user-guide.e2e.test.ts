/**
 * The user guide's story (docs/), told in Chromium over the browser host, and the guide's
 * screenshots taken on the way. A researcher, ana, opens a project of the sample article and
 * BBC articles she tagged earlier, tags passages in the palette, adds a code to the codebook,
 * accepts a suggestion, searches the articles and reads the matrix; a colleague, ben, codes the
 * sample article too, and ana compares, measures and curates their work; then she exports the
 * dataset. Each step checks that the screen shows what the guide says, so the test fails when
 * the guide's story stops being true.
 *
 * The pictures go to docs/images/. An image is written only when its pixels differ from the
 * one on disk, so a run that changes nothing leaves git clean: the data is fixed, the folder has
 * a fixed name, no time of day is in view, animations and the caret are off, fonts are
 * loaded, the pointer rests outside the page's controls, and each shot is taken again until two
 * in a row are the same.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import type { GlossClient } from '../../shared/api-client';
import { analysedFiles, tagAnalysedProject } from '../support/analysed-project';
import { type AnnotatorClients, annotatorClients } from '../support/annotator-clients';
import { launchChromium } from '../support/chromium';
import { REPO } from '../support/corpus';
import { readHighlights } from '../support/highlights';
import { dragOver, openArticle } from '../support/reader-text';
import { requireRendererBuild } from '../support/renderer-build';
import { openWatchedPage } from '../support/watched-page';

/** pngjs, as playwright-core bundles it and exports it: decodes a PNG to its pixels. */
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
};

const IMAGES = join(REPO, 'docs', 'images');
const SAMPLE = 'tiktok-microsoft.txt';
const ME = 'ana';
const COLLEAGUE = 'ben';
/** How far a colour channel may differ and still be the same picture (0–255): edges' anti-aliasing. */
const EDGE_NOISE = 16;
const VIEWPORT = { width: 1400, height: 900 };
/** Saves and the folder watcher answer in milliseconds, a busy machine in seconds: the condition counts. */
const POLL = { timeout: 15_000 };

let root: string;
let folder: string;
let service: GlossService;
let host: BrowserHost;
let browser: Browser;
let page: Page;
let problems: string[];
let colleagues: AnnotatorClients;
let ben: GlossClient;
const written: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-guide-'));
  // The folder's name is the project's name in the header, so it is the same on every run.
  folder = join(root, 'media-study');
  await cp(join(REPO, 'assets', 'sample-project'), folder, { recursive: true });
  for (const [key, content] of Object.entries(await analysedFiles())) {
    await mkdir(dirname(join(folder, key)), { recursive: true });
    await writeFile(join(folder, key), content);
  }
  service = createGlossService({ annotator: ME });
  await service.open(folder);
  // ana's earlier work on the BBC articles; the sample article is left for the guide to tag.
  await tagAnalysedProject(
    new Proxy(service, {
      get(target, name, receiver) {
        if (name === 'listDocuments')
          return async (request: Parameters<GlossService['listDocuments']>[0]) => {
            const listed = await target.listDocuments(request);
            return { ...listed, documents: listed.documents.filter((d) => d.key !== SAMPLE) };
          };
        // The sample project's register already has Microsoft.
        if (name === 'addStakeholder')
          return async (request: Parameters<GlossService['addStakeholder']>[0]) =>
            (await target.getProject({})).stakeholders.find((s) => s.name === request.name) ??
            target.addStakeholder(request);
        return Reflect.get(target, name, receiver);
      },
    }),
  );
  await service.setDocumentStatus({ key: 'tech/036.txt', status: 'in-progress' });
  host = await startBrowserHost({
    service,
    dispatch: createDispatch(service),
    rendererDir: requireRendererBuild(),
  });
  browser = await launchChromium();
  ({ page, problems } = await openWatchedPage(browser, {
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'UTC',
  }));
  colleagues = annotatorClients(folder);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await colleagues?.close();
  await service?.close();
  if (root) await rm(root, { recursive: true, force: true });
  if (written.length > 0) console.info(`user guide: wrote ${written.join(', ')}`);
});

const sidePanel = () => page.getByRole('complementary', { name: 'Side panel' });
const article = () => page.getByRole('region', { name: 'Article text' });
const palette = () => page.getByRole('dialog', { name: 'Tag selection' });
const readingPane = () => page.locator('main.reading-pane');
const documents = () => page.getByRole('navigation', { name: 'Documents' });
const sampleRow = () => documents().locator('.document-row', { hasText: SAMPLE });

/** Every change answered: what the header says before a researcher closes Gloss, and before a shot. */
async function savedNow(): Promise<void> {
  await expect
    .poll(() => page.locator('.save-indicator').getByRole('status').textContent(), POLL)
    .toBe('Saved');
}

async function waitForHighlight(name: string, quote: string): Promise<void> {
  await expect.poll(async () => (await readHighlights(page))[name] ?? [], POLL).toContain(quote);
}

/**
 * Takes a screenshot of the page, or of `region`, into docs/images/`name`, once the page is
 * still: fonts loaded, no flash left on a passage, the pointer out of the way, and two shots in
 * a row alike. Writes the file only when its pixels differ from the one there.
 */
async function shoot(name: string, region?: Locator): Promise<void> {
  // The middle of the header, where nothing reacts to the pointer.
  await page.mouse.move(VIEWPORT.width / 2, 2);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect.poll(async () => (await readHighlights(page))['gloss-flash'] ?? [], POLL).toEqual([]);
  const take = () =>
    (region ?? page).screenshot({
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    }) as Promise<Buffer>;
  // When an annotation was made or changed differs on every run: no such time may be in the picture.
  const box = (await region?.boundingBox()) ?? { x: 0, y: 0, ...VIEWPORT };
  const times = await page.evaluate((box) => {
    const inBox = (r: DOMRect) =>
      r.width > 0 &&
      r.right > box.x &&
      r.left < box.x + box.width &&
      r.bottom > box.y &&
      r.top < box.y + box.height;
    // A day (a document's date) is fixed; a time of day ("2026-12-07T14:31…") is not.
    return [...document.querySelectorAll('time')]
      .filter((time) => time.dateTime.includes('T'))
      .filter(
        (time) => inBox(time.getBoundingClientRect()) && inBox(new DOMRect(0, 0, innerWidth, innerHeight)),
      )
      .map((time) => time.textContent);
  }, box);
  expect(times, `${name} would show the time of day`).toEqual([]);
  let shot = await take();
  for (let tries = 0; ; tries++) {
    const again = await take();
    if (samePixels(shot, again)) break;
    if (tries === 20) throw new Error(`${name}: the page did not keep still`);
    shot = again;
  }
  const path = join(IMAGES, name);
  if (existsSync(path) && samePixels(await readFile(path), shot)) return;
  await mkdir(IMAGES, { recursive: true });
  await writeFile(path, shot);
  written.push(name);
}

/**
 * Whether two PNGs show the same picture: the same size, and no colour of any pixel further apart
 * than Chromium's anti-aliasing of an edge varies from one run to the next (a few levels).
 */
function samePixels(a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return false;
  for (let i = 0; i < x.data.length; i++) if (Math.abs(x.data[i]! - y.data[i]!) > EDGE_NOISE) return false;
  return true;
}

/** Tags the first occurrence of `quote` in the open article through the palette, with a code's key. */
async function tag(quote: string, key: string): Promise<void> {
  await dragOver(page, quote);
  await palette().waitFor(POLL);
  await page.keyboard.press(key);
  await palette().waitFor({ state: 'detached', ...POLL });
}

/** Tags the first occurrence of `quote` in the sample article as `client`'s annotator. */
async function tagAs(client: GlossClient, quote: string, code: string) {
  const { text } = await client.getDocument({ key: SAMPLE });
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in ${SAMPLE}`);
  return client.createAnnotation({ key: SAMPLE, code, start, end: start + quote.length });
}

describe('the user guide', () => {
  it('getting started: the project opens with its documents listed, and an article reads in the middle', async () => {
    await page.goto(host.url);
    await documents()
      .getByRole('button', { name: /TikTok/ })
      .waitFor(POLL);
    // The sample article and six BBC articles, in two folders.
    await expect.poll(() => documents().locator('.document-row').count(), POLL).toBe(7);
    await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
    expect(await page.getByRole('radio', { name: 'To do' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.project-name').textContent(), POLL).toContain('media-study');
    await savedNow();
    await shoot('getting-started.png');
  });

  it('tagging: a selected passage opens the palette, and a code’s key tags it', async () => {
    await dragOver(page, 'national security risk');
    await palette().waitFor(POLL);
    await expect.poll(() => palette().textContent(), POLL).toContain('“national security risk”');
    await shoot('tagging-palette.png', readingPane());
    await page.keyboard.press('1');
    await waitForHighlight('gloss-code-security', 'national security risk');
    await palette().waitFor({ state: 'detached', ...POLL });
  });

  it('tagging: a figure code fills the value editor from the figure read in the passage', async () => {
    await dragOver(page, 'half a billion active users');
    await palette().waitFor(POLL);
    await page.keyboard.press('u');
    const form = palette().getByRole('form', { name: 'Figure value' });
    await form.waitFor(POLL);
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Min' }).inputValue(), POLL)
      .toBe('500 million');
    await shoot('tagging-figure.png', readingPane());
    await form.getByRole('button', { name: 'Tag' }).click();
    await waitForHighlight('gloss-code-user-count', 'half a billion active users');
  });

  it('tagging: a stakeholder mention becomes a new entry of the register, and the document is marked in progress', async () => {
    await dragOver(page, 'ByteDance');
    await palette().waitFor(POLL);
    await page.keyboard.press('s');
    await expect
      .poll(
        () =>
          palette()
            .getByRole('option', { name: 'New stakeholder from selection' })
            .getAttribute('aria-selected'),
        POLL,
      )
      .toBe('true');
    await page.keyboard.press('Enter');
    const form = palette().getByRole('form', { name: 'New stakeholder' });
    await form.getByRole('radio', { name: 'company' }).check();
    await form.getByRole('button', { name: 'Add stakeholder' }).click();
    await waitForHighlight('gloss-code-stakeholder', 'ByteDance');
    await article().focus();
    await page.keyboard.press('i');
    await expect.poll(() => page.getByRole('radio', { name: 'In progress' }).isChecked(), POLL).toBe(true);
  });

  it('codebook: a new concern with its own key, added in the editor and used at once', async () => {
    // Nothing selected, so the side panel is the codebook's alone.
    await article().focus();
    await page.keyboard.press('Escape');
    await sidePanel()
      .getByRole('button', { name: 'Close inspector' })
      .waitFor({ state: 'detached', ...POLL });
    await sidePanel().getByRole('tab', { name: 'Codes' }).click();
    await sidePanel().getByRole('button', { name: 'Edit codebook' }).click();
    await sidePanel().getByRole('button', { name: 'Add code' }).click();
    const form = sidePanel().getByRole('form', { name: 'New code' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Misinformation');
    await form.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Concerns' });
    await form.getByRole('textbox', { name: 'Shortcut' }).fill('4');
    await form.getByRole('button', { name: 'Add code' }).click();
    await sidePanel().getByRole('textbox', { name: 'Name of Misinformation' }).waitFor(POLL);
    expect(
      await sidePanel().getByRole('textbox', { name: 'Shortcut for Misinformation' }).inputValue(),
    ).toMatch(/^4$/);
    await sidePanel().getByRole('textbox', { name: 'Name of Security' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await savedNow();
    await shoot('codebook-editor.png', sidePanel());
    await sidePanel().getByRole('button', { name: 'Done editing' }).click();

    await tag('bargaining chip', '4');
    const code = sidePanel().getByRole('button', { name: 'Misinformation' });
    await expect.poll(() => code.locator('.code-count').textContent(), POLL).toBe('1');
    await expect.poll(() => code.locator('kbd').textContent(), POLL).toBe('4');
  });

  it('suggestions: the register’s names and the figures are proposed, n walks to one and Enter accepts it', async () => {
    await sidePanel().getByRole('tab', { name: 'Suggestions' }).click();
    const summary = sidePanel().locator('.suggestions-summary p');
    // The numbers the guide's picture and its words give.
    await expect
      .poll(() => summary.textContent(), POLL)
      .toBe('48 suggestions: 37 stakeholder mentions, 9 figures, 2 possible new stakeholders.');
    await article().focus();
    await page.keyboard.press('n');
    await expect
      .poll(async () => (await readHighlights(page))['gloss-suggestion-selected'] ?? [], POLL)
      .toHaveLength(1);
    await savedNow();
    await shoot('suggestions.png');
    await page.keyboard.press('Enter');
    await expect.poll(() => summary.textContent(), POLL).toMatch(/^47 suggestions: 36 stakeholder mentions/);
  });

  it('search: every hit of a word in context; a hit opens in the reader ready to tag', async () => {
    await sidePanel().getByRole('tab', { name: 'Search' }).click();
    const box = sidePanel().getByRole('searchbox', { name: 'Search the articles' });
    await box.fill('security');
    await box.press('Enter');
    const total = sidePanel()
      .getByText(/^\d+ hits in \d+ documents/)
      .first();
    await total.waitFor(POLL);
    const found = await service.searchCorpus({ query: 'security', limit: 0, offset: 0 });
    expect(found.total).toBe(21);
    expect(await total.textContent()).toMatch(/^21 hits in 5 documents/);
    await sidePanel().getByText('security problems').first().click();
    await palette().waitFor(POLL);
    await expect.poll(() => palette().textContent(), POLL).toContain('“security”');
    await savedNow();
    await shoot('search.png');
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached', ...POLL });
  });

  it('analysis: the matrix counts concern passages near each stakeholder, and a number lists them', async () => {
    await sidePanel().getByRole('tab', { name: 'Analysis' }).click();
    await sidePanel().getByRole('table', { name: 'Concern passages near each stakeholder' }).waitFor(POLL);
    const cell = sidePanel().getByRole('button', { name: /^Microsoft and Security: \d+ passages?$/ });
    const count = Number((await cell.getAttribute('aria-label'))?.match(/(\d+) passage/)?.[1]);
    expect(count).toBe(13);
    await cell.click();
    await expect
      .poll(
        () =>
          sidePanel()
            .getByRole('list', { name: 'Microsoft and Security passages' })
            .getByRole('listitem')
            .count(),
        POLL,
      )
      .toBe(count);
    await shoot('analysis-matrix.png');
  });

  it('teams: a colleague’s work on the same article shows beside one’s own, each passage by how they compare', async () => {
    ben = await colleagues.as(COLLEAGUE);
    await tagAs(ben, 'national security risk', 'security');
    await tagAs(ben, 'bargaining chip', 'security');
    await tagAs(ben, 'active users', 'user-count');
    await tagAs(ben, 'attack on freedom of expression', 'free-expression');
    await ben.setDocumentStatus({ key: SAMPLE, status: 'done' });

    await openArticle(page, /TikTok/, /TikTok owner ByteDance has made/);
    // ben's file arrives through the folder watcher: his chip shows on the article's row.
    await sampleRow()
      .getByRole('img', { name: /^ben: done, 4 annotations$/ })
      .waitFor(POLL);
    await page
      .getByRole('group', { name: 'Whose annotations to show' })
      .getByRole('radio', { name: 'Side by side' })
      .click();
    const summary = page.getByRole('region', { name: 'How the two annotators compare' });
    await expect
      .poll(() => summary.getByRole('listitem').allTextContents(), POLL)
      .toEqual([
        'Agreed: 1',
        'Same passage, different codes: 1',
        'Overlapping, different boundaries: 1',
        `Only ${ME}: 2`,
        `Only ${COLLEAGUE}: 1`,
      ]);
    await savedNow();
    await shoot('side-by-side.png');
  });

  it('agreement: the pairs matrix gives the measure the API computes, to three decimals', async () => {
    await sidePanel().getByRole('tab', { name: 'Analysis' }).click();
    await sidePanel()
      .getByRole('tablist', { name: 'Analysis views' })
      .getByRole('tab', { name: 'Agreement' })
      .click();
    const matrix = sidePanel().getByRole('table', { name: /^Each pair over all codes/ });
    await matrix.waitFor(POLL);
    const measured = await service.agreement({});
    expect(measured.annotators).toEqual([ME, COLLEAGUE]);
    const kappa = measured.pairs[0]!.overall.kappa!;
    await expect
      .poll(() => matrix.locator(`td[data-row="${ME}"][data-column="${COLLEAGUE}"]`).textContent(), POLL)
      .toContain(kappa.toFixed(3));
    expect(kappa.toFixed(3)).toBe('0.425');
    await shoot('agreement.png', sidePanel());
  });

  it('curation: the agreed passage taken in one step, then each disagreement decided from the keyboard', async () => {
    await sidePanel()
      .getByRole('button', { name: `Curate ${ME} and ${COLLEAGUE}…` })
      .click();
    const progress = sidePanel().locator('.curation-progress p');
    await expect
      .poll(() => progress.textContent(), POLL)
      .toMatch(/^0 of (\d+) decided · 0 skipped · \1 open/);
    const open = Number((await progress.textContent())!.match(/^0 of (\d+)/)![1]);
    await sidePanel().getByRole('button', { name: 'Take every agreed passage' }).click();
    await expect.poll(() => sidePanel().getByText('1 agreed passage taken').count(), POLL).toBe(1);
    // ana's two passages ben did not mark are kept, ben's passage ana did not mark is taken too.
    for (const key of ['a', 'a', 'b']) await page.keyboard.press(key);
    await expect
      .poll(() => progress.textContent(), POLL)
      .toMatch(new RegExp(`^3 of ${open} decided · 0 skipped · ${open - 3} open`));
    // Next in the text: the same figure marked with other bounds, both readings shown.
    const card = sidePanel().getByRole('region', { name: 'Disagreement shown' });
    await expect
      .poll(
        () =>
          card
            .locator('.curation-reading')
            .evaluateAll((rows) =>
              rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' ')),
            ),
        POLL,
      )
      .toEqual([`${ME} User count half a billion active users`, `${COLLEAGUE} User count active users`]);
    await expect.poll(() => page.locator('.side-by-side').count(), POLL).toBe(1);
    // The curated layer is an annotator's file like any other: its chip (a tick) shows on the article's row.
    await sampleRow()
      .getByRole('img', { name: /^the curated layer: / })
      .waitFor(POLL);
    await savedNow();
    await shoot('curation.png');
  });

  it('exports: the dataset as JSON Lines, into a new folder of the project', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the dataset' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('jsonl');
    await expect.poll(() => dialog.textContent(), POLL).toContain('Offsets count code points.');
    await shoot('export-dialog.png', dialog);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const status = dialog.getByRole('status');
    await expect
      .poll(() => status.textContent(), POLL)
      .toMatch(/^Exported 7 documents and \d+ annotations to \.gloss\/exports\//);
    const exported = (await status.locator('code').textContent())!.replace(/\/$/, '');
    const lines = (await readFile(join(folder, exported, 'documents.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean);
    const sample = lines
      .map((line) => JSON.parse(line) as { key: string; spans: { annotator: string }[] })
      .find((d) => d.key === SAMPLE);
    // Everyone's work, the curated layer's too, each span with its annotator.
    expect(new Set(sample?.spans.map((s) => s.annotator))).toEqual(new Set([ME, COLLEAGUE, 'curation']));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached', ...POLL });
  });

  it('where data lives: one file per document per annotator, the curated layer, rejections and proposals apart, a cache', () => {
    const gloss = join(folder, '.gloss');
    for (const file of [
      'project.json',
      `annotations/${SAMPLE}/${ME}.json`,
      `annotations/${SAMPLE}/${COLLEAGUE}.json`,
      `annotations/${SAMPLE}/curation.json`,
      'cache/search-index.bin',
    ])
      expect(existsSync(join(gloss, file)), file).toBe(true);
  });

  it('raised no console errors and no content security policy violations', () => {
    expect(problems).toEqual([]);
  });
});
