import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/** How long to wait for another process's write to the same file before giving up. */
const WAIT_MS = 5_000;
const RETRY_MS = 5;

/**
 * Runs `work` holding `<path>.lock`, so two Gloss processes on one project (two windows, a window
 * and the command line) never read-modify-write the same file at once. The lock file holds the
 * owner's pid and host: a lock whose process is gone (killed mid-save) is taken over at once.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    // The lock appears with its owner already in it (written aside, then hard-linked, which fails
    // if the lock exists): a process killed mid-take never leaves an empty lock nobody can clear.
    const temp = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${process.pid} ${hostname()}\n`);
      await link(temp, lock);
      await rm(temp, { force: true });
      break;
    } catch (error) {
      await rm(temp, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // No folder yet (the first save of a document): made here, so even first saves are locked.
      if (code === 'ENOENT') {
        await mkdir(dirname(lock), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
      if (await isStale(lock)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`${lock} is held by another Gloss process that has not finished saving`);
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

async function isStale(lock: string): Promise<boolean> {
  const text = await readFile(lock, 'utf8').catch(() => undefined);
  // Gone between the two calls, or still being written by its owner: try again.
  if (text === undefined) return false;
  const [pid, host] = text.trim().split(' ');
  if (!pid || !host) return false;
  if (host !== hostname()) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
