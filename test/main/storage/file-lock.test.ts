import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../main/storage/file-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has come and gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the lock of a project file', () => {
  it('clears the temp files of takers killed mid-take, once, and leaves live or foreign ones', async () => {
    const file = join(dir, 'alice.json');
    const dead = deadPid();
    const leftovers = {
      dead: `alice.json.lock.${dead}.0a1b2c3d.tmp`,
      deadEmpty: `alice.json.lock.${dead}.0a1b2c3e.tmp`,
      live: `alice.json.lock.${process.pid}.0a1b2c3f.tmp`,
      otherHost: `alice.json.lock.${dead}.0a1b2c40.tmp`,
      otherFile: `bob.json.lock.${dead}.0a1b2c41.tmp`,
    };
    await writeFile(join(dir, leftovers.dead), `${dead} ${hostname()}\n`);
    await writeFile(join(dir, leftovers.deadEmpty), '');
    await writeFile(join(dir, leftovers.live), `${process.pid} ${hostname()}\n`);
    await writeFile(join(dir, leftovers.otherHost), `${dead} not-${hostname()}\n`);
    await writeFile(join(dir, leftovers.otherFile), `${dead} ${hostname()}\n`);
    expect(await withFileLock(file, async () => 'done')).toBe('done');
    expect((await readdir(dir)).sort()).toEqual(
      [leftovers.live, leftovers.otherHost, leftovers.otherFile].sort(),
    );
  });

  it('takes over a lock left by a dead process, and clears its temp file too', async () => {
    const file = join(dir, 'project.json');
    await withFileLock(file, async () => {}); // the once-per-lock look has been done
    const dead = deadPid();
    await writeFile(join(dir, 'project.json.lock'), `${dead} ${hostname()}\n`);
    await writeFile(join(dir, `project.json.lock.${dead}.99aa88bb.tmp`), `${dead} ${hostname()}\n`);
    await withFileLock(file, async () => {});
    expect(await readdir(dir)).toEqual([]);
  });
});
