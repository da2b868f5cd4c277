import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tellsVersionsApart } from '../storage/coarse-times';
import { type ReadStamp, readJsonFile } from '../storage/read-json-file';
import { type AnnotationFile, AnnotationFileSchema } from './annotation-files-schema';

/** One other annotator's file of a document as read, with the version it was read at. */
export interface ReadAnnotationFile {
  name: string;
  /** Size, modification time and inode: a file replaced or rewritten since has another. */
  version: string;
  /** Undefined when the file is not valid (passed over, as the document list reports it). */
  file: AnnotationFile | undefined;
}

/** The names of other annotators' files in a document's folder, hidden temp and lock files left out. */
async function otherNames(dir: string, annotator: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => !name.startsWith('.') && name.endsWith('.json') && name !== `${annotator}.json`)
    .sort();
}

/** Other annotators' files of a document, read fresh (they may arrive by sync); unreadable ones are left out. */
export async function readOtherAnnotatorFiles(dir: string, annotator: string): Promise<ReadAnnotationFile[]> {
  const read = await Promise.all(
    (await otherNames(dir, annotator)).map(async (name) => {
      const path = join(dir, name);
      const read = await readJsonFile(path, { displayName: path, schema: AnnotationFileSchema });
      // Size, time and inode come from the handle the file was read through, so they agree.
      if (read.status === 'missing' || !read.stamp) return undefined;
      const version = tellsVersionsApart(read.stamp.mtimeMs)
        ? versionOf(read.stamp)
        : `unsettled:${Math.random()}`;
      return { name, version, file: read.status === 'valid' ? read.value : undefined };
    }),
  );
  return read.filter((entry) => entry !== undefined);
}

/**
 * The versions of other annotators' files, as readOtherAnnotatorFiles would read them now, from
 * the folder and the files' stats alone: equal versions mean the files read before still hold.
 * A modification time in whole seconds (FAT keeps 2 s, some shares 1 s) could hide a second save
 * of the same size in the same tick: such a file counts as unknown until its tick is well over.
 */
export async function otherAnnotatorVersions(dir: string, annotator: string): Promise<string[] | undefined> {
  const versions: string[] = [];
  for (const name of await otherNames(dir, annotator)) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (!info) continue;
    if (!tellsVersionsApart(info.mtimeMs)) return undefined;
    versions.push(`${name}:${versionOf(info)}`);
  }
  return versions;
}

function versionOf(info: { size: number; mtimeMs: number; ino: number }): string {
  return `${info.size}.${info.mtimeMs}.${info.ino}`;
}

/**
 * Any annotation file, read and validated (undefined when missing or invalid, as the document
 * list reports it), with the size and time of the file as read.
 */
export async function readAnnotationFileAt(
  path: string,
): Promise<{ file: AnnotationFile | undefined; stamp?: ReadStamp }> {
  const read = await readJsonFile(path, { displayName: path, schema: AnnotationFileSchema });
  if (read.status === 'missing') return { file: undefined };
  return {
    file: read.status === 'valid' ? read.value : undefined,
    ...(read.stamp ? { stamp: read.stamp } : {}),
  };
}
