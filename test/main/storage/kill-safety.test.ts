import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { AnnotationFileSchema } from '../../../main/project/annotation-files-schema';
import { migrateProjectFile, ProjectFileSchema } from '../../../main/project/project-file';
import { parseJsonText } from '../../../main/storage/parse-json';
import { SeededRandom } from '../../support/seeded-random';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Fault injection: a child process edits annotations through the service in a loop
 * (edit-loop.child.ts) and is killed with SIGKILL at random moments, many times, on one project.
 * After each kill every JSON file under .gloss/ must parse and validate, every edit the child
 * acknowledged must be on disk, and the one edit in flight may have landed or not, but whole.
 * Each next child opens what the last one left, so leftover temp files must not get in its way.
 */

const KILLS = Number(process.env.KILL_SAFETY_KILLS ?? 200);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./edit-loop.child.ts', import.meta.url));
/** Children started ahead, loading their modules while the current one works. */
const SPARES = 2;
/**
 * A life that has opened the project but acknowledges nothing for this long is stuck. A lock
 * waited on fails by itself after 5 s (the child then exits, which fails the test too); saves wait
 * for the disk's fsync, which a machine busy with other writers can hold for seconds.
 */
const STALL_MS = 15_000;
/** A lock token while a process holds it (file-lock.ts): `.<name>.<pid>.<8 hex>.<host>.lock`. */
const HELD_LOCK = /\.\d+\.[0-9a-f]{8}\.[^./]+\.lock$/;

type Notes = Map<string, string | undefined>;
interface Line {
  ready?: true;
  opened?: true;
  phase?: 'start' | 'ack';
  op?: 'create' | 'update' | 'delete';
  key?: string;
  id?: string;
  note?: string;
}

interface Child {
  process: ChildProcess;
  lines: Line[];
  stderr: string[];
  ready: Promise<void>;
  /** Resolves once the process has exited and its stdout is fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  onAck?: (acks: number) => void;
}

/**
 * The child script and the Gloss code it runs, bundled once per run (esbuild, as the app's own
 * build does): a fresh process is ready in a third of the time `node --import tsx` takes, which
 * is what makes hundreds of kills fit in the time. Set KILL_SAFETY_TSX=1 to run it through tsx.
 */
let childCommand: string[];

function startChild(folder: string, seed: number): Child {
  const child = spawn(process.execPath, [...childCommand, folder, String(seed)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const out = createInterface({ input: child.stdout! });
  let acks = 0;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    child.on('exit', (code, signal) =>
      reject(new Error(`child exited before it was ready (${code ?? signal}): ${stderr.join('')}`)),
    );
  });
  ready.catch(() => {});
  const result: Child = {
    process: child,
    lines,
    stderr,
    ready,
    closed: new Promise((resolve) => {
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let outClosed = false;
      const done = () => exit && outClosed && resolve(exit);
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        done();
      });
      out.on('close', () => {
        outClosed = true;
        done();
      });
    }),
  };
  out.on('line', (text) => {
    const line = JSON.parse(text) as Line;
    lines.push(line);
    if (line.ready) markReady();
    if (line.phase === 'ack') result.onAck?.(++acks);
  });
  return result;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function applyEdit(notes: Notes, line: Line): void {
  if (line.op === 'delete') notes.delete(line.id!);
  else notes.set(line.id!, line.note || undefined);
}

const same = (a: Notes, b: Notes) =>
  a.size === b.size && [...a].every(([id, note]) => b.has(id) && b.get(id) === note);
const show = (notes: Notes | undefined) =>
  JSON.stringify([...(notes ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)));

let project: TempProject;
let bundleDir: string | undefined;
const KEYS = ['a.txt', 'c.md', 'news/b.txt'];

beforeAll(async () => {
  if (process.env.KILL_SAFETY_TSX) {
    childCommand = ['--import', 'tsx', CHILD];
  } else {
    bundleDir = await mkdtemp(join(tmpdir(), 'gloss-kill-safety-'));
    const outfile = join(bundleDir, 'edit-loop.child.mjs');
    await build({
      entryPoints: [CHILD],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      // Bundled CommonJS dependencies call require().
      banner: {
        js: "import { createRequire as __glossRequire } from 'node:module'; const require = __glossRequire(import.meta.url);",
      },
    });
    childCommand = [outfile];
  }
  project = await makeTempProject({
    'a.txt': 'Title one\n\nSome long text about privacy and security issues in the news today.\n',
    'news/b.txt': 'Second\n\nAnother article with enough words for annotations to land in.\n',
    'c.md': '# Third\n\nA third article, also with some words — and an emoji 😀 or two.\n',
  });
});
afterAll(async () => {
  await project?.cleanup();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

describe('killing Gloss in the middle of saving', () => {
  it(`loses no acknowledged edit and corrupts no file over ${KILLS} SIGKILLs`, async () => {
    const began = Date.now();
    // Seeded, so a failing run can be replayed from its seed.
    const seeded = new SeededRandom(Number(process.env.KILL_SAFETY_SEED ?? Date.now()));
    const random = () => seeded.next();
    const glossDir = join(project.path, '.gloss');
    /** What must be on disk: per document, annotation id → note. */
    const expected = new Map<string, Notes>(KEYS.map((k) => [k, new Map()]));
    const stats = {
      kills: 0,
      acked: 0,
      inFlightLanded: 0,
      inFlightLost: 0,
      filesChecked: 0,
      killedBeforeOpen: 0,
    };
    const leftovers = new Set<string>();

    const spares: Child[] = [];
    const topUp = () => {
      while (spares.length < SPARES) spares.push(startChild(project.path, Math.floor(random() * 2 ** 31)));
    };
    topUp();
    try {
      for (let life = 0; life < KILLS; life++) {
        const child = spares.shift()!;
        await child.ready;
        topUp();
        const kill = () => child.process.kill('SIGKILL');
        let timer: NodeJS.Timeout;
        let stalled = false;
        if (random() < 0.5) {
          timer = setTimeout(kill, 5 + Math.floor(random() * 146));
        } else {
          const after = 1 + Math.floor(random() * 40);
          child.onAck = (acks) => acks >= after && kill();
          timer = setTimeout(() => {
            stalled = true;
            kill();
          }, STALL_MS);
        }
        child.process.stdin!.end('go\n');
        const exit = await child.closed;
        clearTimeout(timer);
        if (exit.signal !== 'SIGKILL') {
          throw new Error(
            `child ${life} exited by itself (${JSON.stringify(exit)}): ${child.stderr.join('')}`,
          );
        }
        if (stalled) {
          // A held lock is a token named after its owner: `.<name>.<pid>.<tag>.<host>.lock`.
          const held = (await readdir(glossDir, { recursive: true, withFileTypes: true }))
            .filter((e) => HELD_LOCK.test(e.name))
            .map((e) => relative(glossDir, join(e.parentPath, e.name)));
          throw new Error(
            `locks left: ${held.join('; ') || 'none'}; ` +
              `child ${life} (pid ${child.process.pid}) acknowledged nothing in ${STALL_MS} ms: ${JSON.stringify(child.lines.slice(-3))} ${child.stderr.join('')}`,
          );
        }
        stats.kills++;

        // Replay what this life acknowledged; the last intent without an acknowledgement is in flight.
        const edits = child.lines.filter((l) => l.phase);
        if (!child.lines.some((l) => l.opened)) stats.killedBeforeOpen++;
        let pending: Line | undefined;
        for (const line of edits) {
          if (line.phase === 'start') pending = line;
          else {
            applyEdit(expected.get(line.key!)!, line);
            stats.acked++;
            pending = undefined;
          }
        }

        // Every file under .gloss/ parses and validates; temp files are noted, never read as data.
        const onDisk = new Map<string, Notes>(KEYS.map((k) => [k, new Map()]));
        for (const path of await filesUnder(glossDir)) {
          const name = relative(glossDir, path).split(sep).join('/');
          // A save's `.<name>.saving.tmp`, the cache's `.<name>.<random>.tmp`, and a held lock.
          if (name.endsWith('.tmp') || HELD_LOCK.test(name)) {
            leftovers.add(
              name.replace(/(\.\d+)?\.[0-9a-f]{8}\.tmp$/, '.*.tmp').replace(HELD_LOCK, '.*.lock'),
            );
            continue;
          }
          if (name.endsWith('.free.lock')) continue; // a lock nobody holds: stays for the next save
          if (!name.endsWith('.json')) {
            expect(name).toBe('.gitignore');
            continue;
          }
          const text = await readFile(path, 'utf8');
          stats.filesChecked++;
          if (name === 'project.json') {
            const parsed = parseJsonText(text, ProjectFileSchema, migrateProjectFile);
            expect(parsed, `${name} after kill ${life}`).toMatchObject({ ok: true });
          } else if (name.startsWith('annotations/')) {
            const parsed = parseJsonText(text, AnnotationFileSchema);
            if (!parsed.ok) throw new Error(`${name} after kill ${life}: ${parsed.problem}`);
            const key = name.slice('annotations/'.length, -'/alice.json'.length);
            expect(parsed.value.document).toBe(key);
            onDisk.set(key, new Map(parsed.value.annotations.map((a) => [a.id, a.note])));
          } else {
            expect(name.startsWith('cache/'), name).toBe(true);
            expect(() => JSON.parse(text), `${name} after kill ${life}`).not.toThrow();
          }
        }

        // Acknowledged edits are all there; the one in flight is there whole or not at all.
        for (const key of KEYS) {
          const want = expected.get(key)!;
          const got = onDisk.get(key)!;
          const context = `${key} after kill ${life}: expected ${show(want)}, on disk ${show(got)}, in flight ${JSON.stringify(pending)}`;
          if (same(want, got)) {
            if (pending?.key === key) stats.inFlightLost++;
            continue;
          }
          if (pending?.key !== key) throw new Error(`lost or changed edits in ${context}`);
          const landed = new Map(want);
          if (pending.op === 'create') {
            const added = [...got.keys()].filter((id) => !want.has(id));
            if (added.length !== 1) throw new Error(`not one new annotation in ${context}`);
            landed.set(added[0]!, pending.note || undefined);
          } else {
            applyEdit(landed, pending);
          }
          if (!same(landed, got)) throw new Error(`neither before nor after the edit in ${context}`);
          stats.inFlightLanded++;
          // The next life starts from the disk, with the edit that landed.
          expected.set(key, landed);
        }
      }
    } finally {
      for (const spare of spares) spare.process.kill('SIGKILL');
      await Promise.all(spares.map((s) => s.closed));
    }

    // Gloss, opened afresh, reads the data files and clears the leftover temp files and locks, as
    // the owner and as another annotator (who reads alice's files from the same folders).
    for (const annotator of ['alice', 'bob']) {
      const service = createGlossService({ annotator });
      await service.open(project.path);
      await service.project!.leftoversSwept;
      // Every writer is dead: only cache temp files younger than the stale time may stay.
      const left = (await readdir(glossDir, { recursive: true, withFileTypes: true }))
        .map((e) => relative(glossDir, join(e.parentPath, e.name)).split(sep).join('/'))
        .filter(
          (name) =>
            (name.endsWith('.tmp') || HELD_LOCK.test(name)) && !/^cache\/.*\.[0-9a-f]{8}\.tmp$/.test(name),
        );
      expect(left, 'leftovers after the sweep').toEqual([]);
      expect((await service.getProject({})).problems).toEqual([]);
      const list = await service.listDocuments({});
      expect(list.documents.map((d) => d.key).sort()).toEqual(KEYS);
      for (const key of KEYS) {
        const annotations = await service.listAnnotations({ key });
        const notes: Notes = new Map(annotations.map((a) => [a.id, a.note]));
        expect(show(notes)).toBe(show(expected.get(key)));
        const summary = list.documents.find((d) => d.key === key)!;
        if (annotator === 'alice') expect(summary.annotationCount).toBe(expected.get(key)!.size);
      }
    }

    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    console.log(
      `kill-safety: ${stats.kills} SIGKILLs, ${stats.acked} acknowledged edits verified on disk, ` +
        `in-flight edit landed ${stats.inFlightLanded}× / absent ${stats.inFlightLost}×, ` +
        `${stats.killedBeforeOpen} kills before the project was open, ${stats.filesChecked} JSON file checks, ` +
        `temp files left by kills (cleared on the next open): ${[...leftovers].sort().join(', ') || 'none'}; ${seconds} s`,
    );
    expect(stats.kills).toBe(KILLS);
    expect(stats.acked).toBeGreaterThan(KILLS);
  }, 240_000);
});
