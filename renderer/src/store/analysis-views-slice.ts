import { codePointOffsets } from '../../../shared/analysis/code-point-offsets';
import { figuresCsv, namedFigures } from '../../../shared/analysis/figures-report';
import type { CodeFrequencies, FiguresTable } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import { type AgreementSlice, createAgreementSlice } from './agreement-slice';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import type { SliceCreator } from './slice';

/** The Analysis tab's views, in the order of its switcher. */
export const ANALYSIS_VIEWS = ['matrix', 'query', 'frequencies', 'figures', 'timeline', 'agreement'] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

export interface AnalysisViewsSlice extends AgreementSlice {
  analysisView: AnalysisView;
  setAnalysisView(view: AnalysisView): void;
  frequencies: Fetched<CodeFrequencies>;
  /** Counts again; resolves once the newest request is answered. */
  refreshFrequencies(): Promise<void>;
  figures: Fetched<FiguresTable>;
  refreshFigures(): Promise<void>;
  /** The figures as `gloss analyse --figures --csv` writes them (offsets in code points, read from each document). */
  figuresCsvText(): Promise<string>;
  /** Forgets the answers (another project was opened); the view chosen stays. */
  clearAnalysisViews(): void;
}

/**
 * The frequencies and the figures table are the server's, read across the whole project: each
 * view shows the last answer and asks again only when first shown with none, or on its Refresh,
 * not edit by edit. Requests go one at a time and the newest wins.
 */
export const createAnalysisViewsSlice =
  (client: GlossClient): SliceCreator<AnalysisViewsSlice> =>
  (set, get, store) => {
    const frequencies = fetchedAnswer<CodeFrequencies, undefined>(
      () => client.codeFrequencies({}),
      (changes) => set((s) => ({ frequencies: { ...s.frequencies, ...changes } })),
    );
    const figures = fetchedAnswer<FiguresTable, undefined>(
      () => client.figuresTable({}),
      (changes) => set((s) => ({ figures: { ...s.figures, ...changes } })),
    );
    return {
      // The Agreement view's part (agreement-slice.ts) comes with the views it is one of.
      ...createAgreementSlice(client)(set, get, store),
      analysisView: 'matrix',
      setAnalysisView: (analysisView) => set({ analysisView }),
      frequencies: NOT_FETCHED,
      refreshFrequencies: () => frequencies.fetch(undefined),
      figures: NOT_FETCHED,
      refreshFigures: () => figures.fetch(undefined),
      async figuresCsvText() {
        const { figures: table, project } = get();
        if (!table.answer || !project) return '';
        const report = await namedFigures(
          table.answer,
          project.codebook,
          project.stakeholders,
          codePointOffsets(client),
        );
        return figuresCsv(report);
      },
      clearAnalysisViews() {
        frequencies.forget();
        figures.forget();
        set({ frequencies: NOT_FETCHED, figures: NOT_FETCHED });
        get().clearAgreement();
      },
    };
  };
