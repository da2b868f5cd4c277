import type { ImportFormatInfo, ImportOutcome } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface ImportState {
  formats: ImportFormatInfo[] | null;
  running: boolean;
  outcome: ImportOutcome | null;
  error: ApiErrorShape | null;
}

/** A file the researcher chose: its path relative to what they chose, and its bytes. */
export interface ChosenFile {
  path: string;
  bytes: Uint8Array;
}

export interface ImportSlice {
  importing: ImportState;
  loadImportFormats(): Promise<void>;
  runImport(format: string, into: string, files: readonly ChosenFile[]): Promise<void>;
  resetImport(): void;
}

const idle: Omit<ImportState, 'formats'> = { running: false, outcome: null, error: null };

export const createImportSlice =
  (client: GlossClient): SliceCreator<ImportSlice> =>
  (set, get) => ({
    importing: { formats: null, ...idle },

    async loadImportFormats() {
      if (get().importing.formats) return;
      try {
        const formats = await client.importFormats({});
        set((s) => ({ importing: { ...s.importing, formats } }));
      } catch (error) {
        set((s) => ({ importing: { ...s.importing, error: errorShape(error) } }));
      }
    },

    async runImport(format, into, files) {
      set((s) => ({ importing: { ...s.importing, ...idle, running: true } }));
      try {
        const outcome = await client.importFiles({
          format,
          into,
          files: files.map((file) => ({ path: file.path, data: toBase64(file.bytes) })),
        });
        set((s) => ({ importing: { ...s.importing, running: false, outcome } }));
        // New articles, codes and register entries: the screens load them like a reopened project.
        if (outcome.ok) await get().reload();
      } catch (error) {
        set((s) => ({ importing: { ...s.importing, running: false, error: errorShape(error) } }));
      }
    },

    resetImport() {
      set((s) => ({ importing: { ...s.importing, ...idle } }));
    },
  });

/** Base64 in slices: one String.fromCharCode over megabytes would overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}
