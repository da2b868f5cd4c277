import type { Annotation } from '../model/annotation';
import type { CodeRole } from '../model/codebook';
import { nearness } from './near';

/**
 * How near a concern passage must be to a stakeholder's mention to count for both:
 * - `overlap`: the two passages share at least one character;
 * - `sentence`: some sentence holds part of each;
 * - `paragraph`: some paragraph holds part of each.
 */
export const COOCCURRENCE_RULES = ['overlap', 'sentence', 'paragraph'] as const;
export type CooccurrenceRule = (typeof COOCCURRENCE_RULES)[number];

/** One concern passage counted for one stakeholder. */
export interface Cooccurrence {
  stakeholderId: string;
  /** The concern annotation. */
  concern: Annotation;
}

/**
 * The stakeholder × concern pairs of one document: each concern annotation once for each
 * register stakeholder with a mention near it by `rule`, whatever the number of such mentions.
 * Mentions are annotations of a stakeholder code that name a register entry; concerns are
 * annotations of a concern code (by `roles`). Offsets are UTF-16 code units, end exclusive.
 */
export function cooccurrences(
  text: string,
  annotations: readonly Annotation[],
  roles: ReadonlyMap<string, CodeRole>,
  rule: CooccurrenceRule,
): Cooccurrence[] {
  const mentions = annotations.filter((a) => roles.get(a.code) === 'stakeholder' && a.stakeholderId);
  const concerns = annotations.filter((a) => roles.get(a.code) === 'concern');
  if (mentions.length === 0 || concerns.length === 0) return [];
  const near = nearness(text, rule);
  const found: Cooccurrence[] = [];
  for (const concern of concerns) {
    const stakeholders = new Set<string>();
    for (const mention of mentions) {
      if (near(mention.target, concern.target)) stakeholders.add(mention.stakeholderId!);
    }
    for (const stakeholderId of stakeholders) found.push({ stakeholderId, concern });
  }
  return found;
}
