/**
 * The field's reference, measured beside Gloss's reader: @recogito/text-annotator (its bundled UMD
 * build from node_modules, default SPANS renderer) in a plain page of the same Chromium, on the
 * same article text and the same spans Gloss reads from the annotator's file.
 *
 * The page lays the text out as Gloss does (one <p> per paragraph, the blank lines between them
 * kept as text nodes so the library's character offsets are the file's UTF-16 offsets), in the
 * same 70ch column and viewport. Its figures are taken as Gloss's are: in the page with
 * performance.now(), a condition polled once a frame (opening), and an added span from the call
 * to its element and to the frame drawing it (frame-clock.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { installFrameClock } from './frame-clock';

export interface PeerSpan {
  id: string;
  start: number;
  end: number;
  quote: string;
}

/** One span added by the library's API: until its highlight is in the page, and until the frame drawing it is painted. */
export interface PeerAdd {
  registered: number;
  painted: number;
}

/** The library in its page, ready to be timed; runs can be interleaved with Gloss's on a busy machine. */
export interface PeerPage {
  /** From the text's string (and with `withSpans`, the spans' list) until painted. */
  open(withSpans: boolean): Promise<number>;
  /** Adds a span on a word of paragraph 1 + `run` by the library's API. */
  add(run: number): Promise<PeerAdd>;
  close(): Promise<void>;
}

interface PeerWindow {
  RecogitoJS: {
    createTextAnnotator(element: HTMLElement, options?: object): PeerAnnotator;
  };
  peer: { text: string; spans: PeerSpan[]; annotator?: PeerAnnotator };
}

interface PeerAnnotator {
  setAnnotations(annotations: object[], replace?: boolean): void;
  addAnnotation(annotation: object): void;
  destroy(): void;
}

/** The article and alice's spans on it, as the generated project holds them (UTF-16 offsets). */
export async function readPeerInput(dir: string, key: string): Promise<{ text: string; spans: PeerSpan[] }> {
  const text = await readFile(join(dir, ...key.split('/')), 'utf8');
  const file = JSON.parse(
    await readFile(join(dir, '.gloss/annotations', ...key.split('/'), 'alice.json'), 'utf8'),
  );
  const spans = (
    file.annotations as { id: string; target: { start: number; end: number; quote: string } }[]
  ).map(({ id, target }) => ({ id, start: target.start, end: target.end, quote: target.quote }));
  return { text, spans };
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; }
  main { height: 100vh; overflow: auto; }
  #text { position: relative; max-width: 70ch; margin: 0 auto; padding: 2rem; }
  #text p { margin: 0 0 0.6lh; }
</style></head><body><main><div id="text"></div></main></body></html>`;

export async function openPeerPage(
  browser: Browser,
  input: { text: string; spans: PeerSpan[] },
): Promise<PeerPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page need it too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(installFrameClock);
  const page = await context.newPage();
  page.on('crash', () => console.error('  text-annotator page crashed'));
  page.on('pageerror', (error) => console.error(`  text-annotator page error: ${error.message}`));
  // Its spans painter logs each redraw; the bench's output stays the bench's.
  await context.addInitScript({ content: 'console.log = () => {}; console.debug = () => {};' });
  await page.setContent(PAGE);
  // The package's "require" entry is its self-contained UMD build (global RecogitoJS).
  const umd = createRequire(import.meta.url).resolve('@recogito/text-annotator');
  // The build reads process.env.NODE_ENV, which a bundler would have replaced.
  await page.addScriptTag({ content: "globalThis.process = { env: { NODE_ENV: 'production' } };" });
  await page.addScriptTag({ content: await readFile(umd, 'utf8') });
  await page.addStyleTag({ content: await readFile(join(umd, '..', 'text-annotator.css'), 'utf8') });
  await page.evaluate((input) => {
    (window as unknown as PeerWindow).peer = input;
  }, input);
  return {
    open: async (withSpans) => {
      // It takes turns with Gloss's page: the page measured is the one in front.
      await page.bringToFront();
      return page.evaluate(openPeer, withSpans);
    },
    add: async (run) => {
      await page.bringToFront();
      return page.evaluate(addPeerSpan, run);
    },
    close: () => context.close(),
  };
}

/**
 * Runs in the page: clears the last run, then from the strings to the paragraphs (and with
 * `withSpans`, the library over them with every span) until painted.
 */
async function openPeer(withSpans: boolean): Promise<number> {
  const peer = (window as unknown as PeerWindow).peer;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const container = document.getElementById('text')!;
  peer.annotator?.destroy();
  peer.annotator = undefined;
  container.replaceChildren();
  // A fresh element: the library marks the one it annotates and keeps listeners on it.
  const element = document.createElement('div');
  element.id = 'text';
  container.replaceWith(element);
  await frame();
  await frame();

  const started = performance.now();
  const { text, spans } = peer;
  // Paragraphs as Gloss splits them (blank lines), the breaks kept as text between them so the
  // library's own offsets are the file's.
  const fragment = document.createDocumentFragment();
  const nodes: Text[] = [];
  const starts: number[] = [];
  const breaks = /\n[^\S\n]*\n\s*/g;
  let at = 0;
  const paragraph = (end: number) => {
    const p = document.createElement('p');
    const node = document.createTextNode(text.slice(at, end));
    p.append(node);
    nodes.push(node);
    starts.push(at);
    fragment.append(p);
  };
  for (const found of text.matchAll(breaks)) {
    paragraph(found.index);
    fragment.append(found[0]);
    at = found.index + found[0].length;
  }
  if (at < text.length) paragraph(text.length);
  element.append(fragment);
  /**
   * Each span's Range, found by binary search over the paragraphs: given offsets alone, the
   * library walks the text nodes from the top for every span (over a minute for these 10,000),
   * and on one text node holding the whole article its measuring took over 20 s.
   */
  const rangeOf = (start: number, end: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= start) low = middle;
      else high = middle - 1;
    }
    const range = new Range();
    range.setStart(nodes[low]!, start - starts[low]!);
    range.setEnd(nodes[low]!, Math.min(end - starts[low]!, nodes[low]!.length));
    return range;
  };
  if (withSpans) {
    const annotator = (window as unknown as PeerWindow).RecogitoJS.createTextAnnotator(element);
    peer.annotator = annotator;
    annotator.setAnnotations(
      spans.map(({ id, start, end, quote }) => ({
        id,
        bodies: [],
        target: { annotation: id, selector: [{ quote, start, end, range: rangeOf(start, end) }] },
      })),
    );
  }
  const shown = () =>
    withSpans
      ? element.querySelector('.r6o-span-highlight-layer .r6o-annotation') !== null
      : element.getBoundingClientRect().height > 0;
  while (!shown()) await frame();
  await frame();
  await frame();
  return performance.now() - started;
}

/** Runs in the page: adds a span on a word near the top by the library's API, timed as a Gloss tag is. */
async function addPeerSpan(run: number): Promise<PeerAdd> {
  const peer = (window as unknown as PeerWindow).peer;
  const element = document.getElementById('text')!;
  // The run-th word of the second paragraph, near the top: the library paints only the spans on
  // screen, so a span below the fold would never show.
  const first = /\n[^\S\n]*\n\s*/g.exec(peer.text)!;
  const paragraphStart = first.index + first[0].length;
  const words = [...peer.text.slice(paragraphStart, paragraphStart + 2000).matchAll(/\p{L}{4,}/gu)];
  const word = words[run];
  if (!word) throw new Error('no word to annotate');
  const offset = paragraphStart;
  const id = `added-${run}`;
  const annotation = {
    id,
    bodies: [],
    target: {
      annotation: id,
      selector: [{ quote: word[0], start: offset + word.index, end: offset + word.index + word[0].length }],
    },
  };
  return new Promise((resolve) => {
    const selector = `.r6o-annotation[data-annotation="${id}"]`;
    let started = 0;
    let registered: number | undefined;
    // The span's element is the library's registration of it; made inside a frame's callbacks
    // (its redraw) or in a task of its own, seen at once either way (frame-clock.ts).
    const seen = (inFrame: boolean) => {
      if (registered !== undefined || !element.querySelector(selector)) return;
      registered = performance.now() - started;
      stopChecks();
      observer.disconnect();
      clearTimeout(deadline);
      window.benchClock
        .framePainted(inFrame)
        .then((painted) => resolve({ registered: registered!, painted: painted - started }));
    };
    const stopChecks = window.benchClock.afterEachFrameCallback(() => seen(true));
    const observer = new MutationObserver(() => seen(window.benchClock.inFrame));
    observer.observe(element, { childList: true, subtree: true });
    const deadline = setTimeout(() => {
      stopChecks();
      observer.disconnect();
      resolve({ registered: Number.NaN, painted: Number.NaN });
    }, 10_000);
    started = performance.now();
    peer.annotator!.addAnnotation(annotation);
    seen(window.benchClock.inFrame);
  });
}
