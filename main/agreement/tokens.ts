import { wordCharWidth } from '../search/encode-words';

/**
 * The tokens of a text as the project's search finds words (runs of letters, marks and digits,
 * WORD_PATTERN), as [start, end) UTF-16 offsets: the units of the token measures.
 */
export function tokenSpans(text: string): [number, number][] {
  const tokens: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    let width = wordCharWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    while (width > 0) {
      i += width;
      width = i < text.length ? wordCharWidth(text, i) : 0;
    }
    tokens.push([start, i]);
  }
  return tokens;
}
