import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { ImportFiles } from './import-plan';

/** An import's input in memory: a folder's files by relative path ("/" separators), or one file by its name. */
export async function readImportFiles(path: string): Promise<ImportFiles> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ApiError('not-found', `${path} does not exist`);
  if (info.isFile()) return new Map([[basename(path), new Uint8Array(await readFile(path))]]);
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(path, full).split(sep).join('/'), new Uint8Array(await readFile(full)));
  }
  return files;
}
