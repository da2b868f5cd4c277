import type { Annotation } from '../model/annotation';
import type { CodeRole } from '../model/codebook';
import { splitParagraphs } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';

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

interface Span {
  start: number;
  end: number;
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
  const units = rule === 'overlap' ? undefined : unitsOf(text, rule);
  // By the sentences or paragraphs a passage meets, as index ranges: two passages are near when
  // their ranges meet, found by binary search rather than by trying every unit for every pair.
  const near = (mention: Span, concern: Span) => {
    if (!units) return overlaps(mention, concern);
    const a = unitRange(units, mention);
    const b = unitRange(units, concern);
    return a.first <= a.last && b.first <= b.last && a.first <= b.last && b.first <= a.last;
  };
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

function unitsOf(text: string, rule: 'sentence' | 'paragraph'): Span[] {
  const paragraphs = splitParagraphs(text);
  return rule === 'paragraph' ? paragraphs : paragraphs.flatMap(splitSentences);
}

/** The indexes of the first and last units (in text order) a span shares a character with; first > last if none. */
function unitRange(units: readonly Span[], span: Span): { first: number; last: number } {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (units[middle]!.end <= span.start) low = middle + 1;
    else high = middle;
  }
  const first = low;
  high = units.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (units[middle]!.start < span.end) low = middle + 1;
    else high = middle;
  }
  return { first, last: low - 1 };
}

/** Whether two ranges share at least one character; touching ends do not count. */
function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
