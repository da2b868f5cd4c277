import type { ApiEvents, ProposedSearchTags, SearchHit, SearchProposalCounts } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

/** What "Tag…" in the Search tab is about to propose while the researcher chooses the code. */
export type SearchTagScope = { scope: 'all' } | { scope: 'hit'; hit: SearchHit };

export interface SearchProposalsState {
  choosing: SearchTagScope | null;
  proposing: boolean;
  /** How far the proposing has got, as main last said; null before its first report. */
  progress: ApiEvents['proposalProgress'] | null;
  /** What the last proposal did, and with which code. */
  outcome: (ProposedSearchTags & { code: string }) | null;
  error: ApiErrorShape | null;
  /** This annotator's proposals waiting for review, per document, as last counted. */
  waiting: SearchProposalCounts | null;
}

export interface SearchProposalsSlice {
  searchProposals: SearchProposalsState;
  chooseSearchTag(scope: SearchTagScope | null): void;
  /**
   * Proposes tagging the hit, or every hit of the search shown (with its filters), with `code`:
   * suggestions to review, nothing tagged.
   */
  proposeSearchTags(code: string): Promise<void>;
  /** Main's report of a proposing in progress (ignored once it has answered). */
  setProposalProgress(progress: ApiEvents['proposalProgress']): void;
  /** Counts the proposals waiting, per document. */
  loadSearchProposals(): Promise<void>;
  /** `delta` proposals more (or fewer) wait in a document: reviewed, or taken back by undo. */
  countSearchProposals(key: string, delta: number): void;
  /** The Suggestions tab, on a document with proposals waiting (the open one if it has any). */
  reviewSearchProposals(): Promise<void>;
  /** Forgets what was proposed and counted (another project was opened). */
  clearSearchProposals(): void;
}

const initial: SearchProposalsState = {
  choosing: null,
  proposing: false,
  progress: null,
  outcome: null,
  error: null,
  waiting: null,
};

/**
 * Proposals are the server's: proposing waits for its answer, then the screen says how many
 * were proposed where. Proposing is not an undoable step, since it changes no data: each
 * proposal's review (accept, reject) is, in the Suggestions tab.
 */
export const createSearchProposalsSlice =
  (client: GlossClient): SliceCreator<SearchProposalsSlice> =>
  (set, get) => {
    const update = (changes: Partial<SearchProposalsState>) =>
      set((s) => ({ searchProposals: { ...s.searchProposals, ...changes } }));
    return {
      searchProposals: initial,

      chooseSearchTag: (choosing) => update({ choosing, error: null }),

      setProposalProgress(progress) {
        if (get().searchProposals.proposing) update({ progress });
      },

      async proposeSearchTags(code) {
        const { choosing } = get().searchProposals;
        const asked = get().search.asked;
        if (!choosing || !asked) return;
        update({ proposing: true, progress: null, error: null });
        try {
          const outcome = await client.proposeSearchTags(
            choosing.scope === 'all'
              ? { code, search: asked }
              : {
                  code,
                  query: asked.query,
                  hits: [{ key: choosing.hit.key, start: choosing.hit.start, end: choosing.hit.end }],
                },
          );
          update({ proposing: false, progress: null, choosing: null, outcome: { ...outcome, code } });
        } catch (error) {
          update({ proposing: false, progress: null, error: errorShape(error) });
          return;
        }
        const open = get().reader.key;
        if (open && get().suggestions.key === open) await get().loadSuggestions(open);
        await get().loadSearchProposals();
      },

      async loadSearchProposals() {
        try {
          update({ waiting: await client.searchProposals({}) });
        } catch {
          // Counting is a convenience: the documents' own lists still show every proposal.
        }
      },

      countSearchProposals(key, delta) {
        const { waiting } = get().searchProposals;
        if (delta === 0 || !waiting) return;
        const documents = waiting.documents.filter((d) => d.key !== key);
        const before = waiting.documents.find((d) => d.key === key);
        const count = Math.max(0, (before?.count ?? 0) + delta);
        if (count > 0) documents.push({ key, count, queries: before?.queries ?? [] });
        documents.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
        update({ waiting: { total: documents.reduce((sum, d) => sum + d.count, 0), documents } });
      },

      async reviewSearchProposals() {
        get().setSidePanelTab('suggestions');
        await get().loadSearchProposals();
        const waiting = get().searchProposals.waiting?.documents ?? [];
        const open = get().reader.key;
        const first = waiting[0]?.key;
        if (first && !waiting.some((d) => d.key === open)) await get().selectDocument(first);
      },

      clearSearchProposals: () => set({ searchProposals: initial }),
    };
  };
