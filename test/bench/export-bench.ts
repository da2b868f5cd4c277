/**
 * Exporting the large benchmark project to JSONL, beside a bare JSON.stringify of the same
 * collected data (the raw baseline): the format's own work, with code-point offsets and every
 * span field, against serialising the data as it is.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportProject } from '../../main/cli/exchange-commands';
import { collectDataset } from '../../main/exchange/collect-dataset';
import { exportFormat } from '../../main/exchange/format-registry';
import { Project } from '../../main/project/project';
import { generateProject } from './generate-project';
import { median, row } from './report';

export async function benchExport(dir: string): Promise<void> {
  const jsonl = exportFormat('jsonl');
  if (!jsonl) throw new Error('no jsonl export format');
  const project = await Project.open(dir, { annotator: 'alice', readOnly: true });
  let t = performance.now();
  const dataset = await collectDataset(project);
  const collect = performance.now() - t;
  const annotations = dataset.documents.reduce((sum, d) => sum + d.annotations.length, 0);
  console.log(
    `\nExport to JSONL (${dataset.documents.length.toLocaleString('en')} documents, ${annotations.toLocaleString('en')} annotations)`,
  );
  const raw = await median(3, async () => {
    t = performance.now();
    JSON.stringify(dataset);
    return performance.now() - t;
  });
  const format = await median(3, async () => {
    t = performance.now();
    jsonl.write(dataset, {});
    return performance.now() - t;
  });
  const out = await mkdtemp(join(tmpdir(), 'gloss-bench-export-'));
  try {
    t = performance.now();
    await exportProject({ folder: dir, format: 'jsonl', out: join(out, 'dataset.jsonl'), filters: {} });
    const whole = performance.now() - t;
    row('raw: JSON.stringify of the collected dataset', raw);
    row('Gloss JSONL format (code points, all fields)', format, raw, 3);
    row('reading the project into the dataset', collect);
    row('gloss export --format jsonl, whole command', whole);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

// `node --import tsx test/bench/export-bench.ts` runs this part alone, on a project it generates.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-export-project-'));
  try {
    await generateProject(dir, { articles: Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000) });
    await benchExport(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
