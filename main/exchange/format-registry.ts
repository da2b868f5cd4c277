import type { ExportFormat } from './dataset';
import type { ImportFormat } from './import-plan';

/** Every export format, by id, in the order `gloss export --help` lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [];

/** Every import format, by id. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

export function importFormat(id: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.id === id);
}
