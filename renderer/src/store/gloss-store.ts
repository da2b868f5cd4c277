import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GlossClient } from '../../../shared/api-client';
import { memoryReaderViews, type ReaderViewMemory } from '../reader/reader-view-memory';
import { memoryReadingPlaces, type ReadingPlaces } from '../reader/reading-place';
import { createAnalysisSlice } from './analysis-slice';
import { createAnalysisViewsSlice } from './analysis-views-slice';
import { createAnnotationsSlice } from './annotations-slice';
import { createCodebookSlice } from './codebook-slice';
import { createCodingQuerySlice } from './coding-query-slice';
import { createCurationSlice } from './curation-slice';
import { createDocumentFilterSlice } from './document-filter-slice';
import { createDocumentsSlice } from './documents-slice';
import { createExportSlice } from './export-slice';
import { createHistorySlice } from './history-slice';
import { createIdentitySlice } from './identity-slice';
import { createImportSlice } from './import-slice';
import { createOrphansSlice } from './orphans-slice';
import { createProjectSlice } from './project-slice';
import { createReaderSlice } from './reader-slice';
import { createReaderViewsSlice, restoreReaderViewPerProject } from './reader-views-slice';
import { createReadingPlaceSlice } from './reading-place-slice';
import { createRelationsSlice } from './relations-slice';
import { createReviewQueueSlice, followReviewQueue } from './review-queue-slice';
import { createSavesSlice } from './saves-slice';
import { createSearchProposalsSlice } from './search-proposals-slice';
import { createSearchSlice } from './search-slice';
import type { GlossState } from './slice';
import { createStakeholderPageSlice } from './stakeholder-page-slice';
import { createSuggestionRulesSlice } from './suggestion-rules-slice';
import { createSuggestionStatsSlice } from './suggestion-stats-slice';
import { createSuggestionsSlice } from './suggestions-slice';
import { createTimelineSlice } from './timeline-slice';
import { createTourSlice, followTour } from './tour-slice';
import { createUiSlice } from './ui-slice';

export type GlossStore = StoreApi<GlossState>;

export interface GlossStoreOptions {
  /** Where reading places are remembered: the page's localStorage in the app, this store only by default. */
  readingPlaces?: ReadingPlaces;
  /** Where the reader's view is remembered per project: as reading places are. */
  readerViews?: ReaderViewMemory;
}

/** The screens' store over one API client (over any transport; tests use the in-process one). */
export function createGlossStore(client: GlossClient, options: GlossStoreOptions = {}): GlossStore {
  const store = createStore<GlossState>()((...slice) => ({
    ...createProjectSlice(client)(...slice),
    ...createIdentitySlice(client)(...slice),
    ...createDocumentsSlice(client)(...slice),
    ...createDocumentFilterSlice(...slice),
    ...createReaderSlice(client)(...slice),
    ...createReadingPlaceSlice(options.readingPlaces ?? memoryReadingPlaces())(...slice),
    ...createReaderViewsSlice(options.readerViews ?? memoryReaderViews())(...slice),
    ...createAnnotationsSlice(client)(...slice),
    ...createOrphansSlice(client)(...slice),
    ...createRelationsSlice(client)(...slice),
    ...createCodebookSlice(client)(...slice),
    ...createStakeholderPageSlice(client)(...slice),
    ...createSuggestionsSlice(client)(...slice),
    ...createSuggestionStatsSlice(client)(...slice),
    ...createSuggestionRulesSlice(client)(...slice),
    ...createReviewQueueSlice(client)(...slice),
    ...createSearchSlice(client)(...slice),
    ...createSearchProposalsSlice(client)(...slice),
    ...createAnalysisSlice(client)(...slice),
    ...createAnalysisViewsSlice(client)(...slice),
    ...createCodingQuerySlice(client)(...slice),
    ...createCurationSlice(client)(...slice),
    ...createTimelineSlice(client)(...slice),
    ...createTourSlice(...slice),
    ...createExportSlice(client)(...slice),
    ...createImportSlice(client)(...slice),
    ...createSavesSlice(...slice),
    ...createHistorySlice(...slice),
    ...createUiSlice(...slice),
  }));
  restoreReaderViewPerProject(store);
  followTour(store);
  followReviewQueue(store);
  return store;
}

/**
 * Loads everything, and again whenever main says another project was opened; follows articles
 * changing on disk. Returns the stop function.
 */
export function connectStore(store: GlossStore, client: GlossClient): () => void {
  void store.getState().reload();
  // A .qdpx Gloss was started on waits in main for the Import dialog.
  void store.getState().takeOfferedImport();
  return client.subscribe((event) => {
    if (event.type === 'projectOpened') {
      store.getState().clearHistory();
      store.getState().clearSearch();
      store.getState().clearSearchProposals();
      store.getState().clearAnalysis();
      store.getState().clearAnalysisViews();
      store.getState().clearCodingQuery();
      store.getState().clearCuration();
      store.getState().clearTimeline();
      void store.getState().reload();
    } else if (event.type === 'importOffered') {
      void store.getState().takeOfferedImport();
    } else if (event.type === 'extractionProgress') {
      store.getState().setExtractionProgress(event.payload);
    } else if (event.type === 'exportProgress') {
      store.getState().setExportProgress(event.payload);
    } else if (event.type === 'searchProgress') {
      store.getState().setSearchProgress(event.payload);
    } else if (event.type === 'proposalProgress') {
      store.getState().setProposalProgress(event.payload);
    } else if (event.type === 'suggestionJob') {
      store.getState().setSuggestionJob(event.payload);
    } else if (event.type === 'documentsChanged') {
      store.getState().documentsChangedOnDisk(event.payload.keys);
    } else if (event.type === 'menuCommand') {
      const { command } = event.payload;
      if (command === 'undo' || command === 'redo') void store.getState()[command]();
      else if (command === 'tour') store.getState().startTour();
      else if (command === 'shortcuts') store.getState().setHelpOpen(true);
      else store.getState().setOpenDialog(command);
    }
  });
}
