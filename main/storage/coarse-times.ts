/**
 * Modification times that cannot tell two saves apart. FAT keeps them to 2 s (some shares to
 * 1 s), so a second save in the same tick, of the same size, may leave the same stamp: a time in
 * whole seconds is trusted to tell saves apart only once its tick is well over.
 */

/** The longest tick of a file system's modification times (FAT's), with room for a slow clock. */
export const COARSE_TICK_MS = 2_500;

/** Whether the time has a finer grain than whole seconds (ext4, NTFS, APFS: always, in practice). */
export function isFineTime(mtimeMs: number): boolean {
  return mtimeMs % 1000 !== 0;
}

/** Whether a modification time tells this version of a file from any later one: a fine time, or a tick well over. */
export function tellsVersionsApart(mtimeMs: number, now = Date.now()): boolean {
  return isFineTime(mtimeMs) || now - mtimeMs > COARSE_TICK_MS;
}
