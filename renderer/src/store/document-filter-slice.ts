import type { DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import type { GlossState, SliceCreator } from './slice';

export type StatusFilter = DocumentStatus | 'all';

export interface DocumentFilter {
  /** Matched case-insensitively against each document's file name, key and title. */
  text: string;
  status: StatusFilter;
}

export interface DocumentFilterSlice {
  /** Which documents the list shows; `]`/`[` move through the same ones. */
  documentFilter: DocumentFilter;
  setDocumentFilter(changes: Partial<DocumentFilter>): void;
}

export const createDocumentFilterSlice: SliceCreator<DocumentFilterSlice> = (set) => ({
  documentFilter: { text: '', status: 'all' },
  setDocumentFilter: (changes) => set((s) => ({ documentFilter: { ...s.documentFilter, ...changes } })),
});

/** The documents that pass `filter`, in list order. */
export function filterDocuments(
  documents: readonly DocumentSummary[],
  filter: DocumentFilter,
): readonly DocumentSummary[] {
  const needle = filter.text.trim().toLowerCase();
  if (needle === '' && filter.status === 'all') return documents;
  return documents.filter(
    (d) =>
      (filter.status === 'all' || d.status === filter.status) &&
      (needle === '' || searchText(d).includes(needle)),
  );
}

/** Lower-cased key (which holds the file name) and title, made once per summary object. */
const searchTexts = new WeakMap<DocumentSummary, string>();
function searchText(d: DocumentSummary): string {
  let text = searchTexts.get(d);
  if (text === undefined) {
    text = `${d.key}\n${d.title}`.toLowerCase();
    searchTexts.set(d, text);
  }
  return text;
}

let lastDocuments: readonly DocumentSummary[] | undefined;
let lastFilter: DocumentFilter | undefined;
let lastVisible: readonly DocumentSummary[] = [];

/**
 * The documents the list shows, memoised on the store's `documents` and `documentFilter`
 * objects (both replaced on change), so 10,000 documents are filtered once per change.
 */
export function selectVisibleDocuments(state: GlossState): readonly DocumentSummary[] {
  if (state.documents !== lastDocuments || state.documentFilter !== lastFilter) {
    lastDocuments = state.documents;
    lastFilter = state.documentFilter;
    lastVisible = filterDocuments(state.documents, state.documentFilter);
  }
  return lastVisible;
}

/** How many of all documents (whatever the filter) are done. */
export function selectDoneCount(state: GlossState): number {
  let done = 0;
  for (const d of state.documents) if (d.status === 'done') done++;
  return done;
}
