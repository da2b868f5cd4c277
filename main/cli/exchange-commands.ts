import { resolve } from 'node:path';
import type { ApiRequest, ImportSummary } from '../../shared/api';
import { mappingLines } from '../../shared/import-mapping';
import { alreadyThereNotice, importHeadline } from '../../shared/import-summary';
import { readImport } from '../exchange/import-plan';
import { ImportProblemsError } from '../exchange/import-problems-error';
import { readImportFiles } from '../exchange/read-import';
import { cliClient } from './cli-client';
import { UsageError } from './usage';

export interface ExportRequest {
  folder: string;
  format: string;
  out: string;
  filters: Pick<ApiRequest<'exportDataset'>, 'documents' | 'codes' | 'annotators'>;
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

/**
 * `gloss export`: the screens' export, through the same API, reading the project without writing
 * into it and writing the files outside it.
 */
export async function exportProject(
  request: ExportRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const api = cliClient({ annotator: request.annotator, readOnly: true });
  const formats = await api.exportFormats({});
  if (!formats.some((f) => f.id === request.format))
    throw new UsageError(
      `unknown export format "${request.format}" (${formats.map((f) => f.id).join(', ')})`,
    );
  const { root } = await api.openProject({ path: request.folder });
  const stop = onProgress
    ? api.subscribe((event) => {
        if (event.type === 'exportProgress') onProgress(event.payload.done, event.payload.total);
      })
    : () => {};
  try {
    const result = await api.exportDataset({
      format: request.format,
      ...request.filters,
      ...(request.bom ? { bom: true } : {}),
      ...(request.group ? { group: request.group } : {}),
      out: request.out,
    });
    return {
      format: result.format,
      offsets: result.offsets,
      documents: result.documents,
      annotations: result.annotations,
      files: result.files.map((file) => resolve(root, result.folder, file)),
      orphansLeftOut: result.orphansLeftOut,
    };
  } finally {
    stop();
  }
}

export interface ImportRequest {
  folder: string;
  format: string;
  path: string;
  into: string;
  annotator?: string;
}

/**
 * `gloss import`: reads the files and sends them through the API, which checks the whole input
 * first; with any problem nothing is written and every problem is thrown (ImportProblemsError).
 * A document whose key (`into`/its path) names an article already there brings only its
 * annotations.
 */
export async function importIntoProject(request: ImportRequest): Promise<ImportSummary> {
  const api = cliClient({ annotator: request.annotator });
  const formats = await api.importFormats({});
  if (!formats.some((f) => f.id === request.format))
    throw new UsageError(
      `unknown import format "${request.format}" (${formats.map((f) => f.id).join(', ')})`,
    );
  const files = await readImportFiles(request.path);
  // Checked before the folder is opened, since opening makes a folder that is not yet a project
  // one (.gloss/): an import refused for its input leaves the folder as it was.
  const { importFormat } = await import('../exchange/format-registry');
  const checked = await readImport(importFormat(request.format)!, files);
  if (!checked.ok) throw new ImportProblemsError(checked.problems);
  await api.openProject({ path: request.folder });
  const outcome = await api.importFiles({
    format: request.format,
    into: request.into,
    files: [...files].map(([path, data]) => ({ path, data: Buffer.from(data).toString('base64') })),
  });
  if (!outcome.ok) throw new ImportProblemsError(outcome.problems);
  const { ok: _, ...summary } = outcome;
  return summary;
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
