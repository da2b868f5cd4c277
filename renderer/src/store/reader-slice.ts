import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { Annotation } from '../../../shared/model/annotation';
import type { Document } from '../../../shared/model/document';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface ReaderState {
  /** The document being shown or loaded; null when the reader is empty. */
  key: string | null;
  document: Document | null;
  /** The document's annotations, by every annotator. Offsets are UTF-16 code units into `document.text`. */
  annotations: Annotation[];
  loading: boolean;
  error: ApiErrorShape | null;
}

export interface ReaderSlice {
  reader: ReaderState;
  openDocument(key: string): Promise<void>;
  closeDocument(): void;
}

const closed: ReaderState = { key: null, document: null, annotations: [], loading: false, error: null };

export const createReaderSlice =
  (client: GlossClient): SliceCreator<ReaderSlice> =>
  (set, get) => ({
    reader: closed,

    async openDocument(key) {
      set((state) => ({
        // Keep showing the same document while it reloads; a different one starts blank.
        reader:
          state.reader.key === key ? { ...state.reader, loading: true } : { ...closed, key, loading: true },
      }));
      try {
        const [document, annotations] = await Promise.all([
          client.getDocument({ key }),
          client.listAnnotations({ key }),
          get().loadRelations(key),
        ]);
        // A later click may have opened another document meanwhile; its answer wins.
        if (get().reader.key === key) {
          set((s) => ({
            reader: { key, document, annotations, loading: false, error: null },
            // The list's count was read before opening, which may have re-attached annotations
            // to a changed text and left some as orphans: the document's own count is the fresher.
            documents: s.documents.map((d) =>
              d.key === key && d.annotationCount !== document.annotationCount
                ? { ...d, annotationCount: document.annotationCount }
                : d,
            ),
          }));
          // After the text: suggestions are extra and must not hold back reading.
          void get().loadSuggestions(key);
        }
      } catch (error) {
        if (get().reader.key === key) set({ reader: { ...closed, key, error: errorShape(error) } });
      }
    },

    closeDocument() {
      set({ reader: closed });
    },
  });
