import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { ExportFile, ExportFormat } from './dataset';

/** Refuses an export path inside the project: files written there would be read as articles. */
export function assertOutsideProject(out: string, projectRoot: string): void {
  const inside = relative(resolve(projectRoot), resolve(out));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new ApiError(
      'bad-request',
      `${resolve(out)} is inside the project folder; export to a folder outside it`,
    );
  }
}

/**
 * Writes an export's files: a single-file format to `out` itself, the others into the folder
 * `out` (created; refused if it holds anything, so an export never mixes with older files).
 */
export async function writeExport(format: ExportFormat, files: ExportFile[], out: string): Promise<string[]> {
  const target = resolve(out);
  if (format.singleFile) {
    const [file] = files;
    if (!file || files.length !== 1)
      throw new ApiError('internal', `${format.id} made ${files.length} files, not one`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    return [target];
  }
  const existing = await readdir(target).catch(() => []);
  if (existing.length > 0)
    throw new ApiError('conflict', `${target} is not empty; export into a new or empty folder`);
  const written: string[] = [];
  for (const file of files) {
    const path = resolve(target, ...file.path.split('/'));
    if (!path.startsWith(target + sep))
      throw new ApiError('internal', `${format.id} named a file outside its folder: ${file.path}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(path);
  }
  return written.length > 0 ? written : [join(target)];
}
