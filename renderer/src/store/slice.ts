import type { StateCreator } from 'zustand';
import type { AnalysisSlice } from './analysis-slice';
import type { AnalysisViewsSlice } from './analysis-views-slice';
import type { AnnotationsSlice } from './annotations-slice';
import type { CodebookSlice } from './codebook-slice';
import type { CodingQuerySlice } from './coding-query-slice';
import type { CurationSlice } from './curation-slice';
import type { DocumentFilterSlice } from './document-filter-slice';
import type { DocumentsSlice } from './documents-slice';
import type { ExportSlice } from './export-slice';
import type { HistorySlice } from './history-slice';
import type { IdentitySlice } from './identity-slice';
import type { ImportSlice } from './import-slice';
import type { OrphansSlice } from './orphans-slice';
import type { ProjectSlice } from './project-slice';
import type { ReaderSlice } from './reader-slice';
import type { ReaderViewsSlice } from './reader-views-slice';
import type { ReadingPlaceSlice } from './reading-place-slice';
import type { RelationsSlice } from './relations-slice';
import type { ReviewQueueSlice } from './review-queue-slice';
import type { SavesSlice } from './saves-slice';
import type { SearchProposalsSlice } from './search-proposals-slice';
import type { SearchSlice } from './search-slice';
import type { StakeholderPageSlice } from './stakeholder-page-slice';
import type { SuggestionRulesSlice } from './suggestion-rules-slice';
import type { SuggestionStatsSlice } from './suggestion-stats-slice';
import type { SuggestionsSlice } from './suggestions-slice';
import type { TimelineSlice } from './timeline-slice';
import type { TourSlice } from './tour-slice';
import type { UiSlice } from './ui-slice';

/** The whole screen state: one store made of slices, each owning its part and its actions. */
export type GlossState = ProjectSlice &
  IdentitySlice &
  DocumentsSlice &
  DocumentFilterSlice &
  ReaderSlice &
  ReaderViewsSlice &
  ReadingPlaceSlice &
  AnnotationsSlice &
  OrphansSlice &
  RelationsSlice &
  CodebookSlice &
  StakeholderPageSlice &
  SuggestionsSlice &
  SuggestionStatsSlice &
  SuggestionRulesSlice &
  ReviewQueueSlice &
  SearchSlice &
  SearchProposalsSlice &
  AnalysisSlice &
  AnalysisViewsSlice &
  CodingQuerySlice &
  CurationSlice &
  TimelineSlice &
  TourSlice &
  ExportSlice &
  ImportSlice &
  SavesSlice &
  HistorySlice &
  UiSlice;

/** A slice sees the whole state through `get`, so its actions can call other slices' actions. */
export type SliceCreator<Slice> = StateCreator<GlossState, [], [], Slice>;
