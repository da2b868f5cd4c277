// `node --import tsx scripts/screenshot.ts [out.png]`: takes the README's screenshot of the
// reader (assets/screenshots/reader.png). A copy of the sample project, with a few more articles
// from the shared corpus and annotations made through the API, is opened in headless Chromium
// over the browser host. Needs `npm run build` and Chromium (see test/support/chromium.ts).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDispatch } from '../main/api/dispatch';
import { createGlossService } from '../main/api/gloss-service';
import { startBrowserHost } from '../main/transports/browser-host';
import { inProcessTransport } from '../main/transports/in-process';
import { createApiClient, type GlossClient } from '../shared/api-client';
import type { FigureValue } from '../shared/model/figure';
import { launchChromium } from '../test/support/chromium';
import { CORPUS, REPO } from '../test/support/corpus';
import { requireRendererBuild } from '../test/support/renderer-build';

const out = resolve(process.argv[2] ?? join(REPO, 'assets/screenshots/reader.png'));
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
  } finally {
    await browser.close();
    await host.close();
  }
} finally {
  await rm(temp, { recursive: true, force: true });
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
    const added = await client.addStakeholder({ name, kind, aliases: [...aliases] });
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
