import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { z } from 'zod';
import { ApiError } from '../../shared/api-error';
import { withFileLock } from './file-lock';
import { FileProblemError } from './file-problem';
import { parseJsonText } from './parse-json';

export interface JsonStoreOptions<S extends z.ZodType> {
  /** Absolute path of the file. */
  path: string;
  /** The path to name in messages, relative to the project root. */
  displayName: string;
  schema: S;
  /** Brings an older file up to the current shape before validation. */
  migrate?: (raw: unknown) => unknown;
}

/**
 * A lowdb adapter that validates on read: a file that is not JSON or does not match
 * its schema raises a FileProblemError naming the file, and is never parsed into defaults.
 * Writes go through lowdb's TextFile, i.e. steno: temp file + rename, overlapping writes serialised.
 */
class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  readonly #file: TextFile;

  constructor(private readonly options: JsonStoreOptions<S>) {
    this.#file = new TextFile(options.path);
  }

  async read(): Promise<z.output<S> | null> {
    let text: string | null;
    try {
      text = await this.#file.read();
    } catch (error) {
      throw new FileProblemError(this.options.displayName, `could not be read (${(error as Error).message})`);
    }
    if (text === null) return null;
    const parsed = parseJsonText(text, this.options.schema, this.options.migrate);
    if (!parsed.ok) throw new FileProblemError(this.options.displayName, parsed.problem);
    return parsed.value;
  }

  async write(data: z.output<S>): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    try {
      await this.#file.write(text);
    } catch (error) {
      // The first save of a document creates its folder; checking only on failure keeps saves to one write.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(this.options.path), { recursive: true });
      await this.#file.write(text);
    }
  }
}

/**
 * One JSON file of the project, held in memory. Changes are applied to a copy, written,
 * and only then become the store's data, so a failed write leaves memory matching the disk.
 * A file that failed to load is never written: its problem is kept and every change is refused.
 */
export class JsonStore<S extends z.ZodType> {
  readonly #db: Low<z.output<S>>;
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
    this.#db = new Low(new ValidatedJsonFile(options), initial);
  }

  /** Loads the file; a missing file yields `initial` (not written until the first change). */
  static async open<S extends z.ZodType>(
    options: JsonStoreOptions<S>,
    initial: z.output<S>,
  ): Promise<JsonStore<S>> {
    const store = new JsonStore(options, initial);
    try {
      store.#seen = await stampOf(options.path);
      const data = await store.#db.adapter.read();
      if (data !== null) {
        store.#db.data = data;
        store.#exists = true;
      }
    } catch (error) {
      if (!(error instanceof FileProblemError)) throw error;
      store.#problem = error;
      store.#exists = true;
    }
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
    const run = this.#queue.then(() => this.#apply(change));
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Another Gloss process may save the same file (two windows, a window and the command line):
   * each change holds the file's lock, starts from what is on disk if that changed since this
   * store last saw it, and so adds to the other's save instead of overwriting it.
   */
  #apply<R>(change: (draft: z.output<S>) => R): Promise<R> {
    return withFileLock(this.options.path, async () => {
      await this.#catchUp();
      const result = await this.#applyNow(change);
      this.#seen = await stampOf(this.options.path);
      return result;
    });
  }

  async #catchUp(): Promise<void> {
    if (this.#problem) return;
    const now = await stampOf(this.options.path);
    if (!now || (this.#seen && now.mtimeMs === this.#seen.mtimeMs && now.size === this.#seen.size)) return;
    try {
      const data = await this.#db.adapter.read();
      if (data !== null) {
        this.#db.data = data;
        this.#exists = true;
      }
    } catch (error) {
      if (!(error instanceof FileProblemError)) throw error;
      this.#problem = error;
    }
    this.#seen = now;
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
      throw new ApiError(
        'io',
        `Could not save ${this.options.displayName}: ${(error as Error).message}`,
        this.options.displayName,
      );
    }
    return result;
  }
}

interface FileStamp {
  mtimeMs: number;
  size: number;
}

async function stampOf(path: string): Promise<FileStamp | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info ? { mtimeMs: info.mtimeMs, size: info.size } : undefined;
}
