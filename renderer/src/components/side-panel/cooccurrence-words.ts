import type { CooccurrenceRule } from '../../../../shared/analysis/cooccurrence';

/** The rule select's choices, finishing "Count concerns near a stakeholder by …". */
export const RULE_CHOICES: Record<CooccurrenceRule, string> = {
  overlap: 'overlapping passages',
  sentence: 'the same sentence',
  paragraph: 'the same paragraph',
};

/** What a number of the matrix counts, as shown under it (shared/analysis/cooccurrence.ts defines it). */
export const RULE_SENTENCES: Record<CooccurrenceRule, string> = {
  overlap: 'Concern passages that overlap a mention of the stakeholder',
  sentence: 'Concern passages in the same sentence as a mention of the stakeholder',
  paragraph: 'Concern passages in the same paragraph as a mention of the stakeholder',
};

export function passagesCount(count: number): string {
  return count === 1 ? '1 passage' : `${count} passages`;
}

/** A cell's name, the same on its button and over its list: "TikTok and Privacy: 3 passages". */
export function cellName(stakeholder: string, code: string, count: number): string {
  return `${stakeholder} and ${code}: ${passagesCount(count)}`;
}
