/**
 * One annotation save through Gloss (updateAnnotation: lock, catch up, atomic durable write)
 * beside two baselines writing the same JSON to the same disk: a bare `fs.writeFile`, and a
 * bare atomic write (temp file, fsync, rename, fsync of the folder), the least a save that
 * survives a power loss can do. In the large project and a tiny one: a save must not depend on
 * the project's size. The four are taken in turn, round after round, so a busy machine slows
 * them alike. `node --import tsx test/bench/save-bench.ts` runs only this part
 * (GLOSS_BENCH_ARTICLES sets the large project's size).
 */
import { mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project } from '../../main/project/project';
import { type GeneratedProject, generateProject } from './generate-project';
import { row } from './report';

const ROUNDS = 200;

export async function benchSave(large: GeneratedProject, tiny: GeneratedProject): Promise<void> {
  console.log(`\nSave one annotation edit (median of ${ROUNDS})`);
  const key = large.keys[1234 % large.keys.length]!;
  const file = join(large.dir, '.gloss/annotations', ...key.split('/'), 'alice.json');
  const data = JSON.parse(await readFile(file, 'utf8'));
  // On the same disk, in a folder of their own: a folder the saves also write to would make
  // whichever save shares it pay for the baselines' journal entries, and the two projects differ.
  const baselineDir = await mkdtemp(join(dirname(large.dir), 'gloss-bench-baseline-'));
  const baseline = join(baselineDir, 'baseline.json');
  const json = () => {
    data.annotations[0].note = `edit ${Math.random()}`;
    return `${JSON.stringify(data, null, 2)}\n`;
  };
  const series = {
    writeFile: () => writeFile(baseline, json()),
    atomic: () => bareAtomicWrite(baseline, json()),
    large: await saver(large.dir, key),
    tiny: await saver(tiny.dir, tiny.keys[3]!),
  };
  const times = await inTurn(series).finally(() => rm(baselineDir, { recursive: true, force: true }));
  row('raw: fs.writeFile of the document JSON', times.writeFile);
  row('raw: atomic write (temp, fsync, rename, folder fsync)', times.atomic, times.writeFile);
  row(`Gloss updateAnnotation, ${large.keys.length}-article project`, times.large, times.writeFile);
  row(`Gloss updateAnnotation, ${tiny.keys.length}-article project`, times.tiny, times.writeFile);
  console.log(
    `  Gloss save vs the bare atomic write: ${ratio(times.large, times.atomic)} large, ${ratio(times.tiny, times.atomic)} tiny (target ≤ 1.5x)`,
  );
  console.log(
    `  save time, large project vs small: ${ratio(times.large, times.tiny)} (independent of size: about 1x)`,
  );
}

const ratio = (ms: number, baseline: number) => `${(ms / baseline).toFixed(2)}x`;

async function saver(dir: string, key: string): Promise<() => Promise<unknown>> {
  const project = await Project.open(dir, { annotator: 'alice' });
  await project.leftoversSwept;
  const [first] = await project.listAnnotations(key);
  return () => project.updateAnnotation(key, first!.id, { note: `edit ${Math.random()}` });
}

/** What a durable atomic write cannot do without, written out with Node's own calls. */
async function bareAtomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w');
  await handle.writeFile(text);
  await handle.sync();
  await handle.close();
  await rename(temp, path);
  const folder = await open(dirname(path), 'r');
  await folder.sync();
  await folder.close();
}

/** Runs each measure once per round, in turn, from a different first one each round; the median time of each. */
async function inTurn<K extends string>(
  measures: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number>> {
  const names = Object.keys(measures) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with the next measure, so none always follows the same one (a save just
    // after another's fsync may wait on the disk's journal).
    for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
      const started = performance.now();
      await measures[name]();
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, times[name].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!]),
  ) as Record<K, number>;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-'));
  const small = await mkdtemp(join(tmpdir(), 'gloss-bench-small-'));
  try {
    const large = await generateProject(dir, {
      articles: Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000),
    });
    const tiny = await generateProject(small, { articles: 10, heavyAnnotations: 10 });
    await benchSave(large, tiny);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(small, { recursive: true, force: true });
  }
}
