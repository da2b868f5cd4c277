import { dirname, relative, resolve, sep } from 'node:path';
import type { ExportFormatInfo, ExportResult, ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Project } from '../project/project';
import { collectDataset } from './collect-dataset';
import { EXPORT_FORMATS, exportFormat } from './format-registry';
import { assertOutsideProject, writeExport } from './write-export';

export function exportFormatList(): ExportFormatInfo[] {
  return EXPORT_FORMATS.map(({ id, description, offsets, singleFile }) => ({
    id,
    description,
    offsets,
    singleFile,
  }));
}

/**
 * The one export, for the screens and `gloss export` alike. Without `out` (the screens, which name
 * no paths) it writes into a new folder under .gloss/exports/, named by time and format so exports
 * never mix, and .gloss/ is never read as articles. With `out` (the command line) it writes there,
 * which must be outside the project; the project itself is only read, so a read-only one will do.
 */
export async function runExport(
  project: Project,
  request: ParsedRequest<'exportDataset'>,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportResult> {
  const format = exportFormat(request.format);
  if (!format) throw new ApiError('bad-request', `There is no export format "${request.format}"`);
  if (request.out !== undefined) assertOutsideProject(request.out, project.root);
  else project.assertWritable();
  const dataset = await collectDataset(
    project,
    {
      ...(request.documents ? { documents: request.documents } : {}),
      ...(request.codes ? { codes: request.codes } : {}),
      ...(request.annotators ? { annotators: request.annotators } : {}),
    },
    onProgress,
  );
  const files = format.write(dataset, {
    ...(request.bom ? { bom: true } : {}),
    ...(request.group ? { group: request.group } : {}),
  });
  const target =
    request.out !== undefined
      ? resolve(request.out)
      : `${project.layout.exportsDir}${sep}${exportFolderName(format.id)}`;
  const single = format.singleFile && request.out === undefined ? files[0]?.path : undefined;
  const written = await writeExport(format, files, single ? `${target}${sep}${single}` : target);
  // A single file named by `out` sits in the folder that holds it.
  const folder = format.singleFile && request.out !== undefined ? dirname(written[0]!) : target;
  const toSlash = (path: string) => path.split(sep).join('/');
  return {
    format: format.id,
    offsets: format.offsets,
    documents: dataset.documents.length,
    annotations: dataset.documents.reduce((sum, d) => sum + d.annotations.length, 0),
    folder: toSlash(relative(project.root, folder)),
    files: written.map((path) => toSlash(relative(folder, path))),
    orphansLeftOut: dataset.orphansLeftOut,
  };
}

function exportFolderName(formatId: string): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${formatId}`;
}
