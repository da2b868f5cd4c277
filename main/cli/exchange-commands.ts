import { mappingLines } from '../../shared/import-mapping';
import { alreadyThereNotice, importHeadline } from '../../shared/import-summary';
import { applyImport, type ImportSummary } from '../exchange/apply-import';
import { collectDataset, type ExportFilters } from '../exchange/collect-dataset';
import { EXPORT_FORMATS, exportFormat, IMPORT_FORMATS, importFormat } from '../exchange/format-registry';
import { ImportProblemsError } from '../exchange/import-problems-error';
import { readImportFiles } from '../exchange/read-import';
import { assertOutsideProject, writeExport } from '../exchange/write-export';
import { Project } from '../project/project';
import { UsageError } from './usage';

export interface ExportRequest {
  folder: string;
  format: string;
  out: string;
  filters: ExportFilters;
  bom?: boolean;
  group?: string;
  annotator?: string;
}

export interface ExportSummary {
  format: string;
  offsets: string;
  documents: number;
  annotations: number;
  files: string[];
  orphansLeftOut: number;
}

/** `gloss export`: reads the project without writing into it, then writes the files outside it. */
export async function exportProject(
  request: ExportRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const format = exportFormat(request.format);
  if (!format)
    throw new UsageError(
      `unknown export format "${request.format}" (${EXPORT_FORMATS.map((f) => f.id).join(', ')})`,
    );
  const project = await Project.open(request.folder, { annotator: request.annotator, readOnly: true });
  assertOutsideProject(request.out, project.root);
  const dataset = await collectDataset(project, request.filters, onProgress);
  const files = format.write(dataset, {
    ...(request.bom ? { bom: true } : {}),
    ...(request.group ? { group: request.group } : {}),
  });
  const written = await writeExport(format, files, request.out);
  return {
    format: format.id,
    offsets: format.offsets,
    documents: dataset.documents.length,
    annotations: dataset.documents.reduce((sum, d) => sum + d.annotations.length, 0),
    files: written,
    orphansLeftOut: dataset.orphansLeftOut,
  };
}

export interface ImportRequest {
  folder: string;
  format: string;
  path: string;
  into: string;
  annotator?: string;
}

/**
 * `gloss import`: reads and checks the whole input first; with any problem it writes nothing and
 * throws them all (ImportProblemsError), else it writes the plan into the project. A document
 * whose key (`into`/its path) names an article already there brings only its annotations.
 */
export async function importIntoProject(request: ImportRequest): Promise<ImportSummary> {
  const format = importFormat(request.format);
  if (!format)
    throw new UsageError(
      `unknown import format "${request.format}" (${IMPORT_FORMATS.map((f) => f.id).join(', ')})`,
    );
  const files = await readImportFiles(request.path);
  const result = format.read(files);
  if (!result.ok) throw new ImportProblemsError(result.problems);
  const project = await Project.open(request.folder, { annotator: request.annotator });
  return applyImport(project, result.plan, request.into);
}

export function formatExportSummary(summary: ExportSummary): string {
  const exported = `Exported ${summary.documents} document${summary.documents === 1 ? '' : 's'} and ${summary.annotations} annotation${summary.annotations === 1 ? '' : 's'} as ${summary.format} (offsets: ${summary.offsets}) to ${summary.files.length === 1 ? summary.files[0] : `${summary.files.length} files`}`;
  return summary.orphansLeftOut > 0 ? `${exported}\n${orphansNotice(summary.orphansLeftOut)}` : exported;
}

/** What an export that left orphans out says. */
function orphansNotice(count: number): string {
  return `${count} orphaned annotation${count === 1 ? ' was' : 's were'} left out: not found again after ${count === 1 ? 'its article' : 'their articles'} changed. Re-attach or delete ${count === 1 ? 'it' : 'them'} under Annotations in Gloss.`;
}

export function formatImportSummary(summary: ImportSummary): string {
  const lines = [importHeadline(summary)];
  const already = alreadyThereNotice(summary);
  if (already) lines.push(already);
  if (summary.codesAdded.length > 0) lines.push(`New codes: ${summary.codesAdded.join(', ')}`);
  if (summary.stakeholdersAdded.length > 0)
    lines.push(`New stakeholders: ${summary.stakeholdersAdded.join(', ')}`);
  if (summary.relationTypesAdded.length > 0)
    lines.push(`New relation types: ${summary.relationTypesAdded.join(', ')}`);
  const mapping = mappingLines(summary);
  if (mapping.length > 0) lines.push('How the lines were read:', ...mapping.map((line) => `  ${line}`));
  return lines.join('\n');
}
