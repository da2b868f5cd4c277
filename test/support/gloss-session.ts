import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import type { Suggestion } from '../../shared/model/suggestion';
import { launchChromium } from './chromium';
import { REPO } from './corpus';
import { openArticle } from './reader-text';
import { requireRendererBuild } from './renderer-build';
import { makeTempProject } from './temp-project';
import { openWatchedPage } from './watched-page';

/** Gloss as a browser test meets it: a project folder, the service, the browser host and a page. */
export interface GlossSession {
  folder: string;
  service: GlossService;
  host: BrowserHost;
  browser: Browser;
  page: Page;
  /** Console errors and warnings, uncaught exceptions and CSP violations: a page of Gloss shows none. */
  problems: string[];
  /**
   * Loads Gloss in the page and waits, as a researcher would, until it lists the project's
   * documents: a shortcut pressed before the app has drawn itself reaches no listener.
   */
  showProject(): Promise<void>;
  close(): Promise<void>;
}

export interface GlossSessionOptions {
  /** A folder to copy into a temporary one (the sample project, a corpus folder), or files to write there. */
  from: string | Record<string, string | Uint8Array>;
  /** Where the temporary folder is made: the system's temp folder unless given (e.g. a small disk). */
  parent?: string;
  annotator?: string;
  context?: BrowserContextOptions;
  /** Work done through the API before the page opens, as a researcher would have done earlier. */
  prepare?(service: GlossService): Promise<void>;
}

/** Starts a session; the page is open but has not loaded Gloss yet (`showProject()`, or `page.goto(session.host.url)`). */
export async function openGlossSession(options: GlossSessionOptions): Promise<GlossSession> {
  const rendererDir = requireRendererBuild();
  let folder: string;
  if (typeof options.from === 'string') {
    folder = await mkdtemp(join(options.parent ?? tmpdir(), 'gloss-e2e-'));
    await cp(options.from, folder, { recursive: true });
  } else {
    folder = (await makeTempProject(options.from, options.parent)).path;
  }
  const service = createGlossService({ annotator: options.annotator ?? 'e2e' });
  await service.open(folder);
  await options.prepare?.(service);
  const host = await startBrowserHost({ service, dispatch: createDispatch(service), rendererDir });
  const browser = await launchChromium();
  const { page, problems } = await openWatchedPage(browser, options.context);
  return {
    folder,
    service,
    host,
    browser,
    page,
    problems,
    showProject: async () => {
      await page.goto(host.url);
      await page
        .getByRole('navigation', { name: 'Documents' })
        .getByRole('listitem')
        .first()
        .waitFor({ timeout: 60_000 });
    },
    close: async () => {
      await browser.close();
      await host.close();
      // Nothing more is written into the folder once this resolves (the search index, for one).
      await service.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A session on a fresh copy of the sample project (the seed article), in a 1440 × 900 window:
 * what the stories of tagging, suggestions, curation and the first start begin from.
 */
export function openSampleSession(
  options: Pick<GlossSessionOptions, 'annotator' | 'prepare'> = {},
): Promise<GlossSession> {
  return openGlossSession({
    from: join(REPO, 'assets', 'sample-project'),
    annotator: options.annotator ?? 'e2e',
    context: { viewport: { width: 1440, height: 900 } },
    ...(options.prepare ? { prepare: options.prepare } : {}),
  });
}

/** The sample project's article, as the suggestion stories open it. */
export const SAMPLE_ARTICLE = 'tiktok-microsoft.txt';

/**
 * The sample session with its article open in the reader and the Suggestions tab shown, and what
 * the service offered in that article before the page opened (`offered`).
 */
export async function openSampleSuggestions(
  annotator = 'e2e',
): Promise<{ session: GlossSession; offered: Suggestion[] }> {
  let offered: Suggestion[] = [];
  const session = await openSampleSession({
    annotator,
    prepare: async (service) => {
      offered = (await service.listSuggestions({ key: SAMPLE_ARTICLE })).suggestions;
    },
  });
  await session.page.goto(session.host.url);
  await openArticle(session.page, /TikTok/);
  await session.page.getByRole('tab', { name: 'Suggestions' }).click();
  return { session, offered };
}
