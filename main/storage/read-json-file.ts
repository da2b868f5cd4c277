import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { describeDiskRefusal } from './disk-refusal';
import { FileProblemError } from './file-problem';
import { parseJsonText } from './parse-json';
import { type ReadStamp, readRegularFile, readRegularFileSync } from './read-regular-file';
import { SyncWhileFast } from './sync-while-fast';

export type { ReadStamp };

/**
 * What a JSON file of the project must hold, and how to bring an older one up to it. A schema
 * may have a quick parse of the file as Gloss writes it (quickParsers in parse-json.ts).
 */
export interface JsonFileFormat<S extends z.ZodType> {
  schema: S;
  /** Brings an older file up to the current shape before validation. */
  migrate?: (raw: unknown) => unknown;
}

export interface ReadJsonOptions<S extends z.ZodType> extends JsonFileFormat<S> {
  /** The path to name in messages, relative to the project root. */
  displayName: string;
  /**
   * Copy an invalid file aside (see keepInvalidCopy) before a writer may touch it. Off for
   * read-only opens, which write nothing at all, and for files only read (other annotators').
   */
  copyInvalid?: boolean;
}

export type JsonFileRead<T> =
  | { status: 'valid'; value: T; stamp: ReadStamp }
  | { status: 'missing' }
  /** Not JSON, not the schema's shape, unreadable, or from a newer Gloss: `problem` names file and fault. */
  | { status: 'invalid'; problem: FileProblemError; stamp?: ReadStamp };

/**
 * Project files are small and mostly in the page cache: read synchronously they take microseconds,
 * where an asynchronous read costs four trips through libuv's thread pool (see SyncWhileFast).
 */
const reads = new SyncWhileFast();

/**
 * The one reader of project JSON files (JsonStore's adapter and every reader of another's file):
 * one open, one read, a parse, an upgrade, validation. A file that is not JSON or does not match
 * its schema is never turned into defaults; its problem says where, the way a researcher fixing it
 * by hand needs it ("…/alice.json: annotations[2].target.start: …").
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  options: ReadJsonOptions<S>,
): Promise<JsonFileRead<z.output<S>>> {
  let bytes: Buffer;
  let stamp: ReadStamp;
  try {
    ({ bytes, stamp } = await reads.call(
      () => readRegularFileSync(path),
      () => readRegularFile(path),
    ));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    const problem = new FileProblemError(
      options.displayName,
      `could not be read (${(error as Error).message})`,
    );
    return { status: 'invalid', problem };
  }
  const parsed = parseJsonText(bytes.toString('utf8'), options.schema, options.migrate);
  if (parsed.ok) return { status: 'valid', value: parsed.value, stamp };
  // A file from a newer Gloss (or one this Gloss cannot upgrade) is not broken: refused, not copied.
  const copied =
    parsed.kind !== 'migration' && options.copyInvalid ? await keepInvalidCopy(path, bytes, options) : '';
  return {
    status: 'invalid',
    problem: new FileProblemError(options.displayName, `${parsed.problem}${copied}`),
    stamp,
  };
}

/**
 * Copies an invalid file to `<file>.invalid-<first 8 hex of its SHA-256>` beside it, so what a
 * researcher typed by hand survives whatever is done to the file next. The same content is copied
 * once; the copy's name does not end in .json, so it is never read as a project file.
 * Returns the words to add to the problem.
 */
async function keepInvalidCopy(
  path: string,
  bytes: Buffer,
  { displayName }: { displayName: string },
): Promise<string> {
  const suffix = `.invalid-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
  const copy = `${path}${suffix}`;
  try {
    if (!(await stat(copy).catch(() => undefined))) await writeFileAtomic(copy, bytes);
    return `. It is kept as it is; a copy is at ${displayName}${suffix}`;
  } catch (error) {
    return `. It is kept as it is (no copy could be made: ${describeDiskRefusal(error)})`;
  }
}
