import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { Annotation } from '../../../shared/model/annotation';
import type { Document } from '../../../shared/model/document';
import type { Relation } from '../../../shared/model/relation';
import { errorShape } from './api-errors';
import { savesAnswered } from './saves-slice';
import type { SliceCreator } from './slice';

export interface ReaderState {
  /** The document being shown or loaded; null when the reader is empty. */
  key: string | null;
  document: Document | null;
  /** The document's annotations, by every annotator. Offsets are UTF-16 code units into `document.text`. */
  annotations: Annotation[];
  /** Its relations, by every annotator, between annotations placed in the text. */
  relations: Relation[];
  loading: boolean;
  error: ApiErrorShape | null;
}

export interface ReaderSlice {
  reader: ReaderState;
  openDocument(key: string): Promise<void>;
  closeDocument(): void;
}

/** Readings of a reloading document before the screen keeps what it shows (changes kept coming). */
const MAX_READINGS = 5;

const closed: ReaderState = {
  key: null,
  document: null,
  annotations: [],
  relations: [],
  loading: false,
  error: null,
};

export const createReaderSlice =
  (client: GlossClient): SliceCreator<ReaderSlice> =>
  (set, get) => ({
    reader: closed,

    async openDocument(key) {
      const reloading = get().reader.key === key;
      // A reload made while saves are on their way may be one made by a save (a code deleted,
      // stakeholders merged), which cannot wait for the saves queued behind its own: it shows what
      // it reads. Reloads for changes on disk start once the screen's saves are answered.
      const savesOnTheirWay = get().savesPending > 0;
      set((state) => ({
        // Keep showing the same document while it reloads; a different one starts blank.
        reader: reloading ? { ...state.reader, loading: true } : { ...closed, key, loading: true },
      }));
      try {
        let document: Document;
        let annotations: Annotation[];
        let relations: Relation[];
        for (let reading = 1; ; reading++) {
          const savesBefore = get().savesStarted;
          // One request, one read of each file: text, annotations and relations agree with each other.
          ({ document, annotations, relations } = await client.openDocument({ key }));
          // A change made on screen while a reload was read (a tag, a status) may be missing from
          // what was read, and showing that would take it back: read again once it is saved.
          // Someone working on through many readings has the last word on screen meanwhile.
          const changedMeanwhile = get().savesStarted !== savesBefore;
          if (!reloading || savesOnTheirWay || !changedMeanwhile || get().reader.key !== key) break;
          if (reading === MAX_READINGS) {
            set((s) => ({ reader: { ...s.reader, loading: false } }));
            return;
          }
          await savesAnswered(get);
        }
        // A later click may have opened another document meanwhile; its answer wins.
        if (get().reader.key === key) {
          set((s) => ({
            reader: { key, document, annotations, relations, loading: false, error: null },
            relationsError: null,
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
