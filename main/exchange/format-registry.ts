import type { ExportFormat } from './dataset';
import { bratExport, bratImport } from './formats/brat';
import { codebookCsvImport, codebookExport } from './formats/codebook';
import { conllExport } from './formats/conll/write-conll';
import { csvExport } from './formats/csv';
import { jsonlExport, jsonlImport } from './formats/jsonl';
import { qdcExport, qdcImport, qdpxExport, qdpxImport } from './formats/refi-qda';
import { webAnnotationImport } from './formats/w3c/read-web-annotation';
import { webAnnotationExport } from './formats/w3c/write-web-annotation';
import type { ImportFormat } from './import-plan';

/** Every export format, by id, in the order `gloss export` and the export dialog list them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  jsonlExport,
  csvExport,
  bratExport,
  conllExport,
  webAnnotationExport,
  qdpxExport,
  qdcExport,
  codebookExport,
];

/** Every import format, by id. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  jsonlImport,
  bratImport,
  webAnnotationImport,
  qdpxImport,
  qdcImport,
  codebookCsvImport,
];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

export function importFormat(id: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.id === id);
}
