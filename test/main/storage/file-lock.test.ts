import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_MS, withFileLock } from '../../../main/storage/file-lock';
import { REPO } from '../../support/corpus';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The pid of a process that has come and gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const hostInName = (host: string) => encodeURIComponent(host).replaceAll('.', '%2E');

/** A lock as another process leaves it: the token under a name naming its owner. */
async function leaveLock(file: string, pid: number, host = hostname()): Promise<string> {
  const token = join(dir, `.${file}.${pid}.0a1b2c3d.${hostInName(host)}.lock`);
  await writeFile(token, '');
  return token;
}

/** How many of `takers` saves of one file, started at once, ever held its lock together. */
async function mostHoldersAtOnce(file: string, takers: number): Promise<number> {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: takers }, () =>
      withFileLock(join(dir, file), async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inside--;
      }),
    ),
  );
  return most;
}

const timed = async (work: () => Promise<unknown>) => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

const ownName = new RegExp(
  `^\\.alice\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.${hostInName(hostname())}\\.lock$`,
);

describe('the lock of a project file', () => {
  it('is a token beside the file, renamed to name its owner while the work runs and back after', async () => {
    const file = join(dir, 'alice.json');
    const during = await withFileLock(file, () => readdir(dir));
    expect(during).toEqual([expect.stringMatching(ownName)]);
    expect(await readdir(dir)).toEqual(['.alice.json.free.lock']);
    // The next save renames that same token: nothing is made or left.
    const again = await withFileLock(file, () => readdir(dir));
    expect(again).toEqual([expect.stringMatching(ownName)]);
    expect(await readdir(dir)).toEqual(['.alice.json.free.lock']);
  });

  it('makes the folder of a first save', async () => {
    await withFileLock(join(dir, 'doc', 'alice.json'), async () => {});
    expect(await readdir(join(dir, 'doc'))).toEqual(['.alice.json.free.lock']);
  });

  it('lets one holder in at a time among many first saves at once, and keeps one token', async () => {
    expect(await mostHoldersAtOnce('alice.json', 20)).toBe(1);
    expect(await readdir(dir)).toEqual(['.alice.json.free.lock']);
  });

  it('lets one holder in at a time, also while many take over a dead lock at once', async () => {
    await leaveLock('alice.json', deadPid());
    expect(await mostHoldersAtOnce('alice.json', 20)).toBe(1);
    expect(await readdir(dir)).toEqual(['.alice.json.free.lock']);
  });

  it('takes over at once a lock whose owner was a process of this computer that is gone', async () => {
    await leaveLock('project.json', deadPid());
    expect(await timed(() => withFileLock(join(dir, 'project.json'), async () => {}))).toBeLessThan(1000);
    expect(await readdir(dir)).toEqual(['.project.json.free.lock']);
  });

  it('waits for a live owner on another computer, then fails with EBUSY and leaves its lock', async () => {
    const token = await leaveLock('alice.json', 4242, `not-${hostname()}`);
    const error = await withFileLock(join(dir, 'alice.json'), async () => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'EBUSY',
      message: 'another Gloss process has been saving it for over 5 s and has not finished',
    });
    expect(await readdir(dir)).toEqual([token.slice(dir.length + 1)]);
  }, 15_000);

  it(
    `takes over a lock not refreshed for ${STALE_MS / 1000} s, from another computer or a reused pid`,
    async () => {
      await leaveLock('alice.json', 4242, `not-${hostname()}.example.org`);
      // This process is alive: only a stale lock can carry its pid without being its own.
      await leaveLock('bob.json', process.pid);
      // Its change time (set by the owner's rename or stamp, and by no one else) counts too, so
      // only time itself makes a lock stale.
      await new Promise((resolve) => setTimeout(resolve, STALE_MS + 500));
      await withFileLock(join(dir, 'alice.json'), async () => {});
      await withFileLock(join(dir, 'bob.json'), async () => {});
      expect((await readdir(dir)).sort()).toEqual(['.alice.json.free.lock', '.bob.json.free.lock']);
    },
    STALE_MS + 10_000,
  );

  it('takes over two dead tokens (a kill among first saves at once) and keeps one', async () => {
    await leaveLock('alice.json', deadPid());
    await leaveLock('alice.json', deadPid());
    await withFileLock(join(dir, 'alice.json'), async () => {});
    expect(await readdir(dir)).toEqual(['.alice.json.free.lock']);
  });

  it('keeps its lock fresh while a save takes long, so nobody takes it as stale', async () => {
    const token = () => readdir(dir).then((names) => join(dir, names.find((name) => ownName.test(name))!));
    const [before, after] = await withFileLock(join(dir, 'alice.json'), async () => {
      const first = (await stat(await token())).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, STALE_MS / 4 + 700));
      return [first, (await stat(await token())).mtimeMs];
    });
    expect(after).toBeGreaterThan(before!);
  }, 10_000);

  it('waits, without failing, behind a writer saving again and again for longer than the wait allowed one save', async () => {
    // The writer takes the lock again the moment it lets go, so the waiter always finds it held,
    // each time by another save: that is progress, not a save stuck for 5 s.
    let writing = true;
    const writer = (async () => {
      const until = Date.now() + 6_500;
      while (Date.now() < until) {
        await withFileLock(join(dir, 'alice.json'), () => new Promise((resolve) => setTimeout(resolve, 20)));
      }
      writing = false;
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waited = await withFileLock(join(dir, 'alice.json'), async () => writing).then(
      () => 'saved',
      (error: Error) => error.message,
    );
    await writer;
    expect(waited).toBe('saved');
  }, 20_000);

  it('lets one process in at a time: four processes adding to one count lose nothing', async () => {
    const counter = join(dir, 'count.json');
    const script = `
      const { readFile, writeFile } = await import('node:fs/promises');
      const { withFileLock } = await import(${JSON.stringify(join(REPO, 'main/storage/file-lock.ts'))});
      const counter = process.argv[1];
      for (let i = 0; i < 40; i++) {
        await withFileLock(counter, async () => {
          const count = Number(await readFile(counter, 'utf8').catch(() => '0'));
          await new Promise((resolve) => setImmediate(resolve));
          await writeFile(counter, String(count + 1));
        });
      }
    `;
    const run = () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, counter],
          { cwd: REPO },
        );
        let err = '';
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(err))));
      });
    await Promise.all([run(), run(), run(), run()]);
    expect(await readFile(counter, 'utf8')).toBe('160');
    expect((await readdir(dir)).sort()).toEqual(['.count.json.free.lock', 'count.json']);
  }, 60_000);
});
