import type { CorpusSearchResult, SearchHit } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import { errorShape } from './api-errors';
import { newestRequest } from './newest-request';
import { orderHits, type SearchHitOrder } from './search-hit-order';
import type { GlossState, SliceCreator } from './slice';

export interface SearchState {
  /** As typed; searched when the researcher asks (Enter), not at each keystroke. */
  query: string;
  /** Only documents under this folder ("news/"); "" for all. */
  folder: string;
  /** Only documents of these statuses; empty for any. */
  statuses: DocumentStatus[];
  order: SearchHitOrder;
  /** The last answer; kept on screen while a newer one loads. */
  result: CorpusSearchResult | null;
  loading: boolean;
  /** A query refused (its message says what is wrong with it), or a search that failed. */
  error: ApiErrorShape | null;
  /** The search field should take focus once it is drawn (Ctrl/Cmd+Shift+F). */
  focusInput: boolean;
}

export interface SearchSlice {
  search: SearchState;
  setSearchQuery(query: string): void;
  setSearchFilters(filters: Partial<Pick<SearchState, 'folder' | 'statuses'>>): void;
  setSearchOrder(order: SearchHitOrder): void;
  /** Searches the project for the query with the filters; resolves once the newest search is answered. */
  runSearch(): Promise<void>;
  /**
   * Opens the hit's document, makes the hit the passage the palette offers to tag, and asks the
   * reader to bring it into view and flash it.
   */
  openSearchHit(hit: SearchHit): Promise<void>;
  /** Opens the side panel's Search tab with focus in its field. */
  focusSearch(): void;
  searchInputFocused(): void;
  /** Forgets the result (another project was opened). */
  clearSearch(): void;
}

const initial: SearchState = {
  query: '',
  folder: '',
  statuses: [],
  order: 'document',
  result: null,
  loading: false,
  error: null,
  focusInput: false,
};

/**
 * Searches are the server's: the screen shows what the last answer said. One request runs at a
 * time, since a search of a large project reads many texts; searches asked meanwhile are folded
 * into one more request for the newest of them, and an answer to a search no longer wanted is
 * dropped.
 */
export const createSearchSlice =
  (client: GlossClient): SliceCreator<SearchSlice> =>
  (set, get) => {
    const update = (changes: Partial<SearchState>) => set((s) => ({ search: { ...s.search, ...changes } }));
    const searches = newestRequest(
      (request: Parameters<GlossClient['searchCorpus']>[0]) => client.searchCorpus(request),
      {
        answered: (result) => update({ result, loading: false, error: null }),
        failed: (error) => update({ loading: false, error: errorShape(error) }),
      },
    );

    return {
      search: initial,

      setSearchQuery: (query) => update({ query }),
      setSearchFilters: (filters) => update(filters),
      setSearchOrder: (order) => update({ order }),

      async runSearch() {
        const { query, folder, statuses } = get().search;
        if (query.trim() === '') {
          searches.forget();
          update({ result: null, loading: false, error: null });
          return;
        }
        update({ loading: true });
        await searches.ask({
          query,
          ...(folder ? { folder } : {}),
          ...(statuses.length > 0 ? { statuses } : {}),
        });
      },

      async openSearchHit(hit) {
        const { selectedKey, reader } = get();
        if (selectedKey !== hit.key || reader.key !== hit.key || !reader.document) {
          await get().selectDocument(hit.key);
        }
        const { key, document } = get().reader;
        // Another document was chosen meanwhile, or this one could not be opened (the reader says why).
        if (key !== hit.key || !document) return;
        // The article changed on disk since the search: its hits are searched again, not guessed at.
        if (document.text.slice(hit.start, hit.end) !== hit.text) {
          await get().runSearch();
          return;
        }
        const passage = { start: hit.start, end: hit.end, quote: hit.text };
        get().setPendingSelection(passage);
        get().scrollToPassage({ key: hit.key, ...passage });
      },

      focusSearch() {
        get().setSidePanelTab('search');
        update({ focusInput: true });
      },

      searchInputFocused: () => update({ focusInput: false }),

      clearSearch() {
        searches.forget();
        update({ result: null, loading: false, error: null });
      },
    };
  };

/** The last answer's hits in the order chosen; memoised on the result and the order. */
export const selectOrderedHits = (() => {
  let last:
    | { result: CorpusSearchResult | null; order: SearchHitOrder; hits: readonly SearchHit[] }
    | undefined;
  return (state: Pick<GlossState, 'search'>): readonly SearchHit[] => {
    const { result, order } = state.search;
    if (last?.result !== result || last.order !== order) {
      last = { result, order, hits: orderHits(result?.hits ?? [], order) };
    }
    return last.hits;
  };
})();

/** Every folder that holds documents, at any depth ("news/", "news/2024/"), sorted; memoised on the list. */
export const selectDocumentFolders = (() => {
  let last: { documents: readonly DocumentSummary[]; folders: readonly string[] } | undefined;
  return (state: Pick<GlossState, 'documents'>): readonly string[] => {
    if (last?.documents !== state.documents) {
      const folders = new Set<string>();
      for (const { key } of state.documents) {
        for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
          folders.add(key.slice(0, slash + 1));
        }
      }
      last = { documents: state.documents, folders: [...folders].sort() };
    }
    return last.folders;
  };
})();
