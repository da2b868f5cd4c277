import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Adapter, Low } from 'lowdb';
import type { z } from 'zod';
import { ApiError } from '../../shared/api-error';
import { replaceFile } from './atomic-write';
import { COARSE_TICK_MS, isFineTime } from './coarse-times';
import { saveFailure } from './disk-refusal';
import { withFileLock } from './file-lock';
import { FileProblemError } from './file-problem';
import { type JsonFileFormat, type ReadStamp, readJsonFile } from './read-json-file';
import { assertWritable } from './read-only';
import { SyncWhileFast } from './sync-while-fast';

export interface JsonStoreOptions<S extends z.ZodType> extends JsonFileFormat<S> {
  /** Absolute path of the file. */
  path: string;
  /** The path to name in messages, relative to the project root. */
  displayName: string;
  /** Write nothing at all, not even the copy of an invalid file (`gloss info`, read-only opens). */
  readOnly?: boolean;
}

/**
 * The lowdb adapter of a project file: reads through the one reader of project JSON
 * (read-json-file.ts), so a file that is not JSON or does not match its schema raises a
 * FileProblemError naming the file, is never parsed into defaults, and is copied aside unless
 * the store is read-only. Writes go through the one atomic writer (atomic-write.ts: temp file,
 * fsync, rename, folder fsync), so a save survives a killed process and a power loss alike.
 */
class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  /** The flush of the folder after the last write, still running when write() returns. */
  folderFlushed: Promise<void> = Promise.resolve();
  /** Whether the last read found the file on disk (valid or not). */
  found = false;
  /** The file as the last read found it (undefined when missing or unreadable). */
  stamp: ReadStamp | undefined;

  constructor(private readonly options: JsonStoreOptions<S>) {}

  async read(): Promise<z.output<S> | null> {
    const read = await readJsonFile(this.options.path, {
      ...this.options,
      copyInvalid: !this.options.readOnly,
    });
    this.found = read.status !== 'missing';
    this.stamp = read.status === 'missing' ? undefined : read.stamp;
    if (read.status === 'invalid') throw read.problem;
    return read.status === 'valid' ? read.value : null;
  }

  /**
   * Called only inside JsonStore#apply, which holds the file's lock: one writer at a time, so the
   * writer's fixed temp name is safe (and a half-written one is removed on a full disk). Returns
   * once the new content is in place; JsonStore awaits `folderFlushed` after letting go of the lock.
   */
  async write(data: z.output<S>): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    this.folderFlushed = (await replaceFile(this.options.path, text, { locked: true })).folderFlushed;
  }
}

/**
 * One JSON file of the project, held in memory by lowdb's Low over the adapter above: Low.read
 * and Low.write are the store's only I/O. Changes are applied to a copy, written, and only then
 * become the store's data, so a failed write leaves memory matching the disk.
 * A file that failed to load is never written: its problem is kept and every change is refused.
 */
export class JsonStore<S extends z.ZodType> {
  readonly #db: Low<z.output<S>>;
  readonly #file: ValidatedJsonFile<S>;
  #problem: FileProblemError | undefined;
  #exists = false;
  /** Changes run one after another, so each starts from the last saved state. */
  #queue: Promise<unknown> = Promise.resolve();
  /** The file as this store last read or wrote it, to notice another process's save since. */
  #seen: FileStamp | undefined;

  private constructor(
    readonly options: JsonStoreOptions<S>,
    initial: z.output<S>,
  ) {
    this.#file = new ValidatedJsonFile(options);
    this.#db = new Low(this.#file, initial);
  }

  /** Loads the file; a missing file yields `initial` (not written until the first change). */
  static async open<S extends z.ZodType>(
    options: JsonStoreOptions<S>,
    initial: z.output<S>,
  ): Promise<JsonStore<S>> {
    const store = new JsonStore(options, initial);
    try {
      await store.#db.read(); // a missing file leaves `initial`
      store.#exists = store.#file.found;
    } catch (error) {
      if (!(error instanceof FileProblemError)) throw error;
      store.#problem = error;
      store.#exists = true;
    }
    // Taken from the handle the file was read through: what was read is what this stamp describes.
    if (store.#file.stamp) store.#seen = seenNow(store.#file.stamp);
    return store;
  }

  get data(): z.output<S> {
    return this.#db.data;
  }

  get problem(): FileProblemError | undefined {
    return this.#problem;
  }

  /** Whether the file is on disk (valid or not). */
  get exists(): boolean {
    return this.#exists;
  }

  /** Applies `change` to a copy of the data and saves it; returns what `change` returned. */
  update<R>(change: (draft: z.output<S>) => R): Promise<R> {
    try {
      assertWritable(this.options.readOnly ?? false, this.options.displayName, this.options.displayName);
    } catch (error) {
      return Promise.reject(error);
    }
    const run = this.#queue.then(() => this.#apply(change));
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Another Gloss process may save the same file (two windows, a window and the command line):
   * each change holds the file's lock, starts from what is on disk if that changed since this
   * store last saw it, and so adds to the other's save instead of overwriting it.
   * A disk that refuses (full, read-only), whether taking the lock or writing, fails the change
   * with an 'io' error naming the file; memory and every file on disk stay as they were.
   */
  async #apply<R>(change: (draft: z.output<S>) => R): Promise<R> {
    try {
      const result = await withFileLock(this.options.path, async () => {
        await this.#catchUp();
        const result = await this.#applyNow(change);
        this.#seen = await stampOf(this.options.path);
        return result;
      });
      // Done only once the rename is durable too; the lock was let go meanwhile (see replaceFile).
      await this.#file.folderFlushed;
      return result;
    } catch (error) {
      throw saveFailure(this.options.displayName, error);
    }
  }

  /**
   * Reads the file again if another process saved it since this store last read or wrote it
   * (another Gloss of the same annotator, a sync); true if it did. Queued like a change, so it
   * never reads between another change's write and its stamp.
   */
  refreshFromDisk(): Promise<boolean> {
    const run = this.#queue.then(async () => {
      const before = this.#db.data;
      const read = await this.#catchUp();
      // Read again only because the time on disk was too coarse to tell: changed if the data did.
      return (
        read === 'changed' ||
        (read === 'same-stamp' && JSON.stringify(before) !== JSON.stringify(this.#db.data))
      );
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Reads the file again unless its stamp proves it unchanged; says whether and why it read. */
  async #catchUp(): Promise<'unchanged' | 'same-stamp' | 'changed'> {
    if (this.#problem) return 'unchanged';
    const now = await stampOf(this.options.path);
    if (!now) return 'unchanged';
    const seen = this.#seen;
    const same = seen !== undefined && sameFile(seen, now);
    if (same && seen.settled) return 'unchanged';
    try {
      await this.#db.read(); // a file deleted meanwhile leaves the data as it was
      if (this.#file.found) this.#exists = true;
    } catch (error) {
      if (!(error instanceof FileProblemError)) throw error;
      this.#problem = error;
    }
    if (!same) {
      this.#seen = now;
      return 'changed';
    }
    // Read after the time's tick was over: every save of that tick is in what was read.
    if (Date.now() - seen.seenAt > COARSE_TICK_MS) this.#seen = { ...seen, settled: true };
    return 'same-stamp';
  }

  async #applyNow<R>(change: (draft: z.output<S>) => R): Promise<R> {
    if (this.#problem) {
      throw new ApiError(
        'invalid-file',
        `${this.#problem.message}. Gloss will not overwrite it: fix or move the file, then reopen the project.`,
        this.options.displayName,
      );
    }
    const previous = this.#db.data;
    const draft = structuredClone(previous);
    const result = change(draft);
    this.#db.data = draft;
    try {
      await this.#db.write();
      this.#exists = true;
    } catch (error) {
      this.#db.data = previous;
      throw error;
    }
    return result;
  }
}

/**
 * What tells a save of another process from none: every save replaces the file (a new inode on
 * most file systems) and sets its modification time. FAT keeps that time to 2 s (some shares to
 * 1 s), so another save in the same tick, of the same size, could leave an equal stamp: a stamp
 * with a whole-second time is not `settled` until the file has been read once the tick is over.
 */
interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
  /** When this process first saw this stamp, by its own clock. */
  seenAt: number;
  settled: boolean;
}

/** Stats made synchronously while the disk is fast: one less trip through libuv's pool per save. */
const stats = new SyncWhileFast();

async function stampOf(path: string): Promise<FileStamp | undefined> {
  try {
    return seenNow(
      await stats.call(
        () => statSync(path),
        () => stat(path),
      ),
    );
  } catch {
    return undefined;
  }
}

function seenNow({ mtimeMs, size, ino }: ReadStamp): FileStamp {
  return { mtimeMs, size, ino, seenAt: Date.now(), settled: isFineTime(mtimeMs) };
}

function sameFile(a: FileStamp, b: FileStamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}
