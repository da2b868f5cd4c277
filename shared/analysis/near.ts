import { splitParagraphs } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';
import type { CooccurrenceRule } from './cooccurrence';

interface Span {
  start: number;
  end: number;
}

/**
 * What the rules need of a text: where its paragraphs and sentences are, as flat
 * [start, end, start, end…] pairs in text order (UTF-16 code units, end exclusive). Each sentence
 * lies inside one paragraph. Small enough to keep for every document of a project, so the rules
 * can be answered without reading the text again (main/analysis/text-units-cache.ts).
 */
export interface TextUnits {
  paragraphs: Uint32Array;
  sentences: Uint32Array;
}

/** The units of a text with none, for a rule that needs no units (overlap) or a document with nothing to weigh. */
export const NO_UNITS: TextUnits = { paragraphs: new Uint32Array(0), sentences: new Uint32Array(0) };

/** A text's paragraphs (paragraphs.ts) and their sentences (sentences.ts). */
export function textUnits(text: string): TextUnits {
  const paragraphs = splitParagraphs(text);
  return { paragraphs: flat(paragraphs), sentences: flat(paragraphs.flatMap(splitSentences)) };
}

function flat(spans: readonly Span[]): Uint32Array {
  const pairs = new Uint32Array(spans.length * 2);
  spans.forEach((span, i) => {
    pairs[2 * i] = span.start;
    pairs[2 * i + 1] = span.end;
  });
  return pairs;
}

/** Up to this many passages are tested one by one rather than sorted (nearSpans). */
const FEW = 16;

/**
 * Which of many passages of one text are near a passage by a rule (cooccurrence.ts says what
 * each means): the same as testing each pair, but the passages are sorted once and each question
 * walks back only over those that can reach it, so a document with thousands of mentions and
 * concerns is answered in about the time it takes to list the pairs that are near. Made from the
 * text or its units already split (a text given as such is split once, into paragraphs only for
 * the paragraph rule). Answers indexes into `spans`, ascending.
 */
export function nearSpans(
  of: string | TextUnits,
  rule: CooccurrenceRule,
  spans: readonly Span[],
): (span: Span) => number[] {
  // Each span as a half-open interval [low, high): characters, or the units it shares a character with.
  let interval: (span: Span) => { low: number; high: number };
  if (rule === 'overlap') interval = (span) => ({ low: span.start, high: span.end });
  else {
    const units =
      typeof of !== 'string'
        ? rule === 'paragraph'
          ? of.paragraphs
          : of.sentences
        : rule === 'paragraph'
          ? flat(splitParagraphs(of))
          : textUnits(of).sentences;
    interval = (span) => {
      const { first, last } = unitRange(units, span);
      return { low: first, high: last + 1 };
    };
  }
  // A span in no unit (in the blank between paragraphs) is near nothing; a passage of no length
  // inside another still overlaps it, as overlaps() says.
  const empty = (i: { low: number; high: number }) => rule !== 'overlap' && i.low >= i.high;
  const intervals = spans.map(interval);
  // A few passages (most documents) are quicker tested in turn than sorted.
  if (spans.length <= FEW) {
    return (span) => {
      const q = interval(span);
      const near: number[] = [];
      if (empty(q)) return near;
      intervals.forEach((i, index) => {
        if (!empty(i) && i.low < q.high && q.low < i.high) near.push(index);
      });
      return near;
    };
  }
  const sorted = intervals
    .map((i, index) => ({ index, ...i }))
    .filter((i) => !empty(i))
    .sort((a, b) => a.low - b.low || a.index - b.index);
  const reach: number[] = [];
  for (const [i, item] of sorted.entries())
    reach.push(Math.max(item.high, i > 0 ? reach[i - 1]! : -Infinity));
  return (span) => {
    const q = interval(span);
    if (empty(q)) return [];
    // The spans starting before q ends; of those, walking back, the ones ending after q starts,
    // until no span further back reaches that far.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.low < q.high) low = middle + 1;
      else high = middle;
    }
    const near: number[] = [];
    for (let i = low - 1; i >= 0 && reach[i]! > q.low; i--)
      if (sorted[i]!.high > q.low) near.push(sorted[i]!.index);
    return near.sort((a, b) => a - b);
  };
}

/** The sentence a passage starts in, for showing it in context: else its paragraph, else the passage itself. */
export function sentenceAround(of: string | TextUnits, passage: Span): Span {
  const { paragraphs, sentences } = typeof of === 'string' ? textUnits(of) : of;
  // The first paragraph ending after the passage's start, then its first sentence doing so.
  // Every paragraph before it (and so every sentence) ends at or before that start.
  const p = firstEndingAfter(paragraphs, passage.start);
  if (p === paragraphs.length / 2) return passage;
  const paragraph = { start: paragraphs[2 * p]!, end: paragraphs[2 * p + 1]! };
  const s = firstEndingAfter(sentences, passage.start);
  const inParagraph = s < sentences.length / 2 && sentences[2 * s]! < paragraph.end;
  return inParagraph ? { start: sentences[2 * s]!, end: sentences[2 * s + 1]! } : paragraph;
}

/** The index of the first [start, end] pair whose end is past `offset` (pairs in text order). */
function firstEndingAfter(pairs: Uint32Array, offset: number): number {
  let low = 0;
  let high = pairs.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pairs[2 * middle + 1]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The indexes of the first and last units (in text order) a span shares a character with; first > last if none. */
function unitRange(units: Uint32Array, span: Span): { first: number; last: number } {
  const first = firstEndingAfter(units, span.start);
  let low = first;
  let high = units.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (units[2 * middle]! < span.end) low = middle + 1;
    else high = middle;
  }
  return { first, last: low - 1 };
}

/** Whether two ranges share at least one character; touching ends do not count. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
