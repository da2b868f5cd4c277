import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { DocumentSummary, FileProblem, SkippedFile } from '../../../shared/model/document';
import { errorShape } from './api-errors';
import { savesAnswered } from './saves-slice';
import type { SliceCreator } from './slice';

export interface DocumentsSlice {
  documents: DocumentSummary[];
  /** Files of the folder that are not documents, with the reason. */
  skipped: SkippedFile[];
  /** Files Gloss could not read or trust. */
  problems: FileProblem[];
  documentsLoaded: boolean;
  documentsError: ApiErrorShape | null;
  /** How far a listing has got reading new files (a first listing of PDFs); null when none is being read. */
  extraction: { done: number; total: number } | null;
  setExtractionProgress(progress: { done: number; total: number }): void;
  selectedKey: string | null;
  loadDocuments(): Promise<void>;
  /** Selects a document and opens it in the reader. */
  selectDocument(key: string): Promise<void>;
  clearDocuments(): void;
  /**
   * Main saw articles change on disk (`keys`; empty: any of them): lists the documents again and
   * reloads the open one if it changed. Reports that come while a refresh waits or runs are
   * folded into one more refresh, never run side by side.
   */
  documentsChangedOnDisk(keys: string[]): void;
}

/** Reports from main come at most every quarter second; this gathers the few that still bunch up. */
const DISK_REFRESH_DELAY_MS = 50;

/**
 * True when the reader shows a document that is no longer in the folder's list (removed or
 * renamed on disk): the reader keeps what it loaded and says so. Memoised on the list and key.
 */
export const selectOpenDocumentMissing = (() => {
  let last: { documents: DocumentSummary[]; key: string | null; missing: boolean } | undefined;
  return (
    state: Pick<DocumentsSlice, 'documents' | 'documentsLoaded'> & { reader: { key: string | null } },
  ) => {
    const { documents, reader } = state;
    if (!state.documentsLoaded || reader.key === null) return false;
    if (last?.documents !== documents || last.key !== reader.key) {
      const key = reader.key;
      last = { documents, key, missing: !documents.some((d) => d.key === key) };
    }
    return last.missing;
  };
})();

const empty = {
  documents: [],
  skipped: [],
  problems: [],
  documentsLoaded: false,
  extraction: null,
  documentsError: null,
  selectedKey: null,
} satisfies Partial<DocumentsSlice>;

export const createDocumentsSlice =
  (client: GlossClient): SliceCreator<DocumentsSlice> =>
  (set, get) => {
    // Keys reported changed and not yet refreshed for; 'all' when a report named none.
    let changedOnDisk: Set<string> | 'all' | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshing = false;

    const refreshFromDisk = async () => {
      refreshTimer = undefined;
      if (refreshing) return;
      refreshing = true;
      try {
        while (changedOnDisk) {
          const changed = changedOnDisk;
          changedOnDisk = undefined;
          await get().loadDocuments();
          // The open document is read again if it changed and is still there; if it is gone, the
          // reader keeps what it has (selectOpenDocumentMissing tells the researcher).
          const { reader, documents } = get();
          const open = reader.key;
          if (
            open !== null &&
            (changed === 'all' || changed.has(open)) &&
            documents.some((d) => d.key === open)
          ) {
            // A change of this screen's still on its way would be missing from what is read now,
            // and vanish from the screen until the next reload.
            await savesAnswered(get);
            await get().openDocument(open);
          }
        }
      } finally {
        refreshing = false;
      }
    };

    return {
      ...empty,
      setExtractionProgress: (progress) =>
        set({ extraction: progress.done < progress.total ? progress : null }),

      async loadDocuments() {
        try {
          const { documents, skipped, problems, renamed } = await client.listDocuments({});
          set({
            documents,
            skipped,
            problems,
            documentsLoaded: true,
            documentsError: null,
            extraction: null,
          });
          // Undo and redo follow renamed articles too, open or not.
          get().followRenames(renamed);
          // The open article was renamed or moved on disk and its annotations went with it: follow it.
          const open = renamed.find((r) => r.from === get().reader.key);
          if (open) {
            set((s) => ({
              selectedKey: s.selectedKey === open.from ? open.to : s.selectedKey,
              reader: {
                ...s.reader,
                key: open.to,
                document: s.reader.document && { ...s.reader.document, key: open.to },
              },
            }));
            await get().openDocument(open.to);
          }
        } catch (error) {
          set({
            ...empty,
            selectedKey: get().selectedKey,
            documentsLoaded: true,
            documentsError: errorShape(error),
          });
        }
      },

      async selectDocument(key) {
        if (key !== get().selectedKey) {
          // A selected annotation or passage belongs to the document it was made in.
          get().selectAnnotation(null);
          get().setPendingSelection(null);
        }
        set({ selectedKey: key });
        await get().openDocument(key);
      },

      clearDocuments() {
        changedOnDisk = undefined;
        clearTimeout(refreshTimer);
        set(empty);
        get().closeDocument();
      },

      documentsChangedOnDisk(keys) {
        if (keys.length === 0 || changedOnDisk === 'all') changedOnDisk = 'all';
        else {
          changedOnDisk ??= new Set();
          for (const key of keys) changedOnDisk.add(key);
        }
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void refreshFromDisk(), DISK_REFRESH_DELAY_MS);
      },
    };
  };
