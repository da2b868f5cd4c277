import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import { inProcessTransport } from '../../main/transports/in-process';
import type { GlossClient } from '../../shared/api-client';
import { createApiClient } from '../../shared/api-client';
import type { Annotation } from '../../shared/model/annotation';
import { launchChromium } from '../support/chromium';
import { readHighlights as readHighlightsOf } from '../support/highlights';
import { requireRendererBuild } from '../support/renderer-build';
import { makeTempProject, type TempProject } from '../support/temp-project';

const CAFE =
  "Café 😀 ByteDance\n\nLe café de ByteDance à Paris 😀 a ouvert. ByteDance's app reached 800 million users.\n";
const TIKTOK =
  'TikTok talks\n\nMicrosoft confirmed talks to buy the US business of TikTok.\n\nThe deal could be worth $30 billion.\n';

let project: TempProject;
let service: GlossService;
let client: GlossClient;
let host: BrowserHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Operations that reached the API, to prove what a foreign page could not do. */
const dispatched: string[] = [];
/** Console errors, uncaught exceptions and CSP violations: the page must have none. */
const pageProblems: string[] = [];
let codes: string[];
let annotations: Annotation[];

const readHighlights = () => readHighlightsOf(page);

beforeAll(async () => {
  const rendererDir = requireRendererBuild();
  project = await makeTempProject({ 'cafe.txt': CAFE, 'tiktok.txt': TIKTOK, 'notes.docx': 'not an article' });
  service = createGlossService({ annotator: 'e2e' });
  await service.open(project.path);
  const dispatch = createDispatch(service);
  client = createApiClient(inProcessTransport(dispatch, service));

  // Two annotations in the paragraph after an emoji, the second overlapping the first.
  const { codebook } = await client.getProject({});
  codes = codebook.codes.filter((code) => code.codable).map((code) => code.id);
  const [first, second] = codes;
  if (!first || !second) throw new Error('the default codebook should have two codable codes');
  const { text } = await client.getDocument({ key: 'cafe.txt' });
  const quoteA = '😀 a ouvert. ByteDance';
  const quoteB = "ByteDance's app reached 800 million users";
  const startA = text.indexOf(quoteA);
  const startB = text.indexOf(quoteB);
  annotations = [
    await client.createAnnotation({
      key: 'cafe.txt',
      code: first,
      start: startA,
      end: startA + quoteA.length,
    }),
    await client.createAnnotation({
      key: 'cafe.txt',
      code: second,
      start: startB,
      end: startB + quoteB.length,
    }),
  ];

  host = await startBrowserHost({
    service,
    dispatch: (operation, request) => {
      dispatched.push(operation);
      return dispatch(operation, request);
    },
    rendererDir,
  });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageProblems.push(message.text());
  });
  page.on('pageerror', (error) => pageProblems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await project?.cleanup();
});

describe('the screens over the browser host', () => {
  it('sign in through the printed link, which then leaves the address bar', async () => {
    await page.goto(host.url);
    expect(page.url()).toBe(`${host.origin}/`);
    // The token cookie is HttpOnly: scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('list both documents, and the skipped file with its reason', async () => {
    const list = page.getByRole('navigation', { name: 'Documents' });
    await list.getByRole('button', { name: /Café 😀 ByteDance/ }).waitFor();
    await list.getByRole('button', { name: /TikTok talks/ }).waitFor();
    expect(await list.getByRole('button').count()).toBe(2);
    expect(await list.getByRole('button', { name: /Café/ }).textContent()).toContain('2 annotations');
    await list.getByText('1 skipped').click();
    await list.getByText(/notes\.docx/).waitFor();
  });

  it('show a document as text in the "Article text" region when it is chosen', async () => {
    await page.getByRole('button', { name: /TikTok talks/ }).click();
    const region = page.getByRole('region', { name: 'Article text' });
    await region.getByText('The deal could be worth $30 billion.').waitFor();
    await page.getByRole('heading', { name: 'TikTok talks', level: 1 }).waitFor();

    // Enter opens a document too.
    await page.getByRole('button', { name: /Café/ }).focus();
    await page.keyboard.press('Enter');
    await region.getByText(/Le café de ByteDance à Paris/).waitFor();
    expect(await region.locator('p').allTextContents()).toEqual([
      'Café 😀 ByteDance',
      "Le café de ByteDance à Paris 😀 a ouvert. ByteDance's app reached 800 million users.",
    ]);
  });

  it('highlight each annotation exactly over its quote, after an emoji too, overlaps included', async () => {
    await page.waitForFunction(() => CSS.highlights.size >= 2);
    const highlights = await readHighlights();
    for (const annotation of annotations) {
      expect(highlights[`gloss-code-${annotation.code}`]).toEqual([annotation.target.quote]);
    }
    // Each code's colour reaches the page through a constructed stylesheet, translucent.
    const rules = await page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
    );
    const first = annotations[0]!;
    expect(rules.some((rule) => rule.includes(`::highlight(gloss-code-${first.code})`))).toBe(true);
  });

  it('follow the project when main says it was opened again', async () => {
    const { text } = await client.getDocument({ key: 'cafe.txt' });
    const quote = 'Café';
    const added = await client.createAnnotation({
      key: 'cafe.txt',
      code: codes[2]!,
      start: text.indexOf(quote),
      end: quote.length,
    });
    await service.open(project.path);
    await page.waitForFunction((name) => CSS.highlights.has(name), `gloss-code-${added.code}`);
    expect((await readHighlights())[`gloss-code-${added.code}`]).toEqual(['Café']);
    await page.getByRole('button', { name: /Café.*3 annotations/ }).waitFor();
  });

  it('raise no console errors and no content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});

describe('a page of another origin', () => {
  /** Tries to read and to write through the API from `pageUrl`, with the researcher signed in. */
  async function attackFrom(pageUrl: string, setUp: (page: Page) => Promise<void>): Promise<string[]> {
    const attacker = await context.newPage();
    await setUp(attacker);
    await attacker.goto(pageUrl);
    const attempts = await attacker.evaluate(async (origin) => {
      const note = JSON.stringify({ key: 'cafe.txt', note: 'written by another site' });
      const tries = [
        // A "simple" request is sent without a preflight, so only the host's own checks stop it.
        fetch(`${origin}/api/setDocumentNote`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: note,
        }),
        fetch(`${origin}/api/setDocumentNote`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: note,
        }),
        fetch(`${origin}/api/listDocuments`, { method: 'POST', credentials: 'include', body: '{}' }),
      ];
      return Promise.all(
        tries.map((t) =>
          t.then(
            (r) => `answered ${r.type} ${r.status}`,
            (e: Error) => `failed: ${e.message}`,
          ),
        ),
      );
    }, host.origin);
    await attacker.close();
    return attempts;
  }

  it('on another site cannot call the API', async () => {
    const before = dispatched.length;
    const attempts = await attackFrom('http://evil.example/', async (attacker) => {
      await attacker.route('http://evil.example/', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Evil</title>' }),
      );
    });
    expect(attempts.every((a) => a.startsWith('failed') || a === 'answered opaque 0')).toBe(true);
    expect(dispatched.slice(before)).toEqual([]);
    expect((await client.getDocument({ key: 'cafe.txt' })).note).toBe('');
  });

  it('on this computer, at another port, cannot call the API though the browser sends it the cookie', async () => {
    // Same site as the host (cookies ignore ports), so the SameSite cookie is sent along (the
    // researcher signed in above); the host's Origin and JSON content-type checks stop it.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Another local app</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const before = dispatched.length;
      const attempts = await attackFrom(`http://127.0.0.1:${port}/`, async () => {});
      // The no-cors request reaches the host and is refused (opaque to the page); the others fail.
      expect(attempts[0]).toBe('answered opaque 0');
      expect(attempts.slice(1).every((a) => a.startsWith('failed'))).toBe(true);
      expect(dispatched.slice(before)).toEqual([]);
      expect((await client.getDocument({ key: 'cafe.txt' })).note).toBe('');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
