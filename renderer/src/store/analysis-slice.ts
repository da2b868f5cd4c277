import type { CooccurrenceRule } from '../../../shared/analysis/cooccurrence';
import type { CooccurrenceMatrix } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import { newestRequest } from './newest-request';
import type { SliceCreator } from './slice';

/** A cell of the stakeholder × concern matrix: a row (register stakeholder) and a column (concern code). */
export interface MatrixCell {
  stakeholderId: string;
  code: string;
}

/** An answer with what it was asked for, so the screen describes the numbers it shows, not the choice being loaded. */
export interface AnalysisResult {
  matrix: CooccurrenceMatrix;
  /** Only this annotator's work was counted; null: every annotator's. */
  annotator: string | null;
}

export interface AnalysisState {
  rule: CooccurrenceRule;
  /** Only this annotator's work; null for every annotator's. */
  annotator: string | null;
  /** The authors of the passages in the last answer for every annotator: the names the filter offers. */
  authorsSeen: string[];
  /** The last answer; kept on screen while a newer one loads. */
  result: AnalysisResult | null;
  loading: boolean;
  error: ApiErrorShape | null;
  /** The cell whose passages are listed; dropped when a newer answer has no such cell. */
  selectedCell: MatrixCell | null;
}

export interface AnalysisSlice {
  analysis: AnalysisState;
  setAnalysisRule(rule: CooccurrenceRule): Promise<void>;
  setAnalysisAnnotator(annotator: string | null): Promise<void>;
  /** Counts again with the rule and filter chosen; resolves once the newest request is answered. */
  refreshAnalysis(): Promise<void>;
  selectAnalysisCell(cell: MatrixCell | null): void;
  /** Forgets the result and the names seen (another project was opened); the rule chosen stays. */
  clearAnalysis(): void;
}

const initial: AnalysisState = {
  rule: 'paragraph',
  annotator: null,
  authorsSeen: [],
  result: null,
  loading: false,
  error: null,
  selectedCell: null,
};

const hasCell = (matrix: CooccurrenceMatrix, cell: MatrixCell) =>
  matrix.cells.some((c) => c.stakeholderId === cell.stakeholderId && c.code === cell.code);

/**
 * The matrix is the server's, read across the whole project: the screen shows the last answer
 * and counts again only when asked (a new rule or filter, or Refresh), not edit by edit. Each
 * request reads every document, so they go one at a time and the newest choice wins
 * (newest-request.ts).
 */
export const createAnalysisSlice =
  (client: GlossClient): SliceCreator<AnalysisSlice> =>
  (set, get) => {
    const update = (changes: Partial<AnalysisState>) =>
      set((s) => ({ analysis: { ...s.analysis, ...changes } }));
    const matrices = newestRequest(
      ({ rule, annotator }: { rule: CooccurrenceRule; annotator: string | null }) =>
        client.cooccurrenceMatrix({ by: rule, ...(annotator ? { annotator } : {}) }),
      {
        answered(matrix, { annotator }) {
          const { selectedCell, authorsSeen } = get().analysis;
          update({
            result: { matrix, annotator },
            loading: false,
            error: null,
            selectedCell: selectedCell && hasCell(matrix, selectedCell) ? selectedCell : null,
            // One annotator's answer holds only their passages: the others' names stay offered.
            authorsSeen: annotator === null ? authorsOf(matrix) : authorsSeen,
          });
        },
        failed: (error) => update({ loading: false, error: errorShape(error) }),
      },
    );

    return {
      analysis: initial,

      async setAnalysisRule(rule) {
        update({ rule });
        await get().refreshAnalysis();
      },

      async setAnalysisAnnotator(annotator) {
        update({ annotator });
        await get().refreshAnalysis();
      },

      async refreshAnalysis() {
        const { rule, annotator } = get().analysis;
        update({ loading: true });
        await matrices.ask({ rule, annotator });
      },

      selectAnalysisCell: (selectedCell) => update({ selectedCell }),

      clearAnalysis() {
        matrices.forget();
        update({ ...initial, rule: get().analysis.rule });
      },
    };
  };

function authorsOf(matrix: CooccurrenceMatrix): string[] {
  const authors = new Set(matrix.cells.flatMap((cell) => cell.passages.map((p) => p.author)));
  return [...authors].sort((a, b) => a.localeCompare(b));
}
