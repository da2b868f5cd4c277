import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Flush the file to the disk before the rename and the folder after it, so the new content
   * survives a power loss, not only a killed process. On by default; the cache turns it off
   * (derived data, rebuilt when lost, written thousands of times on a first open).
   */
  durable?: boolean;
  /**
   * The caller holds the file's lock (see file-lock.ts), so one writer at a time: the temp file
   * has one fixed name, and one left by a kill is simply reused by the next save. Without it the
   * temp file's name is random, so unlocked writers of the same file (the cache of two Gloss
   * processes) never write into each other's temp file. See tempFileName.
   */
  locked?: boolean;
}

/**
 * Gloss's own names for temp files, hidden beside the file they replace and ending in `.tmp`, so
 * that nothing reading `.json` files takes one for data. leftovers.ts sweeps exactly these.
 * - `.<name>.saving.tmp`: a writer holding the file's lock (one at a time, so one name);
 * - `.<name>.<8 hex>.tmp`: a writer without it (the cache), a new name for every write;
 * - `.<name>.tmp`: what a writer holding the lock used before (the name lowdb's steno gives):
 *   never written now, only swept, from a Gloss of before.
 */
export const TEMP_FILE_NAMES = {
  locked: /^\.(.+)\.saving\.tmp$/,
  unlocked: /^\..+\.[0-9a-f]{8}\.tmp$/,
  lockedBefore: /^\.(.+)\.tmp$/,
} as const;

/** The temp file a write of `name` goes through (see TEMP_FILE_NAMES). */
export function tempFileName(name: string, locked: boolean): string {
  return locked ? `.${name}.saving.tmp` : `.${name}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Errors from fsync of a folder that mean "this file system cannot", not "the write failed". */
const NO_FOLDER_SYNC = new Set(['EINVAL', 'ENOTSUP', 'EPERM', 'EISDIR', 'EBADF', 'EACCES']);

/**
 * Writes a file so that readers see the old content or the new, never half of either:
 * a temp file beside it, flushed (fsync), renamed over it, then the folder flushed so the
 * rename itself is on the disk. The one writer of project data (JsonStore) and of the cache.
 * A temp file half written when the disk filled up is removed, to give the space back.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await (await replaceFile(path, data, options)).folderFlushed;
}

/**
 * writeFileAtomic in two steps, for a writer holding the file's lock: resolves once the new
 * content is in place (what the lock protects), while the folder's flush still runs, so the lock
 * is let go while the disk makes the rename durable. `folderFlushed` must be awaited before the
 * save is reported done.
 */
export async function replaceFile(
  path: string,
  data: string | Uint8Array,
  { durable = true, locked = false }: AtomicWriteOptions = {},
): Promise<{ folderFlushed: Promise<void> }> {
  const folder = dirname(path);
  const temp = join(folder, tempFileName(basename(path), locked));
  try {
    await writeAndFlush(temp, data, durable).catch(async (error: unknown) => {
      // The first save of a document creates its folder; made only on failure, so a save is one write.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(folder, { recursive: true });
      await writeAndFlush(temp, data, durable);
    });
    await rename(temp, path);
  } catch (error) {
    // A temp file that is a folder (or not ours to remove) is left; the write's own error is the news.
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  const folderFlushed = durable ? flushFolder(folder) : Promise.resolve();
  folderFlushed.catch(() => {}); // awaited by the caller; never an unhandled rejection meanwhile
  return { folderFlushed };
}

async function writeAndFlush(temp: string, data: string | Uint8Array, durable: boolean): Promise<void> {
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes a rename in `folder` durable. Windows cannot open a folder for this, and some file
 * systems (FAT through FUSE, some network shares) refuse fsync on one: there the file's own
 * fsync is all the system offers, and the save goes on.
 */
async function flushFolder(folder: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!NO_FOLDER_SYNC.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => {});
  }
}
