/**
 * Re-anchoring after an article changed on disk: a 1 MB text (BBC articles end to end) with
 * 10,000 annotations, unchanged, with one sentence inserted near its start and with 20 kB cut
 * from its middle, beside finding every quote with text.indexOf (the raw baseline); and edited
 * 5 kB articles with 20 annotations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reanchor } from '../../shared/anchoring/reanchor';
import type { TextTarget } from '../../shared/model/annotation';
import { targetFor } from '../../shared/text/quote';
import { EDIT_KINDS, EditedText, edit } from '../shared/anchoring/edit-simulator';
import { CORPUS } from '../support/corpus';
import { SeededRandom } from '../support/seeded-random';
import { median, row } from './report';

function corpusTexts(): string[] {
  const root = join(CORPUS, 'news-txt');
  return readdirSync(root)
    .sort()
    .flatMap((category) =>
      readdirSync(join(root, category))
        .sort()
        .map((name) => readFileSync(join(root, category, name), 'utf8')),
    )
    .filter((text) => !text.includes('\uFFFD'));
}

/** `count` targets on runs of one to six words, in text order. */
function targets(text: string, count: number, random: SeededRandom): TextTarget[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: TextTarget[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.int(0, words.length - 7);
    out.push(targetFor(text, words[first]!.start, words[first + random.int(0, 5)]!.end));
  }
  return out.sort((a, b) => a.start - b.start);
}

async function time(run: () => void): Promise<number> {
  return median(5, async () => {
    const t = performance.now();
    run();
    return performance.now() - t;
  });
}

export async function benchReanchor(): Promise<void> {
  const random = new SeededRandom(7);
  const texts = corpusTexts();
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += `${texts[i % texts.length]}\n\n`;
  const many = targets(big, 10_000, random);
  const inserted = `${big.slice(0, 500)}A sentence added near the start. ${big.slice(500)}`;
  console.log(
    `\nRe-anchoring (${(big.length / 1e6).toFixed(2)} MB text, ${many.length.toLocaleString('en')} annotations)`,
  );

  const raw = await time(() => {
    for (const t of many) big.indexOf(t.quote);
  });
  const unchanged = await time(() => reanchor(big, many));
  const shifted = await time(() => reanchor(inserted, many));
  // 20 kB cut from the middle: its annotations become orphans, each searched for in the whole text.
  const cut = `${big.slice(0, 500_000)}${big.slice(520_000)}`;
  const orphans = reanchor(cut, many).filter((p) => p.kind === 'orphan').length;
  const deleted = await time(() => reanchor(cut, many));
  row('raw: text.indexOf of every quote', raw);
  row('reanchor, text unchanged', unchanged, raw, 'target well under 100 ms');
  row('reanchor, one sentence inserted near the start', shifted, raw);
  row(`reanchor, 20 kB deleted in the middle (${orphans} orphans)`, deleted, raw);

  const articles = texts.filter((t) => t.length >= 4000 && t.length <= 6000).slice(0, 50);
  const edited = articles.map((article, n) => {
    const annotations = targets(article, 20, random);
    const text = new EditedText(
      article,
      annotations.map((a) => ({ start: a.start, end: a.end })),
    );
    for (let i = 0; i < 5; i++)
      edit(random.pick(EDIT_KINDS), text, random, articles[(n + 1) % articles.length]!);
    return { text: text.text, annotations };
  });
  const each = await time(() => {
    for (const { text, annotations } of edited) reanchor(text, annotations);
  });
  row(
    `reanchor, edited 5 kB article with 20 annotations (mean of ${edited.length})`,
    each / edited.length,
    undefined,
    'target a few ms',
  );
}

// `node --import tsx test/bench/reanchor-bench.ts` runs this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReanchor();
