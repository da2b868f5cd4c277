/**
 * Corpus search on the large generated project: the first search (which indexes every text)
 * beside reading every article with fs; one word, a phrase, a prefix and a regular expression,
 * each from a warm index (first page of 500 concordance lines), beside a bare RegExp scan of
 * every text already in memory and one that reads them first; and the search after one article
 * changed. `node --import tsx test/bench/search-bench.ts` runs only this part
 * (GLOSS_BENCH_ARTICLES sets the project's size).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project } from '../../main/project/project';
import { CorpusSearch } from '../../main/search/corpus-search';
import { type GeneratedProject, generateProject } from './generate-project';
import { median, row } from './report';

const QUERIES = [
  ['a word', 'security', 50],
  ['a phrase', 'prime minister', 50],
  ['a prefix', 'regulat*', 100],
] as const;
const REGEX = /\d+(\.\d+)? (million|billion)/g;

export async function benchSearch(project: GeneratedProject): Promise<void> {
  console.log(`\nSearch the corpus (${project.keys.length} articles)`);
  const paths = project.keys.map((key) => join(project.dir, ...key.split('/')));
  const texts: string[] = [];
  const raw = await median(3, async () => {
    texts.length = 0;
    const started = performance.now();
    for (const path of paths) texts.push(await readFile(path, 'utf8'));
    return performance.now() - started;
  });
  row('raw: read every article with fs', raw);

  const opened = await Project.open(project.dir, { annotator: 'alice' });
  await opened.listDocuments();
  // As in the app: the folder watcher names the articles that change (called by hand below).
  const search = new CorpusSearch(opened, { told: true });
  const timed = async (query: string) => {
    const started = performance.now();
    await search.search({ query, limit: 500 });
    return performance.now() - started;
  };
  row('Gloss first search: every text indexed', await timed('security'), raw, 1.5);

  for (const [label, query, target] of QUERIES) {
    row(
      `Gloss ${label} (${query}), first 500 lines`,
      await median(7, () => timed(query)),
      undefined,
      `target ≤ ${target} ms`,
    );
  }
  const bare = await median(3, async () => {
    const started = performance.now();
    let hits = 0;
    for (const text of texts) for (const _ of text.matchAll(REGEX)) hits++;
    if (hits === 0) throw new Error('the regular expression found nothing');
    return performance.now() - started;
  });
  const readAndScan = raw + bare;
  row('raw: RegExp scan of every text in memory', bare);
  row('raw: read every article, then scan it', readAndScan);
  const regex = await median(3, () => timed(`/${REGEX.source}/`));
  row('Gloss regular expression over every text', regex, bare);
  console.log(`  regular expression vs read and scan: ${(regex / readAndScan).toFixed(2)}x (target ≤ 2x)`);

  const changed = paths[17]!;
  const before = await readFile(changed, 'utf8');
  const warm = await median(5, () => timed('security'));
  await writeFile(changed, `${before}\nOne more line about security.\n`);
  search.changed([project.keys[17]!]);
  const after = await timed('security');
  await writeFile(changed, before);
  search.changed([project.keys[17]!]);
  row('Gloss word search, warm', warm);
  row(
    'Gloss word search after one article changed',
    after,
    undefined,
    `re-indexing: ${(after - warm).toFixed(1)} ms, target ≤ 50 ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-search-'));
  try {
    await benchSearch(
      await generateProject(dir, { articles: Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000) }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
