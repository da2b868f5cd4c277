/**
 * Which candidate is the quote, in the manner of the Hypothesis client's match-quote: weigh
 * how closely the span matches the quote, how well the text either side matches the stored
 * prefix and suffix, and how near the span is to where the quote was expected.
 */
import type { TextTarget } from '../model/annotation';
import type { Candidate } from './candidates';
import { fold } from './folded-text';
import { similarity } from './similarity';

/** A stored target, folded once for comparing with many candidates. */
export interface Sought {
  target: TextTarget;
  quote: string;
  prefix: string;
  suffix: string;
  /** Length of the folded quote, the measure of how much evidence the quote itself carries. */
  length: number;
  /** Starts the quote's placed neighbours predict for it. */
  expected: readonly number[];
}

export interface Scored extends Candidate {
  /** 0–1 likeness of the span to the quote. */
  quoteMatch: number;
  /** 0–1 likeness of the text before and after the span to the stored prefix and suffix. */
  prefixMatch: number;
  suffixMatch: number;
  /** UTF-16 code units from the nearest expected start. */
  distance: number;
  total: number;
}

/** Context this alike on both sides is taken as the same context, not chance. */
const BOTH_SIDES_AGREE = 0.5;
/** A quote this short is placed only by its context, which must then agree more. */
const SHORT = 3;
const SHORT_BOTH_SIDES_AGREE = 0.75;
/**
 * Context this alike on one side is the stored context itself, give or take a typo: the same
 * passage with an edit on its other side. Chance likeness of English text reaches 0.8.
 */
const VERBATIM = 0.9;
/**
 * A quote this long (a clause, a sentence) is not repeated by chance, so an exact or nearly
 * exact match needs no context; shorter ones may be a name or phrase the article repeats.
 */
export const SELF_EVIDENT_LENGTH = 40;
/** Distance at which proximity has lost half its weight. */
const NEAR = 64;

/**
 * Edits allowed between the quote and an approximate match: one in five characters, so a quote
 * needs five characters before one typo is forgiven. Shorter quotes are placed only by context.
 */
export function maxErrors(quoteLength: number): number {
  return Math.floor(quoteLength / 5);
}

export function sought(target: TextTarget, expected: readonly number[]): Sought {
  const quote = fold(target.quote);
  return {
    target,
    quote,
    prefix: fold(target.prefix),
    suffix: fold(target.suffix),
    length: quote.trim().length,
    expected,
  };
}

export function score(text: string, sought: Sought, candidate: Candidate): Scored {
  const { start, end } = candidate;
  const { target } = sought;
  const quoteMatch = candidate.exact
    ? 1
    : candidate.errors >= 0
      ? 1 - candidate.errors / Math.max(1, sought.length)
      : similarity(sought.quote, fold(text.slice(start, end)));
  // Folded, so re-wrapped or re-quoted context still reads as the same context.
  const before = fold(text.slice(Math.max(0, start - target.prefix.length), start));
  const after = fold(text.slice(end, end + target.suffix.length));
  const prefixMatch = similarity(sought.prefix, before);
  const suffixMatch = similarity(sought.suffix, after);
  let distance = Number.POSITIVE_INFINITY;
  for (const e of sought.expected) distance = Math.min(distance, Math.abs(start - e));
  const proximity = 1 / (1 + distance / NEAR);
  const total = 50 * quoteMatch + 20 * prefixMatch + 20 * suffixMatch + 10 * proximity;
  return { ...candidate, quoteMatch, prefixMatch, suffixMatch, distance, total };
}

/**
 * Whether a candidate may be taken at all. A wrong placement is worse than an orphan, so a
 * candidate must be backed by its context unless the quote is long enough to speak for itself.
 */
export function acceptable(candidate: Scored, quoteLength: number): boolean {
  const { prefixMatch, suffixMatch } = candidate;
  const stronger = Math.max(prefixMatch, suffixMatch);
  const weaker = Math.min(prefixMatch, suffixMatch);
  if (candidate.errors < 0) {
    // Bracketed by the old context: both sides must agree, and the span must resemble the quote.
    return weaker >= 0.75 && (quoteLength <= 3 || candidate.quoteMatch >= 0.5);
  }
  if (candidate.errors === 0) {
    // A quote of a few letters ("of", "UK") says nothing by itself: its context must say it all.
    const bothSides = quoteLength <= SHORT ? SHORT_BOTH_SIDES_AGREE : BOTH_SIDES_AGREE;
    return stronger >= VERBATIM || weaker >= bothSides || quoteLength >= SELF_EVIDENT_LENGTH;
  }
  if (candidate.errors > maxErrors(quoteLength)) return false;
  // An edited quote beside an edit on one side (a sentence inserted before it, say) keeps
  // only the other side's context. That alone would also fit a near-namesake next to a
  // deleted passage, so it must be verbatim and exactly where the neighbours' shifts put it.
  const inPlace = stronger >= VERBATIM && candidate.distance <= maxErrors(quoteLength) + 1;
  return (
    weaker >= BOTH_SIDES_AGREE ||
    inPlace ||
    (quoteLength >= SELF_EVIDENT_LENGTH && candidate.quoteMatch >= 0.9)
  );
}
