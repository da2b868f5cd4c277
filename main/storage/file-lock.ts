import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** How long to wait for another process's write to the same file before giving up. */
const WAIT_MS = 5_000;
const RETRY_MS = 5;

/** Locks this process has looked beside for dead takers' temp files (once per lock, see removeDeadTakers). */
const tidied = new Set<string>();
/** Locks this process holds no more but could not remove (the disk turned read-only mid-save). */
const leftBehind = new Set<string>();

/**
 * Runs `work` holding `<path>.lock`, so two Gloss processes on one project (two windows, a window
 * and the command line) never read-modify-write the same file at once. The lock file holds the
 * owner's pid and host: a lock whose process is gone (killed mid-save) is taken over at once.
 * Errors from the disk (full, read-only) are thrown as they come, for the caller to word.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  if (!tidied.has(lock)) {
    tidied.add(lock);
    await removeDeadTakers(lock);
  }
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
      // On a full disk the temp file exists, empty; on a read-only one it was never made.
      await rm(temp, { force: true }).catch(() => {});
      const code = (error as NodeJS.ErrnoException).code;
      // No folder yet (the first save of a document): made here, so even first saves are locked.
      if (code === 'ENOENT') {
        await mkdir(dirname(lock), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
      // Deleted from the set before the await, so two stores of this process never both clear it.
      if (leftBehind.delete(lock)) {
        await rm(lock, { force: true }).catch((error: unknown) => {
          leftBehind.add(lock);
          throw error;
        });
        continue;
      }
      if (await isStale(lock)) {
        await rm(lock, { force: true });
        await removeDeadTakers(lock);
        continue;
      }
      if (Date.now() > deadline) {
        // EBUSY, so callers word it as the disk refusing the save (see disk-refusal.ts).
        throw Object.assign(
          new Error(
            `another Gloss process has been saving it for over ${WAIT_MS / 1000} s and has not finished`,
          ),
          { code: 'EBUSY' },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    return await work();
  } finally {
    // A lock that cannot be removed must not turn a save that reached the disk into an error; it is
    // ours, so the next save here clears it (other processes wait for it as for a live owner).
    await rm(lock, { force: true }).catch(() => leftBehind.add(lock));
  }
}

async function isStale(lock: string): Promise<boolean> {
  const text = await readFile(lock, 'utf8').catch(() => undefined);
  // Gone between the two calls, or still being written by its owner: try again.
  if (text === undefined) return false;
  const [pid, host] = text.trim().split(' ');
  if (!pid || !host) return false;
  if (host !== hostname()) return false;
  return !isAlive(Number(pid));
}

/**
 * Removes `<lock>.<pid>.<hex>.tmp` files of processes that are gone: a process killed while
 * taking the lock leaves one behind. Looked for once per lock in each process and after taking
 * over a stale lock, not on every save, so a save stays one write. Another host's files (a shared
 * folder) are left; so are unreadable ones. Removing a live taker's file would only make it retry.
 */
async function removeDeadTakers(lock: string): Promise<void> {
  const dir = dirname(lock);
  const prefix = `${basename(lock)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      if (!name.startsWith(prefix)) return;
      const pid = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1];
      if (pid === undefined || isAlive(Number(pid))) return;
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      const host = text?.trim().split(' ')[1];
      if (text === undefined || (host && host !== hostname())) return;
      await rm(join(dir, name), { force: true }).catch(() => {});
    }),
  );
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
