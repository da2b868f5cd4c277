/**
 * `npm run bench`: Gloss's speed and memory beside raw baselines measured in the same run,
 * then the reader in Chromium (reader-bench.ts; needs `npm run build`).
 * Figures, not pass/fail: the targets are printed next to each ratio.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Project } from '../../main/project/project';
import { benchAgreement } from './agreement-bench';
import { benchAnalysis } from './analysis-bench';
import { benchExport } from './export-bench';
import { generateProject } from './generate-project';
import { benchPdfListing } from './pdf-listing-bench';
import { benchReader } from './reader-bench';
import { benchReanchor } from './reanchor-bench';
import { mb, median, row, seconds } from './report';
import { benchReviewQueue } from './review-queue-bench';
import { benchSave } from './save-bench';
import { benchSearch } from './search-bench';
import { benchSuggestions } from './suggestions-bench';
import { benchTinyFiles } from './tiny-files-bench';

const run = promisify(execFile);
const ARTICLES = Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-'));
  const small = await mkdtemp(join(tmpdir(), 'gloss-bench-small-'));
  try {
    const t = performance.now();
    const project = await generateProject(dir, { articles: ARTICLES });
    console.log(
      `Generated ${project.keys.length} articles (${mb(project.bytes)}) with ${project.annotations.toLocaleString('en')} annotations in ${seconds(performance.now() - t)}`,
    );
    const tiny = await generateProject(small, { articles: 10, heavyAnnotations: 10 });

    console.log('\nOpen and list the project');
    const raw = await median(3, () => readEverything(dir));
    const cold = await median(3, async () => {
      await rm(join(dir, '.gloss/cache'), { recursive: true, force: true });
      return openAndList(dir);
    });
    const warm = await median(3, () => openAndList(dir));
    row('raw: read every file with fs', raw);
    row('Gloss, first open (no cache)', cold, raw, 2);
    row('Gloss, reopen (cache)', warm, raw, 2);

    console.log(`\nLoad one document's annotations (${project.heavyKey}, 10,000 annotations, fresh process)`);
    // Medians of 5 pairs, raw and Gloss taking turns, so a busy moment of the machine weighs on both.
    const loads = { raw: [] as Load[], gloss: [] as Load[] };
    for (let i = 0; i < 5; i++) {
      loads.raw.push(await measureLoad('raw', dir, project.heavyKey));
      loads.gloss.push(await measureLoad('gloss', dir, project.heavyKey));
    }
    const loadRaw = medianOf(loads.raw);
    const loadGloss = medianOf(loads.gloss);
    row('raw: readFile + JSON.parse', loadRaw.ms);
    row('Gloss listAnnotations (validated)', loadGloss.ms, loadRaw.ms, 2);
    // Collected during a load, it freed some of what it allocated: its figure is then a floor.
    const collected = [...loads.raw, ...loads.gloss].some((l) => l.collections > 0);
    console.log(
      `  peak memory (allocated by the load): raw ${mb(loadRaw.peakBytes)}, Gloss ${mb(loadGloss.peakBytes)} (target ≤ 2x)${collected ? '; garbage was collected during some loads, so at least that' : ''}`,
    );

    await benchSave(project, tiny);
    await benchSearch(project);
    await benchAnalysis(project);

    await benchTinyFiles();
    await benchPdfListing();
    await benchExport(dir);
    // Adds a second annotator's files for its run, and removes them after.
    await benchAgreement(project);
    await benchSuggestions();
    await benchReviewQueue();
    await benchReanchor();
    await benchReader();
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(small, { recursive: true, force: true });
  }
}

async function readEverything(dir: string): Promise<number> {
  const t = performance.now();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < files.length) await readFile(files[next++]!);
    }),
  );
  return performance.now() - t;
}

async function openAndList(dir: string): Promise<number> {
  const t = performance.now();
  const project = await Project.open(dir, { annotator: 'alice' });
  const list = await project.listDocuments();
  if (list.documents.length === 0) throw new Error('nothing listed');
  return performance.now() - t;
}

interface Load {
  ms: number;
  peakBytes: number;
  /** Garbage collections during the load. */
  collections: number;
}

async function measureLoad(mode: 'gloss' | 'raw', dir: string, key: string): Promise<Load> {
  const script = join(import.meta.dirname, 'measure-load.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, mode, dir, key]);
  return JSON.parse(stdout) as Load;
}

/** The median time and the median peak, each on its own. */
function medianOf(loads: Load[]): Load {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    ms: middle(loads.map((l) => l.ms)),
    peakBytes: middle(loads.map((l) => l.peakBytes)),
    collections: Math.max(...loads.map((l) => l.collections)),
  };
}

await main();
