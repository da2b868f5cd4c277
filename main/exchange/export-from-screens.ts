import { relative, sep } from 'node:path';
import type { ApiRequest, ExportFormatInfo, ExportResult } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Project } from '../project/project';
import { collectDataset } from './collect-dataset';
import { EXPORT_FORMATS, exportFormat } from './format-registry';
import { writeExport } from './write-export';

export function exportFormatList(): ExportFormatInfo[] {
  return EXPORT_FORMATS.map(({ id, description, offsets, singleFile }) => ({
    id,
    description,
    offsets,
    singleFile,
  }));
}

/**
 * An export asked for by the screens: written into a new folder under .gloss/exports/, since the
 * screens name no paths (every path from them stays inside the project), and .gloss/ is never
 * read as articles. The folder is named by time and format, so exports never mix.
 */
export async function exportFromScreens(
  project: Project,
  request: ApiRequest<'exportDataset'>,
  onProgress: (done: number, total: number) => void,
): Promise<ExportResult> {
  const format = exportFormat(request.format);
  if (!format) throw new ApiError('bad-request', `There is no export format "${request.format}"`);
  if (project.readOnly)
    throw new ApiError('forbidden', 'The project is open read-only; nothing can be written');
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
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = `${project.layout.exportsDir}${sep}${stamp}-${format.id}`;
  const single = format.singleFile ? files[0]?.path : undefined;
  const written = await writeExport(format, files, single ? `${folder}${sep}${single}` : folder);
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
