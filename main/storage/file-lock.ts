import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A lock nobody has refreshed for this long belongs to a process that is gone, wherever it ran
 * (another computer on a shared folder, a USB stick pulled out mid-save). Owners refresh their
 * lock well within it while they work; clocks of computers sharing a folder must agree to within
 * a few seconds of it.
 */
export const STALE_MS = 10_000;
/** How often an owner refreshes its lock while a save takes long. */
const REFRESH_MS = STALE_MS / 4;
/**
 * A lock folder without an owner in it, seen that way for this long, was left by a process killed
 * between making the folder and naming itself in it. Taking over a live one too early is safe
 * (see clearIfDead), it only makes that owner try again.
 */
const EMPTY_GRACE_MS = 500;
/** How long to wait for another process's write to the same file before giving up. */
const WAIT_MS = 5_000;
const RETRY_MS = 5;

const HOST = hostname();
/** Owner names (an empty folder inside the lock): `<pid>.<8 hex>.<host, URI-encoded>`. */
const OWNER = /^(\d+)\.([0-9a-f]{8})\.(.+)$/;

/** Locks this process holds no more but could not remove (the disk turned read-only mid-save): lock → its owner name. */
const leftBehind = new Map<string, string>();

/**
 * Runs `work` holding the lock of `path`, so two Gloss processes on one project (two windows, a
 * window and the command line, two computers on a shared folder) never read-modify-write the same
 * file at once.
 *
 * The lock is the hidden folder `.<name>.lock/` beside the file (hidden, like the temp files, so
 * folder watchers and listings pass it by), holding one empty folder named after its owner: pid, a
 * random tag, host. Why a folder: mkdir is exclusive on every file system a project may live on,
 * FAT/exFAT sticks and SMB/NFS shares included, where the hard link of the old lock is refused;
 * the owner is in a name, made by one call, so no kill leaves a half-written owner; and a folder
 * cannot be removed while an owner is in it, so taking over a dead lock (removing that owner by
 * its unique name, then the folder) can never remove a lock someone else has just taken.
 *
 * A lock whose owner is a dead process of this computer is taken over at once; any lock not
 * refreshed for STALE_MS is taken over (its owner, here or elsewhere, is gone). Errors from the
 * disk (full, read-only) are thrown as they come, for the caller to word; waiting longer than
 * WAIT_MS fails with EBUSY.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const held = await take(join(dirname(path), `.${basename(path)}.lock`));
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(held.owner, now, now).catch(() => {});
  }, REFRESH_MS);
  refresh.unref();
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    // A lock that cannot be removed must not turn a save that reached the disk into an error; it is
    // ours, so the next save here clears it (other processes wait for it as for a live owner).
    await release(held.lock, held.owner).catch(() => leftBehind.set(held.lock, held.owner));
  }
}

interface HeldLock {
  lock: string;
  /** The owner, an empty folder inside the lock folder. */
  owner: string;
}

async function take(lock: string): Promise<HeldLock> {
  const deadline = Date.now() + WAIT_MS;
  /** Since when (this process's clock) the lock has been seen without an owner, continuously. */
  let emptySince: number | undefined;
  for (;;) {
    const owner = join(lock, `${process.pid}.${randomBytes(4).toString('hex')}.${encodeURIComponent(HOST)}`);
    let made = false;
    try {
      await mkdir(lock);
      made = true;
      await mkdir(owner);
      // Another process may have removed our folder while it was still empty (as an abandoned
      // one) and made its own, which we then named ourselves in: then whoever sees another owner
      // backs off, so at most one holds it.
      const owners = (await readdir(lock)).filter((name) => OWNER.test(name));
      if (owners.length === 1) return { lock, owner };
      await rmdir(owner).catch(() => {});
      await rmdir(lock).catch(() => {});
      emptySince = undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (made && code !== 'ENOENT') {
        // Named ourselves in no lock (a full or read-only disk): the empty folder is ours to remove.
        await rmdir(lock).catch(() => {});
        throw error;
      }
      // No folder for the file yet (its first save): made here, so even first saves are locked.
      if (code === 'ENOENT' && !made) {
        await mkdir(dirname(lock), { recursive: true });
        continue;
      }
      if (code === 'ENOENT') continue; // our folder was removed as abandoned before we named ourselves
      if (code !== 'EEXIST') throw error;
      // Deleted before the await, so two stores of this process never both clear it.
      const ours = leftBehind.get(lock);
      if (ours !== undefined) {
        leftBehind.delete(lock);
        await release(lock, ours).catch((error: unknown) => {
          leftBehind.set(lock, ours);
          throw error;
        });
        continue;
      }
      const found = await inspect(lock);
      if (found.kind === 'abandoned') {
        emptySince ??= Date.now();
        const abandoned = Date.now() - emptySince >= EMPTY_GRACE_MS || found.ageMs > STALE_MS;
        if (
          abandoned &&
          (await rmdir(lock).then(
            () => true,
            () => false,
          ))
        ) {
          emptySince = undefined;
          continue;
        }
      } else {
        emptySince = undefined;
        if (found.kind === 'gone' || (await clearIfDead(lock, found))) continue;
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
}

/** Removes our owner, then the lock folder. A folder someone else has named themselves in stays. */
async function release(lock: string, owner: string): Promise<void> {
  await rmdir(owner).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rmdir(lock).catch((error: NodeJS.ErrnoException) => {
    // Not empty (FAT through FUSE says EPERM) or already gone: not ours to remove any more.
    if (!['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code ?? '')) throw error;
  });
}

type FoundLock =
  | { kind: 'gone' }
  /** A folder with no owner in it; its age by its modification time. */
  | { kind: 'abandoned'; ageMs: number }
  | { kind: 'owned'; owners: Owner[] }
  /** A lock file holding "pid host": `<file>.lock`, the lock of Gloss versions before this one. */
  | { kind: 'legacy'; owner: Owner };

interface Owner {
  name: string;
  pid: number;
  host: string;
}

async function inspect(lock: string): Promise<FoundLock> {
  let names: string[];
  try {
    names = await readdir(lock);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'gone' };
    if (code !== 'ENOTDIR') throw error;
    const text = await readFile(lock, 'utf8').catch(() => undefined);
    if (text === undefined) return { kind: 'gone' };
    const [pid, host] = text.trim().split(' ');
    return { kind: 'legacy', owner: { name: '', pid: Number(pid), host: host ?? '' } };
  }
  const owners = names.flatMap((name) => {
    const match = OWNER.exec(name);
    if (!match) return [];
    let host: string;
    try {
      host = decodeURIComponent(match[3]!);
    } catch {
      host = match[3]!;
    }
    return [{ name, pid: Number(match[1]), host }];
  });
  if (owners.length > 0) return { kind: 'owned', owners };
  const info = await stat(lock).catch(() => undefined);
  return info ? { kind: 'abandoned', ageMs: Date.now() - info.mtimeMs } : { kind: 'gone' };
}

/**
 * Takes away a lock whose every owner is dead: a process of this computer that no longer runs, or
 * any owner (of this computer or another) that has not refreshed it for STALE_MS. Each dead owner
 * is removed by its own unique name and then the folder, which fails if anyone else has named
 * themselves in it meanwhile: a fresh lock is never taken away. True if it cleared something.
 */
async function clearIfDead(lock: string, found: FoundLock): Promise<boolean> {
  if (found.kind === 'gone') return false;
  if (found.kind === 'abandoned') {
    if (found.ageMs <= STALE_MS) return false;
    return rmdir(lock).then(
      () => true,
      () => false,
    );
  }
  if (found.kind === 'legacy') {
    if (!(await isDead(found.owner, lock))) return false;
    return unlink(lock).then(
      () => true,
      () => false,
    );
  }
  for (const owner of found.owners) if (!(await isDead(owner, join(lock, owner.name)))) return false;
  for (const owner of found.owners) await removeOwner(join(lock, owner.name));
  return rmdir(lock).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
}

/** An owner is an empty folder; a file in its place (put there by hand, or a sync) goes too. */
async function removeOwner(path: string): Promise<void> {
  await rmdir(path).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOTDIR' ? unlink(path).catch(() => {}) : undefined,
  );
}

/** Whether the owner of `file` is gone: not running on this computer, or its file is stale. */
async function isDead(owner: Owner, file: string): Promise<boolean> {
  if (owner.host === HOST && !isAlive(owner.pid)) return true;
  const info = await stat(file).catch(() => undefined);
  // Removed meanwhile: its owner let go; the caller looks again.
  if (!info) return false;
  return Date.now() - info.mtimeMs > STALE_MS;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Reads a lock and removes it if it is provably dead (for the sweep on opening a project). */
export async function clearLockIfDead(lock: string): Promise<boolean> {
  const found = await inspect(lock);
  if (found.kind !== 'abandoned' || found.ageMs > STALE_MS) return clearIfDead(lock, found);
  // A young lock folder without an owner is a taker between its two mkdirs, or was left by a kill
  // just there (the moment before this open). Still without an owner after the grace take() gives
  // it, it is the latter; removing a live taker's empty folder would only make it try again.
  await new Promise((resolve) => setTimeout(resolve, EMPTY_GRACE_MS));
  const again = await inspect(lock);
  if (again.kind !== 'abandoned') return clearIfDead(lock, again);
  return rmdir(lock).then(
    () => true,
    () => false,
  );
}
