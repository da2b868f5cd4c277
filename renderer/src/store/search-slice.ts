import type { CorpusSearchResult, SearchHit } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import { errorShape } from './api-errors';
import { newestRequest } from './newest-request';
import type { SearchHitOrder } from './search-hit-order';
import {
  type ConcordanceRow,
  concordanceRows,
  type HitPages,
  pagesToShow,
  SEARCH_PAGE_SIZE,
} from './search-pages';
import type { GlossState, SliceCreator } from './slice';

/** A search as asked: the query and the filters in force. */
export interface SearchRequest {
  query: string;
  folder?: string;
  statuses?: DocumentStatus[];
  insideCode?: string;
  uncoded?: boolean;
}

export interface SearchFilters {
  /** Only documents under this folder ("news/"); "" for all. */
  folder: string;
  /** Only documents of these statuses; empty for any. */
  statuses: DocumentStatus[];
  /** Only hits inside a passage of this code (a group: any of its codes); "" for anywhere. */
  insideCode: string;
  /** Only hits no annotation touches. */
  uncoded: boolean;
}

export interface SearchProgress {
  phase: 'indexing' | 'scanning';
  done: number;
  total: number;
}

export interface SearchState extends SearchFilters {
  /** As typed; searched when the researcher asks (Enter), not at each keystroke. */
  query: string;
  order: SearchHitOrder;
  /** The last answer (its count, documents and first page); kept on screen while a newer one loads. */
  result: CorpusSearchResult | null;
  /** The search `result` answers: its further pages and "Tag all hits" use these filters. */
  asked: SearchRequest | null;
  /** The pages of `result`'s hits loaded so far; page 0 is the first answer's. */
  pages: HitPages;
  loading: boolean;
  /** How far a running search has got, as main reports it. */
  progress: SearchProgress | null;
  /** The last search was stopped (Cancel, Escape): nothing of it is shown. */
  stopped: boolean;
  /** A query refused (its message says what is wrong with it), or a search that failed. */
  error: ApiErrorShape | null;
  /** The search field should take focus once it is drawn (Ctrl/Cmd+Shift+F). */
  focusInput: boolean;
}

export interface SearchSlice {
  search: SearchState;
  setSearchQuery(query: string): void;
  setSearchFilters(filters: Partial<SearchFilters>): void;
  setSearchOrder(order: SearchHitOrder): void;
  /** Searches the project for the query with the filters; resolves once the newest search is answered. */
  runSearch(): Promise<void>;
  /** Loads the result's hits for these rows of the concordance, if not loaded yet. */
  showSearchRows(first: number, last: number): Promise<void>;
  /** Stops the running search; nothing of it stays on screen. */
  cancelSearch(): Promise<void>;
  setSearchProgress(progress: SearchProgress & { query: string }): void;
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

const NO_PAGES: HitPages = {};
const noResult = { result: null, asked: null, pages: NO_PAGES, loading: false, progress: null };

const initial: SearchState = {
  query: '',
  folder: '',
  statuses: [],
  insideCode: '',
  uncoded: false,
  order: 'document',
  ...noResult,
  stopped: false,
  error: null,
  focusInput: false,
};

/**
 * Searches are the server's: the screen shows what the last answer said. One search runs at a
 * time, since a search of a large project reads many texts; searches asked meanwhile are folded
 * into one more request for the newest of them, and an answer to a search no longer wanted is
 * dropped. Hits come a page at a time (the first with the count), further pages as their rows
 * come into view; a page answered for a search no longer shown is dropped.
 */
export const createSearchSlice =
  (client: GlossClient): SliceCreator<SearchSlice> =>
  (set, get) => {
    const update = (changes: Partial<SearchState>) => set((s) => ({ search: { ...s.search, ...changes } }));
    const stopped = () => {
      searches.forget();
      update({ ...noResult, stopped: true, error: null });
    };
    const searches = newestRequest(
      (request: SearchRequest) => client.searchCorpus({ ...request, limit: SEARCH_PAGE_SIZE, offset: 0 }),
      {
        answered: (result, asked) =>
          update({ result, asked, pages: { 0: result.hits }, loading: false, progress: null, error: null }),
        failed: (error) => {
          const shape = errorShape(error);
          if (shape.code === 'cancelled') stopped();
          else update({ loading: false, progress: null, error: shape });
        },
      },
    );
    /** Pages asked for and not answered yet, per search shown. */
    const loading = new WeakMap<SearchRequest, Set<number>>();

    const loadPage = async (asked: SearchRequest, page: number) => {
      const pending = loading.get(asked) ?? new Set<number>();
      loading.set(asked, pending);
      if (pending.has(page)) return;
      pending.add(page);
      try {
        const { hits } = await client.searchCorpus({
          ...asked,
          limit: SEARCH_PAGE_SIZE,
          offset: page * SEARCH_PAGE_SIZE,
        });
        if (get().search.asked === asked) update({ pages: { ...get().search.pages, [page]: hits } });
      } catch (error) {
        // A stopped search says so itself; another failure is shown, and the rows stay empty.
        const shape = errorShape(error);
        if (get().search.asked === asked && shape.code !== 'cancelled') update({ error: shape });
      } finally {
        pending.delete(page);
      }
    };

    return {
      search: initial,

      setSearchQuery: (query) => update({ query }),
      setSearchFilters: (filters) => update(filters),
      setSearchOrder: (order) => update({ order }),

      async runSearch() {
        const { query, folder, statuses, insideCode, uncoded } = get().search;
        if (query.trim() === '') {
          searches.forget();
          update({ ...noResult, stopped: false, error: null });
          return;
        }
        update({ loading: true, progress: null, stopped: false });
        await searches.ask({
          query,
          ...(folder ? { folder } : {}),
          ...(statuses.length > 0 ? { statuses } : {}),
          ...(insideCode ? { insideCode } : {}),
          ...(uncoded ? { uncoded } : {}),
        });
      },

      async showSearchRows(first, last) {
        const { asked, result, pages, order } = get().search;
        if (!asked || !result) return;
        const wanted = pagesToShow({ first, last }, result.total, pages, order);
        await Promise.all(wanted.map((page) => loadPage(asked, page)));
      },

      async cancelSearch() {
        if (!get().search.loading) return;
        // Shown as stopped at once: an answer that comes anyway (the search was ending) is dropped.
        stopped();
        await client.cancelSearch({}).catch(() => undefined);
      },

      setSearchProgress({ query, ...progress }) {
        const { loading, query: typed } = get().search;
        if (loading && query === typed) update({ progress });
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
        update({ ...noResult, stopped: false, error: null });
      },
    };
  };

/** The concordance's rows in the order chosen; memoised on the result, its pages and the order. */
export const selectConcordanceRows = (() => {
  let last:
    | { result: CorpusSearchResult | null; pages: HitPages; order: SearchHitOrder; rows: ConcordanceRow[] }
    | undefined;
  return (state: Pick<GlossState, 'search'>): readonly ConcordanceRow[] => {
    const { result, pages, order } = state.search;
    if (last?.result !== result || last.pages !== pages || last.order !== order) {
      last = { result, pages, order, rows: concordanceRows(result?.total ?? 0, pages, order) };
    }
    return last.rows;
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
