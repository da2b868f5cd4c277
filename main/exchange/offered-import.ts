import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { OfferedImport } from '../../shared/api-answers';
import { ApiError } from '../../shared/api-error';

/** The import formats a file opened with Gloss is read as, by its extension (the desktop's file associations). */
const FORMAT_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.qdpx': 'refi-qda',
  '.qdc': 'refi-qda-codebook',
};

/**
 * What the screens can send back in one `importFiles` request (64 MiB of JSON, the bytes in
 * base64): larger projects are imported with `gloss import`.
 */
export const MAX_OFFERED_BYTES = 48 * 1024 * 1024;

/** Whether a path named on the command line or by the system is a file Gloss imports rather than a folder it opens. */
export function isImportableFile(path: string): boolean {
  return extname(path).toLowerCase() in FORMAT_BY_EXTENSION;
}

/**
 * The file the researcher opened with Gloss, kept by main (the path comes from the system, never
 * from the screens) until the screens take it, once, into their Import dialog.
 */
export class OfferedImports {
  #path: string | undefined;

  offer(path: string): void {
    if (!isImportableFile(path))
      throw new Error(`Gloss does not import ${basename(path)}: it imports .qdpx and .qdc files`);
    this.#path = path;
  }

  /** The file offered, read now, and forgotten; null when none waits. Unreadable or too large: an error naming it. */
  async take(): Promise<OfferedImport | null> {
    const path = this.#path;
    if (path === undefined) return null;
    this.#path = undefined;
    const name = basename(path);
    const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()]!;
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      throw new ApiError('not-found', `${name} could not be read: ${(error as Error).message}`);
    }
    if (size > MAX_OFFERED_BYTES) {
      throw new ApiError(
        'bad-request',
        `${name} is ${Math.round(size / 1024 / 1024)} MB; the Import dialog takes files up to ${MAX_OFFERED_BYTES / 1024 / 1024} MB. Import it with: gloss import <project folder> --format ${format} "${path}"`,
      );
    }
    const bytes = await readFile(path);
    return { name, format, data: bytes.toString('base64') };
  }
}
