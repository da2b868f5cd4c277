import type { Dirent } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TEMP_FILE_NAMES } from './atomic-write';
import { freeLockIfDead, isAlive, parseLockName, STALE_MS, withFileLock } from './file-lock';
import { clearOldLockIfDead } from './old-locks';
import { readFolder } from './read-folder';

export interface LeftoverFolder {
  path: string;
  /** Walk its subfolders too (the per-document folders of annotations). */
  recursive: boolean;
}

/** The temp file of an older Gloss's lock: `<name>.lock.<pid>.<8 hex>.tmp`, holding "pid host". */
const OLD_LOCK_TEMP = /\.lock\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Clears what killed saves leave in Gloss's folders: temp files and locks. Only what is provably
 * dead goes, so a second Gloss working on the project meanwhile is never disturbed:
 * - a locked writer's temp file (names in atomic-write.ts) is removed while holding its file's
 *   lock (no writer is using it);
 * - a lock held by a dead process of this computer, or stale, is given back (file-lock.ts);
 *   an older Gloss's lock goes (old-locks.ts);
 * - any other temp file goes once it is older than the lock's stale time.
 * One walk of the folders given, not of the articles; errors only leave a leftover for next time.
 * Returns the paths removed.
 */
export async function sweepLeftovers(folders: LeftoverFolder[]): Promise<string[]> {
  const removed: string[] = [];
  const pending = [...folders];
  while (pending.length > 0) {
    const { path: dir, recursive } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readFolder(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const { name } = entry;
      // Most entries are data: only a lock or a temp file costs more than a look at its name.
      const leftover = name.endsWith('.lock') || name.endsWith('.tmp');
      if (leftover && (await sweepEntry(dir, entry).catch(() => false))) removed.push(join(dir, name));
      else if (recursive && entry.isDirectory() && !name.endsWith('.lock')) {
        pending.push({ path: join(dir, name), recursive });
      }
    }
  }
  return removed;
}

async function sweepEntry(dir: string, entry: Dirent): Promise<boolean> {
  const path = join(dir, entry.name);
  if (entry.name.endsWith('.lock')) {
    const lock = parseLockName(entry.name);
    // A free token is no leftover: it stays beside its file for the next save.
    return lock ? entry.isFile() && freeLockIfDead(dir, entry.name) : clearOldLockIfDead(path);
  }
  if (!entry.isFile() || !entry.name.endsWith('.tmp')) return false;
  const oldLock = OLD_LOCK_TEMP.exec(entry.name);
  if (oldLock) {
    const [pid, host] = (await readFile(path, 'utf8')).trim().split(' ');
    if (!(host === hostname() && !isAlive(Number(pid ?? oldLock[1]))) && !(await isStale(path))) return false;
    await rm(path, { force: true });
    return true;
  }
  if (TEMP_FILE_NAMES.unlocked.test(entry.name)) {
    if (!(await isStale(path))) return false;
    await rm(path, { force: true });
    return true;
  }
  // Only temp files of Gloss's own names (atomic-write.ts); checked in this order, as the last matches all.
  const locked = TEMP_FILE_NAMES.locked.exec(entry.name) ?? TEMP_FILE_NAMES.lockedBefore.exec(entry.name);
  if (!locked) return false;
  await withFileLock(join(dir, locked[1]!), () => rm(path, { force: true }));
  return true;
}

async function isStale(path: string): Promise<boolean> {
  return Date.now() - (await stat(path)).mtimeMs > STALE_MS;
}
