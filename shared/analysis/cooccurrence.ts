import type { CodeRole } from '../model/codebook';
import type { AnalysedAnnotation } from './analysed-annotation';
import { nearSpans, type TextUnits } from './near';

/**
 * How near a concern passage must be to a stakeholder's mention to count for both:
 * - `overlap`: the two passages share at least one character;
 * - `sentence`: some sentence holds part of each;
 * - `paragraph`: some paragraph holds part of each.
 */
export const COOCCURRENCE_RULES = ['overlap', 'sentence', 'paragraph'] as const;
export type CooccurrenceRule = (typeof COOCCURRENCE_RULES)[number];

/** One concern passage counted for one stakeholder. */
export interface Cooccurrence<A extends AnalysedAnnotation = AnalysedAnnotation> {
  stakeholderId: string;
  /** The concern annotation. */
  concern: A;
}

/**
 * The stakeholder × concern pairs of one document: each concern annotation once for each
 * register stakeholder with a mention near it by `rule`, whatever the number of such mentions.
 * Mentions are annotations of a stakeholder code that name a register entry; concerns are
 * annotations of a concern code (by `roles`). Offsets are UTF-16 code units, end exclusive.
 * The text (or its units) is looked at only when `pairsToWeigh` says so.
 */
export function cooccurrences<A extends AnalysedAnnotation>(
  of: string | TextUnits,
  annotations: readonly A[],
  roles: ReadonlyMap<string, CodeRole>,
  rule: CooccurrenceRule,
): Cooccurrence<A>[] {
  const mentions: A[] = [];
  const concerns: A[] = [];
  for (const a of annotations) {
    const role = roles.get(a.code);
    if (role === 'stakeholder' && a.stakeholderId) mentions.push(a);
    else if (role === 'concern') concerns.push(a);
  }
  if (mentions.length === 0 || concerns.length === 0) return [];
  const near = nearSpans(
    of,
    rule,
    mentions.map((m) => m.target),
  );
  const found: Cooccurrence<A>[] = [];
  for (const concern of concerns) {
    const stakeholders = new Set<string>();
    for (const i of near(concern.target)) stakeholders.add(mentions[i]!.stakeholderId!);
    for (const stakeholderId of stakeholders) found.push({ stakeholderId, concern });
  }
  return found;
}

/** Whether a document has both a mention of a register entry and a concern: only then is its text looked at. */
export function pairsToWeigh(
  annotations: readonly AnalysedAnnotation[],
  roles: ReadonlyMap<string, CodeRole>,
): boolean {
  return (
    annotations.some((a) => roles.get(a.code) === 'stakeholder' && a.stakeholderId) &&
    annotations.some((a) => roles.get(a.code) === 'concern')
  );
}
