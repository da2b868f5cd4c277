import { spawnSync } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import { STALE_MS } from '../../../main/storage/file-lock';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * What killed saves leave in .gloss/ is cleared when the project is next opened: temp files and
 * locks that are provably dead. What a live Gloss (here or on another computer) may be using is
 * left alone, and nothing outside Gloss's folders is looked at.
 */
let project: TempProject;
beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': 'Title\n\nSome text.\n', 'notes.tmp': 'an article' });
});
afterEach(() => project.cleanup());

const hostInName = (host: string) => encodeURIComponent(host).replaceAll('.', '%2E');
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const old = new Date(Date.now() - STALE_MS - 5_000);

/** Writes `files` under .gloss/ (a name ending in "/" is a folder); `aged` ones are made old. */
async function leave(files: Record<string, string>, aged: string[] = []): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(project.path, '.gloss', name);
    if (name.endsWith('/')) await mkdir(path, { recursive: true });
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
  for (const name of aged) await utimes(join(project.path, '.gloss', name), old, old);
}

async function glossFiles(): Promise<string[]> {
  const entries = await readdir(join(project.path, '.gloss'), { recursive: true, withFileTypes: true });
  return entries
    .map((e) => relative(join(project.path, '.gloss'), join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('opening a project after a kill', () => {
  it('clears dead temp files and locks, and leaves those a live Gloss may be using', async () => {
    await Project.open(project.path); // project.json exists, as after any first open
    const dead = deadPid();
    const here = encodeURIComponent(hostname());
    const elsewhere = encodeURIComponent(`not-${hostname()}`);
    const doc = 'annotations/a.txt';
    await leave(
      {
        // A save's temp file (atomic-write.ts), and one of a Gloss from before it named its own.
        '.project.json.saving.tmp': '{"half": ',
        [`${doc}/.alice.json.saving.tmp`]: '{"half": ',
        [`${doc}/.frank.json.tmp`]: '{"half": ',
        [`${doc}/.alice.json.lock/${dead}.0a1b2c3d.${here}/`]: '',
        [`${doc}/.bob.json.lock/4242.0a1b2c3d.${elsewhere}/`]: '',
        [`${doc}/.carol.json.lock/4242.0a1b2c3d.${elsewhere}/`]: '',
        [`${doc}/.dave.json.lock/`]: '',
        // A lock folder of an older Gloss made moments ago, left without its owner by a kill.
        [`${doc}/.erin.json.lock/`]: '',
        // Lock tokens (file-lock.ts): held by a dead process here, held by another computer, free.
        [`${doc}/.gina.json.${dead}.0a1b2c3d.${hostInName(hostname())}.lock`]: '',
        [`${doc}/.hal.json.4242.0a1b2c3d.${hostInName(`not-${hostname()}`)}.lock`]: '',
        [`${doc}/.ivy.json.free.lock`]: '',
        [`${doc}/alice.json.lock.${dead}.0a1b2c3e.tmp`]: `${dead} ${hostname()}\n`,
        // The lock file of an older Gloss, and its temp files (hard-linked into place).
        [`${doc}/bob.json.lock`]: `${dead} ${hostname()}\n`,
        [`${doc}/alice.json.lock.${process.pid}.0a1b2c3f.tmp`]: `${process.pid} ${hostname()}\n`,
        'suggestions/a.txt/.alice.json.tmp': '[',
        'cache/text/.abc.txt.0a1b2c40.tmp': 'fresh, maybe being written',
        'cache/text/.abd.txt.0a1b2c41.tmp': 'old',
      },
      [
        `${doc}/.carol.json.lock/4242.0a1b2c3d.${elsewhere}`,
        `${doc}/.dave.json.lock/`,
        'cache/text/.abd.txt.0a1b2c41.tmp',
      ],
    );
    const opened = await Project.open(project.path, { annotator: 'alice' });
    const removed = await opened.leftoversSwept;
    expect(removed.length).toBeGreaterThanOrEqual(7);
    // Left: a fresh lock of another computer (of either kind), an older Gloss's lock temp of a live
    // process, a cache temp file that may be being written, and free tokens (a dead owner's given
    // back, and those of the files whose temp files were cleared holding their lock); every
    // dead one is gone.
    expect((await glossFiles()).filter((name) => /\.tmp$|\.lock(\/|$)/.test(name))).toEqual(
      [
        `${doc}/alice.json.lock.${process.pid}.0a1b2c3f.tmp`,
        `${doc}/.bob.json.lock`,
        `${doc}/.bob.json.lock/4242.0a1b2c3d.${elsewhere}`,
        `${doc}/.hal.json.4242.0a1b2c3d.${hostInName(`not-${hostname()}`)}.lock`,
        `${doc}/.gina.json.free.lock`,
        `${doc}/.ivy.json.free.lock`,
        `${doc}/.alice.json.free.lock`,
        `${doc}/.frank.json.free.lock`,
        '.project.json.free.lock',
        'suggestions/a.txt/.alice.json.free.lock',
        'cache/text/.abc.txt.0a1b2c40.tmp',
      ].sort(),
    );
    expect(await readdir(project.path)).toContain('notes.tmp');
    // The project works as ever: saves take the cleared locks.
    await opened.createAnnotation({ key: 'a.txt', code: 'privacy', start: 0, end: 5 });
  });

  it('touches nothing when opened read-only', async () => {
    await leave({ '.project.json.tmp': '{' });
    await Project.open(project.path);
    const readOnly = await Project.open(project.path, { readOnly: true });
    expect(await readOnly.leftoversSwept).toEqual([]);
  });
});
