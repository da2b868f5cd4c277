/**
 * A folder of 100,000 tiny articles (100 folders of 1,000 files of a few bytes), the hostile case
 * of the test corpus: listing it is all per-file overhead, since there is next to nothing
 * to read. Beside two raw baselines, both a readdir and a read of every file: through the thread
 * pool as most Node code reads (readFile, 32 at a time), and synchronously (readFileSync).
 * A deeply nested page (100,000 levels) is listed with them, refused once and remembered after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../main/project/project';
import { median, row, seconds } from './report';

const FILES = Number(process.env.GLOSS_BENCH_TINY_FILES ?? 100_000);
const PER_FOLDER = 1_000;
const DEEP_DIVS = 100_000;

export async function benchTinyFiles(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-tiny-'));
  try {
    const t = performance.now();
    for (let folder = 0; folder * PER_FOLDER < FILES; folder++) {
      await mkdir(join(dir, `f${folder}`));
      const writes: Promise<void>[] = [];
      for (let i = folder * PER_FOLDER; i < Math.min(FILES, (folder + 1) * PER_FOLDER); i++) {
        writes.push(writeFile(join(dir, `f${folder}`, `${i}.txt`), `Article ${i}\n`));
      }
      await Promise.all(writes);
    }
    const deep = `<html><body>${'<div>'.repeat(DEEP_DIVS)}deep${'</div>'.repeat(DEEP_DIVS)}</body></html>`;
    await writeFile(join(dir, 'deeply-nested.html'), deep);
    console.log(
      `\nOpen and list ${FILES.toLocaleString('en')} tiny files and a page nested ${DEEP_DIVS.toLocaleString('en')} levels deep (written in ${seconds(performance.now() - t)})`,
    );

    const rawAsync = await median(3, () => readEverything(dir));
    const rawSync = await median(3, async () => readEverythingSync(dir));
    const cold = await median(3, async () => {
      await rm(join(dir, '.gloss'), { recursive: true, force: true });
      return openAndList(dir);
    });
    const warm = await median(3, () => openAndList(dir));
    row('raw: readdir + readFile of every file, 32 at a time', rawAsync);
    row('raw: readdirSync + readFileSync of every file', rawSync);
    row('Gloss, first open (no cache)', cold, rawAsync, 1);
    row('Gloss, reopen (cache)', warm, rawAsync, 0.5);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readEverything(dir: string): Promise<number> {
  const t = performance.now();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.gloss'))
    .map((e) => join(e.parentPath, e.name));
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < files.length) await readFile(files[next++]!);
    }),
  );
  return performance.now() - t;
}

function readEverythingSync(dir: string): number {
  const t = performance.now();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isFile() && !e.parentPath.includes('.gloss')) readFileSync(join(e.parentPath, e.name));
  }
  return performance.now() - t;
}

async function openAndList(dir: string): Promise<number> {
  const t = performance.now();
  const project = await Project.open(dir, { annotator: 'alice' });
  const list = await project.listDocuments();
  if (list.documents.length !== FILES) throw new Error(`listed ${list.documents.length} of ${FILES} files`);
  if (!/100,000 levels deep/.test(list.skipped[0]?.reason ?? ''))
    throw new Error('the deep page was not refused');
  return performance.now() - t;
}
