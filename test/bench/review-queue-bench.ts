/**
 * The review queue in headless Chromium over the browser host, on the 1,781 BBC articles of
 * ../shared/corpus/news-txt (copied, with suggestions-bench's register): after the run over all
 * documents, how long from the key that opens the queue to the frame that draws its first group,
 * and from each decision's key (accept in every document, reject here, reject everywhere, skip,
 * next group) to the frame that draws the next group's card. Beside them, in the same run: reading
 * the queue's file with fs + JSON.parse, and a key that changes nothing to the next frame painted
 * (the browser's floor). Times are taken in the page (frame-clock.ts). Each decision is taken
 * once the article of the group shown is drawn, as a researcher decides after reading it.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService } from '../../main/api/gloss-service';
import { startBrowserHost } from '../../main/transports/browser-host';
import { launchChromium } from '../support/chromium';
import { CORPUS } from '../support/corpus';
import { requireRendererBuild } from '../support/renderer-build';
import { installFrameClock } from './frame-clock';
import { median, row } from './report';
import { REGISTER } from './suggestions-bench';

declare global {
  interface Window {
    queueBench?: { keyAt?: number; drawnAt?: number };
  }
}

const RUNS = Number(process.env.GLOSS_BENCH_RUNS ?? 5);

export async function benchReviewQueue(): Promise<void> {
  const rendererDir = requireRendererBuild();
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-queue-'));
  const browser = await launchChromium();
  const service = createGlossService({ annotator: 'alice', watchFolder: false });
  try {
    await cp(join(CORPUS, 'news-txt'), dir, { recursive: true });
    await service.open(dir);
    for (const stakeholder of REGISTER) await service.addStakeholder(stakeholder);
    await service.startSuggestionJob({});
    while ((await service.getSuggestionJob({})).state === 'running')
      await new Promise((r) => setTimeout(r, 50));
    const queue = await service.getReviewQueue({});
    console.log(
      `\nThe review queue in Chromium: ${queue.total.toLocaleString('en')} suggestions in ${queue.groups.length.toLocaleString('en')} groups over 1,781 BBC articles`,
    );

    const t = performance.now();
    JSON.parse(await readFile(join(dir, '.gloss/review/alice/queue.json'), 'utf8'));
    const raw = performance.now() - t;

    const host = await startBrowserHost({ service, dispatch: createDispatch(service), rendererDir });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript(installFrameClock);
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem').first().waitFor();
    const panel = page.getByRole('complementary', { name: 'Side panel' });
    await panel.getByRole('tab', { name: 'Suggestions' }).click();
    const entry = page.locator('.review-queue-entry');
    await entry.waitFor();

    const floor = await median(RUNS, () => keyToFrame(page, 'F9', () => true));
    const opens: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await entry.focus();
      opens.push(await keyToFrame(page, 'Enter', () => document.querySelector('.review-group') !== null));
      await page.keyboard.press('Escape');
      await entry.waitFor();
    }
    row('raw: the queue file read with fs + JSON.parse', raw);
    row('a key that changes nothing, to its frame painted', floor);
    row('queue opened: key to the first group drawn, first time', opens[0]!, raw, '≤ 300 ms');
    row(`  again (median of ${RUNS - 1})`, middle(opens.slice(1)), raw, '≤ 300 ms');

    await entry.focus();
    await page.keyboard.press('Enter');
    await page.locator('.review-group').waitFor();
    // The first possible new stakeholder in a dozen documents or more, reached with n.
    const big = queue.groups.findIndex((g) => g.kind === 'candidate' && g.documents >= 12);
    const steps: Record<string, number[]> = { n: [], Enter: [], Backspace: [], 'Shift+Backspace': [], s: [] };
    for (let i = 0; i < big; i++) await page.keyboard.press('n');
    const label = `${queue.groups[big]!.label}: ${queue.groups[big]!.mentions} mentions in ${queue.groups[big]!.documents} documents`;
    for (let i = 0; i < RUNS; i++) {
      for (const key of ['Enter', 'n', 'Shift+Backspace', 's'] as const) {
        await settled(page);
        steps[key]!.push(await keyToNextCard(page, key));
      }
      // Rejected in the document shown, a group of several documents stays: the progress moves on.
      await settled(page);
      steps.Backspace!.push(await keyToProgress(page, 'Backspace'));
    }
    row(`accept in every document (first: ${label})`, steps.Enter![0]!, floor, '≤ 16 ms');
    row('accept in every document, median', middle(steps.Enter!), floor, '≤ 16 ms');
    row('reject in the document shown, median', middle(steps.Backspace!), floor, '≤ 16 ms');
    row('reject in every document, median', middle(steps['Shift+Backspace']!), floor, '≤ 16 ms');
    row('skip, median', middle(steps.s!), floor, '≤ 16 ms');
    row('next group, median', middle(steps.n!), floor, '≤ 16 ms');
    await context.close();
    await host.close();
  } finally {
    await browser.close();
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** From `key`'s keydown to the frame painted that first shows `shown()` true. */
async function keyToFrame(page: Page, key: string, shown: () => boolean): Promise<number> {
  await page.evaluate((check) => {
    const test = new Function(`return (${check})()`) as () => boolean;
    const bench: NonNullable<Window['queueBench']> = {};
    window.queueBench = bench;
    const onKey = (event: KeyboardEvent) => {
      // Shift+Backspace: timed from the Backspace, not from Shift going down before it.
      if (event.key === 'Shift') return;
      removeEventListener('keydown', onKey, { capture: true });
      bench.keyAt = performance.now();
      const observe = () => {
        if (!test()) return requestAnimationFrame(observe);
        void window.benchClock.framePainted(window.benchClock.inFrame).then((at) => (bench.drawnAt = at));
      };
      // The change is made in the key's own handlers or later: checked once they are done.
      queueMicrotask(observe);
    };
    addEventListener('keydown', onKey, { capture: true });
  }, shown.toString());
  await page.keyboard.press(key);
  await page.waitForFunction(() => window.queueBench?.drawnAt !== undefined);
  return page.evaluate(() => window.queueBench!.drawnAt! - window.queueBench!.keyAt!);
}

/** From `key`'s keydown to the frame painted that draws another group's card. */
async function keyToNextCard(page: Page, key: string): Promise<number> {
  const before = await page.locator('.review-group').getAttribute('data-group');
  return keyToFrame(
    page,
    key,
    new Function(
      `return () => document.querySelector('.review-group')?.dataset.group !== ${JSON.stringify(before)}`,
    )() as () => boolean,
  );
}

/**
 * As a researcher reads the card and its article before deciding: the article the last step
 * opened is drawn (a step draws the card first, then opens the article) before the next key.
 */
async function settled(page: Page): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 250));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** From `key`'s keydown to the frame painted that draws the progress line changed. */
async function keyToProgress(page: Page, key: string): Promise<number> {
  const before = await page.locator('.review-progress-text').textContent();
  return keyToFrame(
    page,
    key,
    new Function(
      `return () => document.querySelector('.review-progress-text')?.textContent !== ${JSON.stringify(before)}`,
    )() as () => boolean,
  );
}

// `node --import tsx test/bench/review-queue-bench.ts` runs this part alone (after npm run build).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReviewQueue();
