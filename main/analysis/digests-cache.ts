import { readFile } from 'node:fs/promises';
import { tellsVersionsApart } from '../storage/coarse-times';
import { LaterWrite } from '../storage/later-write';
import { decodeDigests, encodeDigests, type StampedDigest } from './digests-file';
import type { FileDigest } from './file-digest';

/** A file's size and modification time, as a walk of the folder or a read found them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * The digests of annotation files (file-digest.ts) by the file's name under .gloss/annotations/,
 * each valid while the file has the size and modification time it was made from: in memory, and
 * on disk (digests-file.ts) for the next start, written a moment after a change, never when
 * `readOnly`. A digest is kept only from a read whose time tells it from a later save (FAT's
 * 2-second times do not until the tick is over, coarse-times.ts).
 */
export class DigestsCache {
  #entries = new Map<string, StampedDigest>();
  #loaded: Promise<void> | undefined;
  readonly #writer: LaterWrite;

  constructor(private readonly store: { file?: string; readOnly?: boolean } = {}) {
    this.#writer = new LaterWrite(store);
  }

  /** Reads the file, once: the first call of a session waits for it. */
  ready(): Promise<void> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  /** The digest of the file named, if it was made from the file as `stamp` finds it. */
  get(name: string, stamp: FileStamp): FileDigest | undefined {
    const entry = this.#entries.get(name);
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.digest : undefined;
  }

  /** Keeps the digest of a file as read, with the stamp of that read. */
  put(name: string, stamp: FileStamp, digest: FileDigest): void {
    if (!tellsVersionsApart(stamp.mtimeMs)) return;
    this.#entries.set(name, { size: stamp.size, mtimeMs: stamp.mtimeMs, digest });
    this.#changed();
  }

  /** Forgets the files not named (gone from the project). */
  retain(names: ReadonlySet<string>): void {
    let forgot = false;
    for (const name of this.#entries.keys()) {
      if (names.has(name)) continue;
      this.#entries.delete(name);
      forgot = true;
    }
    if (forgot) this.#changed();
  }

  /** Writes at once what waits to be written; resolves when nothing is being written. */
  close(): Promise<void> {
    return this.#writer.flush();
  }

  #changed(): void {
    this.#writer.soon(() => encodeDigests(this.#entries));
  }

  async #load(): Promise<void> {
    const bytes = this.store.file ? await readFile(this.store.file).catch(() => undefined) : undefined;
    const read = bytes && decodeDigests(bytes);
    if (!read) return;
    // Digests made while the file was read are newer.
    for (const [name, entry] of read) if (!this.#entries.has(name)) this.#entries.set(name, entry);
  }
}
