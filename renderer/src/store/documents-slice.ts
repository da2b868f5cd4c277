import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { DocumentSummary, FileProblem, SkippedFile } from '../../../shared/model/document';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface DocumentsSlice {
  documents: DocumentSummary[];
  /** Files of the folder that are not documents, with the reason. */
  skipped: SkippedFile[];
  /** Files Gloss could not read or trust. */
  problems: FileProblem[];
  documentsLoaded: boolean;
  documentsError: ApiErrorShape | null;
  selectedKey: string | null;
  loadDocuments(): Promise<void>;
  /** Selects a document and opens it in the reader. */
  selectDocument(key: string): Promise<void>;
  clearDocuments(): void;
}

const empty = {
  documents: [],
  skipped: [],
  problems: [],
  documentsLoaded: false,
  documentsError: null,
  selectedKey: null,
} satisfies Partial<DocumentsSlice>;

export const createDocumentsSlice =
  (client: GlossClient): SliceCreator<DocumentsSlice> =>
  (set, get) => ({
    ...empty,

    async loadDocuments() {
      try {
        const { documents, skipped, problems } = await client.listDocuments({});
        set({ documents, skipped, problems, documentsLoaded: true, documentsError: null });
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
      set(empty);
      get().closeDocument();
    },
  });
