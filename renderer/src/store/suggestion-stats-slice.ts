import type { SuggestionStats } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import type { SliceCreator } from './slice';

export interface SuggestionStatsSlice {
  /** How this annotator has accepted and rejected suggestions so far, by kind, over the project. */
  suggestionStats: Fetched<SuggestionStats>;
  refreshSuggestionStats(): Promise<void>;
}

/** The statistics are the server's, read over the whole project: asked when shown and after decisions, the newest answer winning. */
export const createSuggestionStatsSlice =
  (client: GlossClient): SliceCreator<SuggestionStatsSlice> =>
  (set) => {
    const stats = fetchedAnswer<SuggestionStats, undefined>(
      () => client.suggestionStats({}),
      (changes) => set((s) => ({ suggestionStats: { ...s.suggestionStats, ...changes } })),
    );
    return {
      suggestionStats: NOT_FETCHED,
      refreshSuggestionStats: () => stats.fetch(undefined),
    };
  };
