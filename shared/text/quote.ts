import type { TextTarget } from '../model/annotation';
import { splitsSurrogatePair } from './offsets';

/** How much context is kept either side of a quote to find it again after the text changes. */
export const CONTEXT_LENGTH = 32;

/**
 * The target for [start, end) of `text` (UTF-16 offsets), with its quote and context.
 * Throws a RangeError a researcher can act on when the range does not fit the text.
 */
export function targetFor(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`the range ${start}–${end} does not fit a text of ${text.length} characters`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`the range ${start}–${end} cuts a character (such as an emoji) in half`);
  }
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}
