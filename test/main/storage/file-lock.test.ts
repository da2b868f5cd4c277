import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_MS, withFileLock } from '../../../main/storage/file-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has come and gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** A lock as another process leaves it: the folder with its owner's name in it. */
async function leaveLock(file: string, pid: number, host = hostname(), ageMs = 0): Promise<string> {
  const lock = join(dir, `.${file}.lock`);
  await mkdir(lock);
  const owner = join(lock, `${pid}.0a1b2c3d.${encodeURIComponent(host)}`);
  await mkdir(owner);
  const then = new Date(Date.now() - ageMs);
  await utimes(owner, then, then);
  return lock;
}

const timed = async (work: () => Promise<unknown>) => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

describe('the lock of a project file', () => {
  it('is a folder naming its owner while the work runs, and is gone after', async () => {
    const file = join(dir, 'alice.json');
    const during = await withFileLock(file, () => readdir(join(dir, '.alice.json.lock')));
    expect(during).toEqual([expect.stringMatching(new RegExp(`^${process.pid}\\.[0-9a-f]{8}\\.`))]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets one holder in at a time, also while many take over a dead lock at once', async () => {
    await leaveLock('alice.json', deadPid());
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withFileLock(join(dir, 'alice.json'), async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over at once a lock whose owner was a process of this computer that is gone', async () => {
    await leaveLock('project.json', deadPid());
    expect(await timed(() => withFileLock(join(dir, 'project.json'), async () => {}))).toBeLessThan(1000);
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for a live owner on another computer, then fails with EBUSY and leaves its lock', async () => {
    const lock = await leaveLock('alice.json', 4242, `not-${hostname()}`);
    const error = await withFileLock(join(dir, 'alice.json'), async () => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'EBUSY',
      message: 'another Gloss process has been saving it for over 5 s and has not finished',
    });
    expect(await readdir(lock)).toHaveLength(1);
  }, 15_000);

  it(`takes over a lock not refreshed for ${STALE_MS / 1000} s, from another computer or a reused pid`, async () => {
    await leaveLock('alice.json', 4242, `not-${hostname()}`, STALE_MS + 2000);
    // This process is alive: only a stale lock can carry its pid without being its own.
    await leaveLock('bob.json', process.pid, hostname(), STALE_MS + 2000);
    await withFileLock(join(dir, 'alice.json'), async () => {});
    await withFileLock(join(dir, 'bob.json'), async () => {});
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock folder left without an owner (killed between making it and naming itself)', async () => {
    await mkdir(join(dir, '.alice.json.lock'));
    const waited = await timed(() => withFileLock(join(dir, 'alice.json'), async () => {}));
    expect(waited).toBeLessThan(2000);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps its lock fresh while a save takes long, so nobody takes it as stale', async () => {
    const owner = () =>
      readdir(join(dir, '.alice.json.lock')).then(([name]) => join(dir, '.alice.json.lock', name!));
    const [before, after] = await withFileLock(join(dir, 'alice.json'), async () => {
      const first = (await stat(await owner())).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, STALE_MS / 4 + 700));
      return [first, (await stat(await owner())).mtimeMs];
    });
    expect(after).toBeGreaterThan(before!);
  }, 10_000);
});
