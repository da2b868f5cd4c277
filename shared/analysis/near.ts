import { splitParagraphs } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';
import type { CooccurrenceRule } from './cooccurrence';

interface Span {
  start: number;
  end: number;
}

/**
 * Whether two passages of one text are near by a rule (cooccurrence.ts says what each means).
 * Made once per text: its sentences or paragraphs are split once, and each pair is answered by
 * binary search over them.
 */
export function nearness(text: string, rule: CooccurrenceRule): (a: Span, b: Span) => boolean {
  if (rule === 'overlap') return overlaps;
  const paragraphs = splitParagraphs(text);
  const units = rule === 'paragraph' ? paragraphs : paragraphs.flatMap(splitSentences);
  return (a, b) => {
    const x = unitRange(units, a);
    const y = unitRange(units, b);
    return x.first <= x.last && y.first <= y.last && x.first <= y.last && y.first <= x.last;
  };
}

/** The sentence a passage starts in, for showing it in context. */
export function sentenceAround(text: string, passage: Span): Span {
  for (const paragraph of splitParagraphs(text)) {
    if (paragraph.end <= passage.start) continue;
    for (const sentence of splitSentences(paragraph)) if (sentence.end > passage.start) return sentence;
    return paragraph;
  }
  return passage;
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
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
