/**
 * Times listing the documents of the generated 10,000-article project with several annotators,
 * for before/after figures of a change to the listing without the whole `npm run bench`:
 *
 *   node --import tsx test/bench/listing-bench.ts <project folder> [<repository to time>]
 *
 * The folder is generated on the first run (generate-project.ts, then bob's files on every second
 * article and carol's on every tenth) and kept, so two checkouts can be timed in turn on the same
 * files. Prints the medians as one JSON line.
 */
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateProject } from './generate-project';
import { median } from './report';

interface Listable {
  listDocuments(): Promise<{ documents: unknown[] }>;
}
interface ProjectModule {
  Project: { open(dir: string, options: { annotator: string }): Promise<Listable> };
}

const [dir, repo = resolve(import.meta.dirname, '../..')] = process.argv.slice(2);
if (!dir) throw new Error('usage: listing-bench.ts <project folder> [<repository>]');

if (!(await exists(join(dir, '.gloss/project.json')))) await generateWithColleagues(dir);
const { Project } = (await import(join(repo, 'main/project/project.ts'))) as ProjectModule;

/** Opens the project as alice and lists it; resolves to the milliseconds that took. */
async function openAndList(): Promise<number> {
  const t = performance.now();
  const project = await Project.open(dir!, { annotator: 'alice' });
  const list = await project.listDocuments();
  if (list.documents.length === 0) throw new Error('nothing listed');
  return performance.now() - t;
}

const cold = await median(1, async () => {
  await rm(join(dir, '.gloss/cache'), { recursive: true, force: true });
  return openAndList();
});
const reopen = await median(5, openAndList);
// The screens list again after every change the folder watcher sees: the same project, warm.
const project = await Project.open(dir, { annotator: 'alice' });
await project.listDocuments();
const relistCpu: number[] = [];
const relist = await median(7, async () => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  await project.listDocuments();
  const used = process.cpuUsage(cpu);
  relistCpu.push((used.user + used.system) / 1000);
  return performance.now() - t;
});
// The process's own CPU time is less swayed than the clock by other work on a busy machine.
const relistCpuMs = relistCpu.sort((a, b) => a - b)[Math.floor(relistCpu.length / 2)]!;
// What the browser host sends the screens for the list, in UTF-16 code units of its JSON.
const json = JSON.stringify(await project.listDocuments()).length;
console.log(
  JSON.stringify({
    repo,
    cold: Math.round(cold),
    reopen: Math.round(reopen),
    relist: Math.round(relist),
    relistCpu: Math.round(relistCpuMs),
    json,
  }),
);
process.exit(0);

async function generateWithColleagues(target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const { keys } = await generateProject(target);
  for (const [index, key] of keys.entries()) {
    if (index % 2 === 0) await copyAs(target, key, 'bob', 'done', 5);
    if (index % 10 === 0) await copyAs(target, key, 'carol', 'in-progress', 3);
  }
}

/** alice's file of `key` as another annotator's, with their status and first `count` annotations. */
async function copyAs(target: string, key: string, annotator: string, status: string, count: number) {
  const folder = join(target, '.gloss/annotations', ...key.split('/'));
  const file = JSON.parse(await readFile(join(folder, 'alice.json'), 'utf8'));
  const annotations = file.annotations
    .slice(0, count)
    .map((a: { author: string }) => ({ ...a, author: annotator }));
  const ids = new Set(annotations.map((a: { id: string }) => a.id));
  const copy = {
    ...file,
    annotator,
    status,
    annotations,
    relations: file.relations.filter((r: { from: string; to: string }) => ids.has(r.from) && ids.has(r.to)),
  };
  await writeFile(join(folder, `${annotator}.json`), `${JSON.stringify(copy, null, 2)}\n`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
