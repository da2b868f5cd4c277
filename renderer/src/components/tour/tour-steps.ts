import type { CodeRole } from '../../../../shared/model/vocabulary';

/**
 * The guided tour's steps: what a new researcher does in their first minutes with the sample
 * article, each done when the store shows it done (store/tour-slice.ts), never on a click of
 * "Next". The words name the sample project's codes and keys; on another project they still read.
 */
export const TOUR_STEPS = ['stakeholder', 'concern', 'figure', 'suggestion', 'export'] as const;
export type TourStep = (typeof TOUR_STEPS)[number];

export interface TourStepText {
  title: string;
  /** What to do, one or two sentences. */
  how: string;
}

export const TOUR_TEXT: Record<TourStep, TourStepText> = {
  stakeholder: {
    title: 'Tag a stakeholder',
    how: 'Select a company or a person in the article, “ByteDance” say, with the mouse (or Shift and the arrow keys), press S, then choose its entry in the register or make a new one.',
  },
  concern: {
    title: 'Tag a concern',
    how: 'Select a passage about a concern, such as “national security risk”, and press its code’s key: 1 for Security, 2 for Privacy, 3 for Free expression (the Codes tab shows every key).',
  },
  figure: {
    title: 'Tag a figure',
    how: 'Select “$ 15-30 billion” and press V (Valuation), then give the value: from 15e9 to 30e9, currency USD, and press Enter.',
  },
  suggestion: {
    title: 'Accept a suggestion',
    how: 'Open the Suggestions tab: Gloss proposes figures and names it found in the article. Accept one with its ✓ button (from the article, N selects the next and Enter accepts it).',
  },
  export: {
    title: 'Export the dataset',
    how: 'Click Export… in the header, keep JSON Lines, and press Export: the annotated dataset goes to a new folder under the project’s .gloss/exports/.',
  },
};

/** The step an annotation of a code with this role completes, if any. */
export function stepOfRole(role: CodeRole): TourStep | null {
  return role === 'stakeholder' || role === 'concern' || role === 'figure' ? role : null;
}
