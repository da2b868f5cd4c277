// `node --import tsx scripts/screenshot.ts [folder]`: takes the README's screenshots (into
// assets/screenshots/ unless a folder is given). The reader: a copy of the sample project, with a
// few more articles from the shared corpus and annotations made through the API. Search and the
// Analysis tab's views: BBC articles tagged through the API as the analysis browser tests tag them
// (test/support/analysed-project.ts), dated across a year. Each is opened in headless Chromium over
// the browser host. Needs `npm run build` and Chromium (see test/support/chromium.ts).
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDispatch } from '../main/api/dispatch';
import { createGlossService } from '../main/api/gloss-service';
import { startBrowserHost } from '../main/transports/browser-host';
import { inProcessTransport } from '../main/transports/in-process';
import { createApiClient, type GlossClient } from '../shared/api-client';
import type { FigureValue } from '../shared/model/figure';
import { analysedFiles, tagAnalysedProject } from '../test/support/analysed-project';
import { launchChromium } from '../test/support/chromium';
import { CORPUS, REPO } from '../test/support/corpus';
import { requireRendererBuild } from '../test/support/renderer-build';

const shots = resolve(process.argv[2] ?? join(REPO, 'assets/screenshots'));
const out = join(shots, 'reader.png');
const SAMPLE = 'tiktok-microsoft.txt';
/** Articles beside the sample, so the list looks like a project; status as a researcher left it. */
const MORE = [
  ['tech/001.txt', 'done'],
  ['tech/002.txt', 'in-progress'],
  ['business/003.txt', 'done'],
  ['politics/004.txt', 'todo'],
  ['tech/006.txt', 'todo'],
] as const;

const temp = await mkdtemp(join(tmpdir(), 'gloss-screenshot-'));
// The folder's name is the project's name in the header.
const dir = join(temp, 'tiktok-articles');
try {
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  for (const [file] of MORE) {
    await cp(join(CORPUS, 'news-txt', file), join(dir, 'bbc', file.replace('/', '-')));
  }
  const service = createGlossService({ annotator: 'researcher' });
  await service.open(dir);
  const dispatch = createDispatch(service);
  const client = createApiClient(inProcessTransport(dispatch));
  for (const [file, status] of MORE) {
    if (status !== 'todo') await client.setDocumentStatus({ key: `bbc/${file.replace('/', '-')}`, status });
  }
  await annotateSample(client);

  const host = await startBrowserHost({ service, dispatch, rendererDir: requireRendererBuild() });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Documents' });
    await nav.locator('.document-row', { hasText: SAMPLE }).click();
    await page.waitForFunction(() => CSS.highlights.size >= 5);
    // Select an annotation the way a researcher would (j), so the inspector shows it.
    await page.locator('body').press('j');
    await page.locator('body').press('j');
    // No focus ring left on the list row that was clicked.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(400);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await context.close();
  } finally {
    await browser.close();
    await host.close();
  }
  await analysisShots(join(temp, 'bbc-technology-and-business'));
} finally {
  await rm(temp, { recursive: true, force: true });
}

/** Search and the Analysis tab's views, on tagged BBC articles. */
async function analysisShots(dir: string): Promise<void> {
  for (const [key, content] of Object.entries(await analysedFiles())) {
    await mkdir(dirname(join(dir, key)), { recursive: true });
    await writeFile(join(dir, key), content);
  }
  const service = createGlossService({ annotator: 'researcher' });
  await service.open(dir);
  await tagAnalysedProject(service);
  const { documents } = await service.listDocuments({});
  // Dates a month apart for the articles whose page gave none, so the timeline has a course.
  for (const [i, { key }] of documents.filter((d) => !d.metadata.publishedTime).entries()) {
    await service.setDocumentDate({ key, date: `2005-${String(3 + 2 * i).padStart(2, '0')}-14` });
  }
  const host = await startBrowserHost({
    service,
    dispatch: createDispatch(service),
    rendererDir: requireRendererBuild(),
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const panel = page.getByRole('complementary', { name: 'Side panel' });
    const shoot = async (name: string) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(shots, name) });
      console.log(`wrote ${join(shots, name)}`);
    };
    await panel.getByRole('tab', { name: 'Search' }).click();
    await panel.getByRole('searchbox', { name: 'Search the articles' }).fill('security');
    await panel.getByRole('searchbox', { name: 'Search the articles' }).press('Enter');
    await panel
      .getByText(/hits? in \d+ documents?/)
      .first()
      .waitFor();
    // A hit opened in the reader, selected, as a researcher about to tag it sees it.
    await panel.getByText('security problems').first().click();
    await page.waitForFunction(() => CSS.highlights.size >= 3);
    await shoot('search.png');
    await page.keyboard.press('Escape');

    await panel.getByRole('tab', { name: 'Analysis' }).click();
    const views = panel.getByRole('tablist', { name: 'Analysis views' });
    await panel.getByRole('table', { name: 'Concern passages near each stakeholder' }).waitFor();
    await panel.getByRole('button', { name: /^Microsoft and Security: \d+ passages?$/ }).click();
    await shoot('analysis-matrix.png');
    await views.getByRole('tab', { name: 'Coding query' }).click();
    await panel.getByRole('checkbox', { name: 'Security' }).check();
    await panel.getByRole('button', { name: 'Run query' }).click();
    await panel.getByRole('list', { name: 'Passages found' }).getByRole('listitem').first().waitFor();
    await shoot('analysis-coding-query.png');
    for (const [view, name] of [
      ['Frequencies', 'analysis-frequencies.png'],
      ['Figures', 'analysis-figures.png'],
      ['Timeline', 'analysis-timeline.png'],
    ] as const) {
      await views.getByRole('tab', { name: view }).click();
      await panel
        .locator(view === 'Timeline' ? 'figure svg' : 'table')
        .first()
        .waitFor();
      await shoot(name);
    }
  } finally {
    await browser.close();
    await host.close();
    await service.close();
  }
}

async function annotateSample(client: GlossClient): Promise<void> {
  const text = (await client.getDocument({ key: SAMPLE })).text;
  const register = new Map<string, string>();
  for (const [name, kind, aliases] of [
    ['TikTok', 'company', []],
    ['Microsoft', 'company', []],
    ['ByteDance', 'company', ['Bytedance']],
    ['Donald Trump', 'person', ['Mr. Trump', 'Trump', 'the U.S. President']],
  ] as const) {
    // A project opened for the first time may already have some in its register.
    const known = (await client.getProject({})).stakeholders.find((s) => s.name === name);
    const added = known ?? (await client.addStakeholder({ name, kind, aliases: [...aliases] }));
    register.set(name, added.id);
  }
  const tag = async (
    quote: string,
    code: string,
    extra: { stakeholder?: string; value?: FigureValue } = {},
  ) => {
    const start = text.indexOf(quote);
    if (start === -1) throw new Error(`"${quote}" is not in ${SAMPLE}`);
    await client.createAnnotation({
      key: SAMPLE,
      code,
      start,
      end: start + quote.length,
      ...(extra.stakeholder ? { stakeholderId: register.get(extra.stakeholder)! } : {}),
      ...(extra.value ? { value: extra.value } : {}),
    });
  };
  await tag('Microsoft', 'stakeholder', { stakeholder: 'Microsoft' });
  await tag('Donald Trump', 'stakeholder', { stakeholder: 'Donald Trump' });
  await tag('U.S. President', 'stakeholder', { stakeholder: 'Donald Trump' });
  await tag('ByteDance', 'stakeholder', { stakeholder: 'ByteDance' });
  await tag('White House', 'stakeholder');
  await tag('attack on freedom of expression', 'free-expression');
  await tag('half a billion active users', 'user-count', {
    value: { min: 500_000_000, max: 500_000_000, qualifier: 'approximately', unit: 'users' },
  });
  await tag('80 million in the United States', 'user-count', {
    value: { min: 80_000_000, max: 80_000_000, qualifier: 'approximately', unit: 'users' },
  });
  await tag('poses a national security risk', 'security');
  await tag("collect Americans' personal information", 'privacy');
  await client.setDocumentStatus({ key: SAMPLE, status: 'in-progress' });
}
