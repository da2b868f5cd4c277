/**
 * The analyses over the large generated project, through the service as the screens call them
 * (folder watcher on): the stakeholder × concern matrix by overlap, sentence and paragraph, code
 * frequencies, the figures table, the timeline and a coding query (one code with another in the
 * same sentence), beside two raw baselines measured in the same run: reading every annotation
 * file with fs + JSON.parse, and reading every article with fs.
 *
 * First the two things a project does once: its first analysis ever, which reads every
 * annotation file and keeps their digests in .gloss/cache/, and its first analysis by sentence,
 * which splits every article. Then each op in the project reopened and listed, as after a
 * restart: its first call, then the median of further calls. Target: each of those within
 * 500 ms. `node --import tsx test/bench/analysis-bench.ts` runs only this part
 * (GLOSS_BENCH_ARTICLES sets the project's size).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { findAnnotationFiles } from '../../main/project/annotation-files';
import { type GeneratedProject, generateProject } from './generate-project';
import { mb, median, row } from './report';

const TARGET = 'target ≤ 500 ms';
const WARM_CALLS = 5;

type Op = [label: string, call: (service: GlossService) => Promise<unknown>];

const OPS: Op[] = [
  ['matrix by overlap', (s) => s.cooccurrenceMatrix({ by: 'overlap' })],
  ['matrix by sentence', (s) => s.cooccurrenceMatrix({ by: 'sentence' })],
  ['matrix by paragraph', (s) => s.cooccurrenceMatrix({ by: 'paragraph' })],
  ['code frequencies', (s) => s.codeFrequencies({})],
  ['figures table', (s) => s.figuresTable({})],
  ['timeline by month', (s) => s.timeline({ interval: 'month' })],
  [
    'coding query (privacy, security in sentence)',
    (s) => s.codingQuery({ codes: ['privacy'], conditions: [{ code: 'security', rule: 'sentence' }] }),
  ],
];

export async function benchAnalysis(project: GeneratedProject): Promise<void> {
  console.log(
    `\nAnalyses (${project.keys.length.toLocaleString('en')} articles, ${project.annotations.toLocaleString('en')} annotations; then each reopened: first call, and warm: median of ${WARM_CALLS})`,
  );
  // The files Gloss reads, without the lock and temp files saves leave beside them.
  const annotationFiles = (await findAnnotationFiles(join(project.dir, '.gloss/annotations'))).map(
    (f) => f.path,
  );
  const articles = project.keys.map((key) => join(project.dir, ...key.split('/')));
  const rawAnnotations = await median(3, async () => {
    const started = performance.now();
    let count = 0;
    for (const path of annotationFiles) count += JSON.parse(await readFile(path, 'utf8')).annotations.length;
    if (count < project.annotations) throw new Error(`read ${count} annotations`);
    return performance.now() - started;
  });
  const rawArticles = await median(3, async () => {
    const started = performance.now();
    for (const path of articles) await readFile(path, 'utf8');
    return performance.now() - started;
  });
  row('raw: read every annotation file with fs + JSON.parse', rawAnnotations);
  row('raw: read every article with fs', rawArticles);

  const fresh = createGlossService({ annotator: 'alice' });
  try {
    await fresh.open(project.dir);
    await fresh.listDocuments({});
    row(
      'first analysis ever (reads every annotation file)',
      await timed(() => OPS[0]![1](fresh)),
      rawAnnotations,
    );
    row('first by sentence ever (splits every article)', await timed(() => OPS[1]![1](fresh)), rawArticles);
  } finally {
    await fresh.close();
  }

  let kept: number | undefined;
  for (const [label, call] of OPS) {
    const service = createGlossService({ annotator: 'alice' });
    try {
      await service.open(project.dir);
      await service.listDocuments({});
      const before = heapUsed();
      const cold = await timed(() => call(service));
      const warm = await median(WARM_CALLS, () => timed(() => call(service)));
      kept ??= heapUsed() - before;
      row(`${label}, first`, cold, rawAnnotations, TARGET);
      row(`${label}, warm`, warm, rawAnnotations, TARGET);
    } finally {
      await service.close();
    }
  }
  // What keeping every document's annotations in memory between calls costs.
  if (globalThis.gc) console.log(`  memory kept between calls: ${mb(kept!)} of heap`);
}

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-analysis-'));
  try {
    await benchAnalysis(
      await generateProject(dir, { articles: Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000) }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
