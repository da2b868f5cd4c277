import { splitsSurrogatePair } from '../../shared/text/offsets';
import { wordCharWidth } from '../search/encode-words';

/**
 * Tokens as the project's search finds words: runs of letters, marks and digits (WORD_PATTERN),
 * the units of the token measures. A project has millions, and only those near a passage decide
 * anything, so they are counted in one pass and looked at only near the passages.
 */

/** Whether each ASCII character is a word character. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

/** How many tokens the text has. */
export function countTokens(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width: number;
    if (code < 128) width = ASCII_WORD[code]!;
    else width = wordCharWidth(text, i);
    if (width > 0) {
      if (!inWord) count++;
      inWord = true;
      i += width;
    } else {
      inWord = false;
      i++;
    }
  }
  return count;
}

/**
 * The start offsets (UTF-16) of the tokens that intervals of the text touch (hold at least one
 * of their characters), in order, each once. Intervals are UTF-16, sorted and disjoint.
 */
export function touchedTokens(text: string, intervals: readonly (readonly [number, number])[]): number[] {
  const starts: number[] = [];
  let scanned = 0;
  for (const [from, to] of intervals) {
    // Back to the start of the word the interval begins in, unless a token before reached it.
    let at = Math.max(from, scanned);
    // An offset between the halves of a pair stands for the pair.
    if (at > scanned && splitsSurrogatePair(text, at)) at--;
    for (
      let back = wordWidthBefore(text, at);
      back > 0 && at - back >= scanned;
      back = wordWidthBefore(text, at)
    ) {
      at -= back;
    }
    while (at < to) {
      const width = wordCharWidth(text, at);
      if (width === 0) {
        at++;
        continue;
      }
      const start = at;
      for (let w = width; w > 0; w = at < text.length ? wordCharWidth(text, at) : 0) at += w;
      if (at > from && (starts.length === 0 || starts[starts.length - 1]! < start)) starts.push(start);
    }
    scanned = Math.max(scanned, at);
  }
  return starts;
}

/** The width of the word character just before `at` (2 for a pair), 0 if there is none. */
function wordWidthBefore(text: string, at: number): number {
  if (at === 0) return 0;
  const before = text.charCodeAt(at - 1);
  if (before >= 0xdc00 && before <= 0xdfff && at >= 2 && wordCharWidth(text, at - 2) === 2) return 2;
  return wordCharWidth(text, at - 1) === 1 ? 1 : 0;
}
