import { splitsSurrogatePair } from '../../../../shared/text/offsets';

/** How many UTF-16 units of context a TextQuoteSelector keeps either side (as shared/text/quote.ts does). */
const CONTEXT_LENGTH = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * The quote and context of [start, end) of `text` (UTF-16 offsets), taken from the text itself
 * rather than the annotation's stored context, and never cutting an emoji in half: a lone
 * surrogate would reach Python as an unpaired "\ud83d".
 */
export function textQuote(text: string, start: number, end: number): TextQuote {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

/**
 * Finds a quote again in `text`, for a TextPositionSelector that no longer fits it. Of all the
 * places `exact` occurs, the one whose surroundings agree longest with `prefix` (read backwards)
 * and `suffix` wins; ties go to the one nearest `near` (the old position, UTF-16). Returns UTF-16
 * offsets, or undefined when the quote is not in the text at all.
 */
export function findQuote(
  text: string,
  quote: TextQuote,
  near: number,
): { start: number; end: number } | undefined {
  if (quote.exact === '') return undefined;
  let best: { start: number; score: number; distance: number } | undefined;
  for (let at = text.indexOf(quote.exact); at >= 0; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      agreementBefore(text, at, quote.prefix) + agreementAfter(text, at + quote.exact.length, quote.suffix);
    const distance = Math.abs(at - near);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: at, score, distance };
    }
  }
  return best && { start: best.start, end: best.start + quote.exact.length };
}

/** How many characters of `text` just before `at` agree with the end of `prefix`. */
function agreementBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < at && n < prefix.length && text[at - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters of `text` from `at` agree with the start of `suffix`. */
function agreementAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (at + n < text.length && n < suffix.length && text[at + n] === suffix[n]) n++;
  return n;
}
