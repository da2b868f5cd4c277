import type { FigureValue } from './figure';
import type { StakeholderKind } from './vocabulary';

/**
 * What Gloss proposes to tag: a figure the parser read, a mention of a stakeholder of the
 * register, a proper-noun phrase that may be a stakeholder not yet in it, or a search hit the
 * researcher asked to tag with a code. Suggestions are never annotations until the researcher
 * accepts them, and are kept apart from annotations. The first three kinds are computed from the
 * text each time; `search` proposals are stored, since only the researcher's request makes them.
 * Offsets are UTF-16 code units into the document's text, end exclusive.
 */
export interface Suggestion {
  /** The same for the same find in the same text, so a rejection can be remembered. */
  id: string;
  kind: SuggestionKind;
  start: number;
  end: number;
  quote: string;
  /** The code accepting it applies (for a candidate stakeholder: the stakeholder code to use). */
  code: string;
  /** For `stakeholder`: the register entry mentioned. */
  stakeholderId?: string;
  /** For `figure`: the parser's normalised value, which accepting fills in. */
  value?: FigureValue;
  /** For `candidate`: the register entry accepting adds (or finds, if one has that name by then). */
  newStakeholder?: { name: string; kind: StakeholderKind };
  /** For `search`: the query whose hit this is. */
  query?: string;
}

export const SUGGESTION_KINDS = ['figure', 'stakeholder', 'candidate', 'search'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
