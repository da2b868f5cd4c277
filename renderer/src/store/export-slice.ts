import type { ApiRequest, ExportFormatInfo, ExportResult } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface ExportState {
  formats: ExportFormatInfo[] | null;
  running: boolean;
  /** Documents read so far, as main reports them. */
  progress: { done: number; total: number } | null;
  result: ExportResult | null;
  error: ApiErrorShape | null;
}

export interface ExportSlice {
  exporting: ExportState;
  loadExportFormats(): Promise<void>;
  runExport(request: ApiRequest<'exportDataset'>): Promise<void>;
  setExportProgress(progress: { done: number; total: number }): void;
  /** Forgets the last result, for a new export. */
  resetExport(): void;
}

const idle: Omit<ExportState, 'formats'> = { running: false, progress: null, result: null, error: null };

export const createExportSlice =
  (client: GlossClient): SliceCreator<ExportSlice> =>
  (set, get) => ({
    exporting: { formats: null, ...idle },

    async loadExportFormats() {
      if (get().exporting.formats) return;
      try {
        const formats = await client.exportFormats({});
        set((s) => ({ exporting: { ...s.exporting, formats } }));
      } catch (error) {
        set((s) => ({ exporting: { ...s.exporting, error: errorShape(error) } }));
      }
    },

    async runExport(request) {
      set((s) => ({ exporting: { ...s.exporting, ...idle, running: true } }));
      try {
        const result = await client.exportDataset(request);
        set((s) => ({ exporting: { ...s.exporting, running: false, result } }));
      } catch (error) {
        set((s) => ({ exporting: { ...s.exporting, running: false, error: errorShape(error) } }));
      }
    },

    setExportProgress(progress) {
      set((s) => (s.exporting.running ? { exporting: { ...s.exporting, progress } } : {}));
    },

    resetExport() {
      set((s) => ({ exporting: { ...s.exporting, ...idle } }));
    },
  });
