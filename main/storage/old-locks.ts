import { readdir, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isAlive, STALE_MS } from './file-lock';

/** An owner inside an older lock folder: `<pid>.<8 hex>.<host, URI-encoded>`. */
const OWNER = /^(\d+)\.([0-9a-f]{8})\.(.+)$/;

/**
 * Clears a lock of an older Gloss left by a kill, for the sweep on opening a project: a folder
 * `.<name>.lock/` holding its owner as an empty folder, or a file `<name>.lock` holding "pid host".
 * Gone if every owner is a dead process of this computer or has not refreshed it for STALE_MS; a
 * folder without an owner at once (Gloss makes none now, so it is a kill's). True if it cleared something.
 */
export async function clearOldLockIfDead(path: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') return false;
    const [pid, host] = (await readFile(path, 'utf8')).trim().split(' ');
    if (!(await isDead(Number(pid), host ?? '', path))) return false;
    await unlink(path);
    return true;
  }
  for (const name of names) {
    const owner = OWNER.exec(name);
    if (!owner || !(await isDead(Number(owner[1]), decodeURIComponent(owner[3]!), join(path, name))))
      return false;
  }
  for (const name of names) await rmdir(join(path, name));
  await rmdir(path);
  return true;
}

async function isDead(pid: number, host: string, path: string): Promise<boolean> {
  if (host === hostname() && !isAlive(pid)) return true;
  return Date.now() - (await stat(path)).mtimeMs > STALE_MS;
}
