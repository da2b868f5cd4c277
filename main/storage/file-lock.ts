import { randomBytes } from 'node:crypto';
import { renameSync, utimesSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SyncWhileFast } from './sync-while-fast';

/**
 * A lock nobody has refreshed for this long belongs to a process that is gone, wherever it ran
 * (another computer on a shared folder, a USB stick pulled out mid-save). Owners refresh their
 * lock well within it while they work; clocks of computers sharing a folder must agree to within
 * a few seconds of it.
 */
export const STALE_MS = 10_000;
/** How often an owner refreshes its lock while a save takes long. */
const REFRESH_MS = STALE_MS / 4;
/** How long to wait for one save of another process to the same file to finish before giving up. */
const WAIT_MS = 5_000;
const RETRY_MS = 5;
/** How long a release waits for a taker that took a live lock for dead to give it back. */
const GIVE_BACK_MS = 200;

const HOST = hostname();
/** The host as it appears in a lock's name: no dots, so the name's parts are told apart. */
const HOST_IN_NAME = encodeURIComponent(HOST).replaceAll('.', '%2E');

/**
 * A file's lock is one empty file beside it, its token, under one of two hidden names:
 * - `.<name>.free.lock` while nobody holds it;
 * - `.<name>.<pid>.<8 hex>.<host>.lock` while a process holds it (the owner is in the name).
 */
const HELD = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.([^.]+)\.lock$/;
const freeName = (name: string) => `.${name}.free.lock`;

/** Whether a folder entry is a lock token, and of which file; undefined for anything else. */
export function parseLockName(entry: string): { file: string; owner?: Owner } | undefined {
  const held = HELD.exec(entry);
  if (held)
    return { file: held[1]!, owner: { name: entry, pid: Number(held[2]), host: decodeHost(held[4]!) } };
  const free = /^\.(.+)\.free\.lock$/.exec(entry);
  return free ? { file: free[1]! } : undefined;
}

/** Locks this process holds no more but could not give back (the disk turned read-only mid-save). */
const leftBehind = new Map<string, HeldLock>();

/**
 * Runs `work` holding the lock of `path`, so two Gloss processes on one project (two windows, a
 * window and the command line, two computers on a shared folder) never read-modify-write the same
 * file at once.
 *
 * Taking the lock is renaming its token from the free name to one naming the owner; letting go
 * renames it back. Why a rename: of two processes renaming one file, exactly one succeeds, on every
 * file system a project may live on (FAT/exFAT sticks and SMB/NFS shares included, where the hard
 * link of an older lock is refused); the owner is in the new name, given by that same call, so no
 * kill leaves a lock without its owner; and a rename creates nothing. Creating a file or folder
 * is what costs on a disk (it allocates and journals an inode), so the lock adds two renames and
 * a time stamp to a save, not two folders made and removed.
 *
 * The token stays beside its file between saves. The first save of a file makes it (see create),
 * already held; a token whose owner is a dead process of this computer, or not refreshed for
 * STALE_MS, is taken over (see takeOver). Errors from the disk (full, read-only) are thrown as they
 * come, for the caller to word; waiting longer than WAIT_MS fails with EBUSY.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const held = await take(dirname(path), basename(path));
  const refresh = setInterval(() => touch(held.path).catch(() => {}), REFRESH_MS);
  refresh.unref();
  let done = false;
  try {
    const result = await work();
    done = true;
    return result;
  } finally {
    clearInterval(refresh);
    // A first save that failed leaves nothing behind, not even its new token.
    const letGo = !done && held.created ? unlink(held.path) : release(held);
    // A lock that cannot be given back must not turn a save that reached the disk into an error; it
    // is ours, so the next save here gives it back (other processes wait for it as for a live owner).
    await letGo.catch(() => leftBehind.set(held.path, held));
  }
}

interface HeldLock {
  /** The token under our name. */
  path: string;
  /** The free name it goes back to. */
  free: string;
  /** Made by this take: the file's first save. */
  created?: boolean;
}

interface Owner {
  /** The token's name in its folder. */
  name: string;
  pid: number;
  host: string;
}

async function take(dir: string, name: string): Promise<HeldLock> {
  const free = join(dir, freeName(name));
  /**
   * Who holds the lock as last seen, and since when. The wait is limited for one save that does
   * not finish, not for the time lost to others: a process saving again and again takes the lock
   * anew each time, under a new name, and waiting behind it is waiting behind saves that finish.
   */
  let holders = '';
  let heldSince = Date.now();
  for (;;) {
    const held = { path: join(dir, ownName(name)), free };
    if (await renamed(free, held.path)) {
      // Stamped fresh before it counts as ours: until then its time is its last owner's, and a
      // waiter may take it for stale and take it over; then it is gone from our name, and we wait.
      if (await touch(held.path).then(isOurs)) return held;
      continue;
    }
    const ours = [...leftBehind.values()].find((lock) => lock.free === free);
    if (ours) {
      leftBehind.delete(ours.path);
      await release(ours).catch((error: unknown) => {
        leftBehind.set(ours.path, ours);
        throw error;
      });
      continue;
    }
    const tokens = await tokensOf(dir, name);
    if (tokens === undefined) {
      await mkdir(dir, { recursive: true }); // the file's folder is made by its first save
      continue;
    }
    if (tokens.free) continue; // given back meanwhile
    if (tokens.held.length === 0) {
      if (await create(held.path, dir, name)) return { ...held, created: true };
    } else {
      if (await takeOver(tokens.held, dir, name, held.path)) return held;
      const seen = tokens.held.map((owner) => owner.name).join('/');
      if (seen !== holders) {
        holders = seen;
        heldSince = Date.now();
      }
    }
    if (Date.now() - heldSince > WAIT_MS) {
      // EBUSY, so callers word it as the disk refusing the save (see disk-refusal.ts).
      throw Object.assign(
        new Error(
          `another Gloss process has been saving it for over ${WAIT_MS / 1000} s and has not finished`,
        ),
        { code: 'EBUSY' },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * (1 + Math.random())));
  }
}

const ownName = (name: string) =>
  `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.${HOST_IN_NAME}.lock`;

/**
 * Makes the token of a file that has none (its first save, or a token removed by hand), already
 * held by us. Two processes may do this at once: each then looks for another token beside its
 * own, and whoever sees one removes its own and tries again, so at most one keeps a token.
 */
async function create(own: string, dir: string, name: string): Promise<boolean> {
  const made = await open(own, 'wx').then(
    (handle) => handle.close().then(() => true),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false; // the folder went meanwhile: made again next round
      throw error;
    },
  );
  if (!made) return false;
  const tokens = await tokensOf(dir, name);
  const alone = tokens !== undefined && !tokens.free && tokens.held.length === 1;
  if (alone) return true;
  await unlink(own).catch(() => {});
  return false;
}

/**
 * Takes over tokens whose owners are dead, into our own name: each renamed, then checked that its
 * time is still the one that proved it dead, so an owner that was only slow and stamped its token
 * meanwhile gets everything back as it was. Nothing is taken while any owner lives.
 */
async function takeOver(owners: Owner[], dir: string, name: string, own: string): Promise<boolean> {
  const dead: { path: string; mtimeMs: number }[] = [];
  for (const owner of owners) {
    const path = join(dir, owner.name);
    const mtimeMs = await deadSince(owner, path);
    if (mtimeMs === undefined) return false;
    dead.push({ path, mtimeMs });
  }
  const taken: { from: string; to: string }[] = [];
  for (const { path, mtimeMs } of dead) {
    // More than one token is left only by a kill among first saves at once; the others go.
    const to = taken.length === 0 ? own : join(dir, ownName(name));
    if (!(await renamed(path, to))) continue;
    taken.push({ from: path, to });
    // The rename changed its ctime, not its modification time: only its owner's stamp does.
    if ((await stat(to).catch(() => undefined))?.mtimeMs !== mtimeMs) {
      for (const { from, to } of taken) await rename(to, from).catch(() => {});
      return false;
    }
  }
  if (taken.length === 0) return false;
  for (const { to } of taken.slice(1)) await unlink(to).catch(() => {});
  return touch(own).then(isOurs);
}

/**
 * The modification time of a dead owner's token, or undefined while it may live (or the token is
 * gone). Its last sign of life is the later of its stamp and its change time: taking the token
 * (a rename) sets the latter at once on most file systems, before the owner's stamp lands.
 */
async function deadSince(owner: Owner, path: string): Promise<number | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  const quiet = Date.now() - Math.max(info.mtimeMs, info.ctimeMs) > STALE_MS;
  return (owner.host === HOST && !isAlive(owner.pid)) || quiet ? info.mtimeMs : undefined;
}

/**
 * Renames our token back to the free name. Missing from our name only while a taker that took it
 * for dead gives it back (see takeOver), so that is waited for; if it never comes back, it was
 * taken from a process that stopped for longer than STALE_MS, and is no longer ours to give.
 */
async function release(held: HeldLock): Promise<void> {
  const until = Date.now() + GIVE_BACK_MS;
  while (!(await renamed(held.path, held.free)) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/**
 * The lock's renames and stamps are made synchronously while the disk answers fast (see
 * SyncWhileFast): each is microseconds on a local disk, where a trip through libuv's thread pool
 * costs more than the call, and much more on a busy machine.
 */
const calls = new SyncWhileFast();

/** rename(), false if the source is gone (someone else renamed it first); other errors thrown. */
async function renamed(from: string, to: string): Promise<boolean> {
  try {
    await calls.call(
      () => renameSync(from, to),
      () => rename(from, to),
    );
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Stamps a token with the time now; false if it is not there. */
async function touch(path: string): Promise<boolean | 'unstamped'> {
  const now = new Date();
  try {
    await calls.call(
      () => utimesSync(path, now, now),
      () => utimes(path, now, now),
    );
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // A file system that cannot set times keeps the token ours if it is still under our name.
    return stat(path).then(
      () => 'unstamped' as const,
      () => false,
    );
  }
}

const isOurs = (touched: boolean | 'unstamped') => touched !== false;

/** The tokens of `name` in `dir`; undefined if the folder is missing. */
async function tokensOf(dir: string, name: string): Promise<{ free: boolean; held: Owner[] } | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const tokens = { free: false, held: [] as Owner[] };
  for (const entry of entries) {
    const lock = parseLockName(entry);
    if (lock?.file !== name) continue;
    if (lock.owner) tokens.held.push(lock.owner);
    else tokens.free = true;
  }
  return tokens;
}

function decodeHost(host: string): string {
  try {
    return decodeURIComponent(host);
  } catch {
    return host;
  }
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

/**
 * Gives back a held token whose owner is dead (for the sweep on opening a project): a kill
 * mid-save leaves one. True if it did.
 */
export async function freeLockIfDead(dir: string, entry: string): Promise<boolean> {
  const lock = parseLockName(entry);
  if (!lock?.owner) return false;
  const own = join(dir, ownName(lock.file));
  if (!(await takeOver([lock.owner], dir, lock.file, own))) return false;
  await release({ path: own, free: join(dir, freeName(lock.file)) });
  return true;
}
