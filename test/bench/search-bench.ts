/**
 * Corpus search on the large generated project: the first search (which indexes every text)
 * beside reading every article with fs; one word, a phrase, a prefix and a regular expression,
 * each from a warm index (the first page of 100 concordance lines the Search tab asks for), beside a bare RegExp scan of
 * every text already in memory and one that reads them first; and the search after one article
 * changed. `node --import tsx test/bench/search-bench.ts` runs only this part
 * (GLOSS_BENCH_ARTICLES sets the project's size).
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
/** The concordance lines the Search tab asks for at a time. */
const PAGE = 100;
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
  const indexFile = join(project.dir, '.gloss/cache/search-index.bin');
  const search = new CorpusSearch(opened, { told: true, indexFile });
  const timed = async (query: string) => {
    const started = performance.now();
    await search.search({ query, limit: PAGE });
    return performance.now() - started;
  };
  row('Gloss first search: every text indexed', await timed('security'), raw, 1.5);
  await search.close();
  const textBytes = (await Promise.all(paths.map((path) => stat(path)))).reduce((sum, s) => sum + s.size, 0);
  const indexBytes = (await stat(indexFile)).size;
  console.log(
    `  index on disk: ${(indexBytes / 2 ** 20).toFixed(1)} MB for ${(textBytes / 2 ** 20).toFixed(1)} MB of text, ` +
      `${(indexBytes / textBytes).toFixed(2)}x (target ≤ 0.5x)`,
  );
  const later = async () => {
    const started = performance.now();
    const fresh = new CorpusSearch(opened, { told: true, indexFile, readOnly: true });
    await fresh.search({ query: 'security', limit: PAGE });
    return performance.now() - started;
  };
  row('Gloss first search of a later run: index read from disk', await median(3, later));

  for (const [label, query, target] of QUERIES) {
    row(
      `Gloss ${label} (${query}), first ${PAGE} lines`,
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
  await search.close();
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
