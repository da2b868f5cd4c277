import type { Token } from './tokenize';

/** A passage of the chosen group: UTF-16 offsets, the tag type, and its place in the codebook (for ties). */
export interface TagSpan {
  start: number;
  end: number;
  type: string;
  /** The code's index in the codebook. */
  rank: number;
}

/**
 * IOB2 tags for `tokens` (in text order) from possibly overlapping `spans`. The rule:
 * - a token is inside a span when the span covers any part of it (so a span ending inside
 *   "ByteDance's" tags the whole token);
 * - two spans conflict when they share a token; the longer (in code points) wins, then the one
 *   starting earlier, then the code earlier in the codebook; the loser is dropped whole, since
 *   keeping its leftover tokens would tag a fragment nobody tagged;
 * - a kept span's first token is B-type, the rest I-type. Two touching spans of one type stay two
 *   (the second starts with B-), so every I- follows a B- or I- of its type.
 */
export function iob2Tags(text: string, tokens: readonly Token[], spans: readonly TagSpan[]): string[] {
  const tags = tokens.map(() => 'O');
  const taken = tokens.map(() => false);
  const ordered = spans
    // Lengths compare in code points, so an emoji counts as one character, not two UTF-16 units.
    .map((span) => ({ span, length: [...text.slice(span.start, span.end)].length }))
    .sort((a, b) => b.length - a.length || a.span.start - b.span.start || a.span.rank - b.span.rank);
  for (const { span } of ordered) {
    const covered = coveredTokens(tokens, span);
    if (covered.length === 0 || covered.some((i) => taken[i])) continue;
    covered.forEach((index, n) => {
      taken[index] = true;
      tags[index] = `${n === 0 ? 'B' : 'I'}-${span.type}`;
    });
  }
  return tags;
}

/** Indices of the tokens sharing at least one character with the span (tokens are in text order). */
function coveredTokens(tokens: readonly Token[], span: TagSpan): number[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= span.start) low = middle + 1;
    else high = middle;
  }
  const out: number[] = [];
  for (let i = low; i < tokens.length && tokens[i]!.start < span.end; i++) out.push(i);
  return out;
}
