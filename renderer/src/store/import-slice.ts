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

/** A file opened with Gloss (the desktop's .qdpx association), for the Import dialog: the file and its format, or why it could not be read. */
export type OfferedFile = { file: ChosenFile; format: string } | { name: null; error: ApiErrorShape };

export interface ImportSlice {
  importing: ImportState;
  offeredImport: OfferedFile | null;
  /** Takes the file main offers, if any, and opens the Import dialog with it. */
  takeOfferedImport(): Promise<void>;
  /** The Import dialog was closed: the offered file is done with. */
  dropOfferedImport(): void;
  loadImportFormats(): Promise<void>;
  runImport(format: string, into: string, files: readonly ChosenFile[]): Promise<void>;
  resetImport(): void;
}

const idle: Omit<ImportState, 'formats'> = { running: false, outcome: null, error: null };

export const createImportSlice =
  (client: GlossClient): SliceCreator<ImportSlice> =>
  (set, get) => ({
    importing: { formats: null, ...idle },
    offeredImport: null,

    async takeOfferedImport() {
      let offered: OfferedFile;
      try {
        const answer = await client.takeOfferedImport({});
        if (!answer) return;
        offered = { file: { path: answer.name, bytes: fromBase64(answer.data) }, format: answer.format };
      } catch (error) {
        offered = { name: null, error: errorShape(error) };
      }
      set({ offeredImport: offered });
      get().setOpenDialog('import');
    },

    dropOfferedImport() {
      set({ offeredImport: null });
    },

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

function fromBase64(data: string): Uint8Array {
  return Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
}

/** Base64 in slices: one String.fromCharCode over megabytes would overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}
