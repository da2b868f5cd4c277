/**
 * The reader's views in headless Chromium over the browser host, on the ~1 MB article with alice's
 * 10,000 annotations and bob's 10,000 (hers, a third re-coded, a fifth a character longer, a
 * seventh left out): how long until the article is shown with its highlights registered, in
 * everyone's view (20,000 annotations, one painter), in mine (10,000) and side by side (two
 * columns, two painters, the comparison of 10,000 × 10,000); how long switching from everyone's
 * to side by side takes; and the frames while the pane scrolls, per view. Medians of RUNS.
 * `node --import tsx test/bench/reader-views-bench.ts` (renderer built, GLOSS_RENDERER_DIR to
 * point at another build).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService } from '../../main/api/gloss-service';
import { startBrowserHost } from '../../main/transports/browser-host';
import type { Annotation } from '../../shared/model/annotation';
import { launchChromium } from '../support/chromium';
import { requireRendererBuild } from '../support/renderer-build';
import { generateProject } from './generate-project';

const RUNS = Number(process.env.GLOSS_BENCH_RUNS ?? 5);
type View = 'All' | 'Mine' | 'Side by side';

export async function benchReaderViews(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-views-'));
  const browser = await launchChromium();
  try {
    const project = await generateProject(dir, { articles: 1, perArticle: 0, heavyAnnotations: 10_000 });
    await writeColleague(dir, project.heavyKey);
    const service = createGlossService({ annotator: 'alice', watchFolder: false });
    await service.open(dir);
    const host = await startBrowserHost({
      service,
      dispatch: createDispatch(service),
      rendererDir: requireRendererBuild(),
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Documents' });
    await nav.getByRole('button').first().waitFor();
    const open = (key: string) => nav.locator('.document-row', { hasText: key }).click();
    await open(project.keys[0]!);
    await page.locator('main [data-start]').first().waitFor();

    console.log(
      `\n  Reader views, 1 MB article, alice 10,000 + bob ${await colleagueCount(dir, project.heavyKey)} annotations`,
    );
    const opened: Record<View, number[]> = { All: [], Mine: [], 'Side by side': [] };
    for (let run = 0; run < RUNS; run++) {
      for (const view of ['All', 'Mine', 'Side by side'] as const) {
        await open(project.keys[0]!);
        await page.getByRole('radio', { name: view }).check();
        await page.waitForTimeout(100);
        opened[view].push(await timeToOpen(page, project.heavyKey, view));
      }
    }
    for (const view of ['All', 'Mine', 'Side by side'] as const)
      console.log(
        `  open, ${view.padEnd(13)} text shown, highlights registered, 2 frames: ${ms(middle(opened[view]))}`,
      );

    const switched: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.getByRole('radio', { name: 'All' }).check();
      await page.waitForTimeout(200);
      switched.push(await timeToSwitch(page));
    }
    console.log(`  switch from All to Side by side, until painted:                  ${ms(middle(switched))}`);

    for (const view of ['All', 'Mine', 'Side by side'] as const) {
      await page.getByRole('radio', { name: view }).check();
      await page.waitForTimeout(300);
      const frames = await scrollFrames(page);
      console.log(
        `  scrolling, ${view.padEnd(13)} frame median ${ms(middle(frames))}, p95 ${ms(percentile(frames, 0.95))}, longest ${ms(Math.max(...frames))}`,
      );
    }
    await context.close();
    await host.close();
    await service.close();
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** bob's file: alice's annotations, a third re-coded, a fifth one character longer, a seventh left out. */
async function writeColleague(dir: string, key: string): Promise<void> {
  const folder = join(dir, '.gloss', 'annotations', ...key.split('/'));
  const file = JSON.parse(await readFile(join(folder, 'alice.json'), 'utf8'));
  const codes = ['stakeholder', 'security', 'privacy', 'free-expression'];
  file.annotator = 'bob';
  file.relations = [];
  file.annotations = (file.annotations as Annotation[])
    .filter((_, i) => i % 7 !== 3)
    .map((a, i) => {
      const code =
        a.code === 'money' ? 'money' : i % 3 === 0 ? codes[(codes.indexOf(a.code) + 1) % 4]! : a.code;
      const longer = i % 5 === 0 && a.code !== 'money';
      const { stakeholderId, ...rest } = a;
      return {
        ...rest,
        ...(code === 'stakeholder' && stakeholderId ? { stakeholderId } : {}),
        id: `bob-${i}`,
        author: 'bob',
        code,
        target: {
          ...a.target,
          end: longer ? a.target.end + 1 : a.target.end,
          quote: longer ? `${a.target.quote}${a.target.suffix[0]}` : a.target.quote,
          suffix: longer ? a.target.suffix.slice(1) : a.target.suffix,
        },
      };
    });
  await writeFile(join(folder, 'bob.json'), JSON.stringify(file));
}

async function colleagueCount(dir: string, key: string): Promise<number> {
  const path = join(dir, '.gloss', 'annotations', ...key.split('/'), 'bob.json');
  return JSON.parse(await readFile(path, 'utf8')).annotations.length;
}

/** Which highlights hold the view's ranges: the code colours, or the comparison's kinds. */
function highlightsOf(view: View): { prefix: string; exclude: string } {
  return view === 'Side by side'
    ? { prefix: 'gloss-code-compare-', exclude: '\u0000' }
    : { prefix: 'gloss-code-', exclude: 'gloss-code-compare-' };
}

/** From the click on the heavy article until its last paragraph is in the page and its highlights are registered, plus two frames. */
async function timeToOpen(page: Page, key: string, view: View): Promise<number> {
  return page.evaluate(
    async ({ key, names }) => {
      const row = [...document.querySelectorAll<HTMLButtonElement>('nav .document-row')].find(
        (button) => button.querySelector('.document-key')?.textContent === key,
      );
      if (!row) throw new Error(`no row for ${key}`);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const ranges = () => {
        let count = 0;
        for (const [name, highlight] of CSS.highlights)
          if (name.startsWith(names.prefix) && !name.startsWith(names.exclude)) count += highlight.size;
        return count;
      };
      const shown = () => {
        const last = [...document.querySelectorAll<HTMLElement>('main [data-start]')].at(-1);
        return Number(last?.dataset.start) > 900_000 && ranges() > 0;
      };
      const started = performance.now();
      row.click();
      while (!shown()) await frame();
      await frame();
      await frame();
      return performance.now() - started;
    },
    { key, names: highlightsOf(view) },
  );
}

/** From the click on "Side by side" until both columns' highlights are registered, plus two frames. */
async function timeToSwitch(page: Page): Promise<number> {
  return page.evaluate(async (names) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const ranges = () => {
      let count = 0;
      for (const [name, highlight] of CSS.highlights)
        if (name.startsWith(names.prefix) && !name.startsWith(names.exclude)) count += highlight.size;
      return count;
    };
    const radio = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => input.value === 'side-by-side',
    );
    if (!radio) throw new Error('no side-by-side radio');
    const started = performance.now();
    radio.click();
    while (document.querySelectorAll('.comparison-column').length < 2 || ranges() === 0) await frame();
    await frame();
    await frame();
    return performance.now() - started;
  }, highlightsOf('Side by side'));
}

/** Frame times while the reading pane scrolls 300 px a frame, 120 frames, from the top. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const pane = document.querySelector<HTMLElement>('main.reading-pane')!;
    pane.scrollTop = 0;
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    const times: number[] = [];
    let last = await frame();
    for (let i = 0; i < 120; i++) {
      pane.scrollBy({ top: 300, behavior: 'instant' });
      const now = await frame();
      times.push(now - last);
      last = now;
    }
    return times;
  });
}

function middle(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(7)} ms`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReaderViews();
