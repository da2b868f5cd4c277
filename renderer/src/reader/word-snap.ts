import { splitsSurrogatePair } from '../../../shared/text/offsets';

/** A range of the document text. UTF-16 offsets, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Letters, digits and combining marks: what a word is made of for snapping. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** How far either side of a boundary the word segmenter looks; longer words snap to this window. */
const WINDOW = 64;

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter | undefined {
  if (segmenter === undefined && typeof Intl.Segmenter === 'function') {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  }
  return segmenter;
}

/**
 * What a selection of [start, end) tags: with `snapToWords`, ends that fall inside a word
 * move outwards to the word's edges; spaces at either end are always left out. The result
 * never splits a surrogate pair. Undefined when nothing but spaces is left.
 *
 * A boundary is "inside a word" only between two letters or digits, so "TikTok" selected in
 * "TikTok's" stays "TikTok"; where words are not separated by spaces (Chinese, Japanese, Thai)
 * the edges come from Intl.Segmenter, so a selection grows to whole words, not whole lines.
 */
export function snapSelection(
  text: string,
  start: number,
  end: number,
  snapToWords: boolean,
): TextSpan | undefined {
  let from = clamp(Math.min(start, end), 0, text.length);
  let to = clamp(Math.max(start, end), 0, text.length);
  if (splitsSurrogatePair(text, from)) from--;
  if (splitsSurrogatePair(text, to)) to++;
  if (snapToWords && from < to) {
    from = wordStartAt(text, from);
    to = wordEndAt(text, to);
  }
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return from < to ? { start: from, end: to } : undefined;
}

/** The start of the word `offset` falls inside, or `offset` when it is not inside one. */
export function wordStartAt(text: string, offset: number): number {
  if (!insideWord(text, offset)) return offset;
  const edges = wordEdges(text, offset);
  let at = offset;
  while (at > edges.start && isWordCharBefore(text, at)) at -= charLengthBefore(text, at);
  return at;
}

/** The end of the word `offset` falls inside, or `offset` when it is not inside one. */
export function wordEndAt(text: string, offset: number): number {
  if (!insideWord(text, offset)) return offset;
  const edges = wordEdges(text, offset);
  let at = offset;
  while (at < edges.end && isWordCharAfter(text, at)) at += charLengthAt(text, at);
  return at;
}

function insideWord(text: string, offset: number): boolean {
  return (
    offset > 0 && offset < text.length && isWordCharBefore(text, offset) && isWordCharAfter(text, offset)
  );
}

/** The word segment around `offset` as Intl.Segmenter sees it, or the whole text when unavailable. */
function wordEdges(text: string, offset: number): TextSpan {
  const words = wordSegmenter();
  if (!words) return { start: 0, end: text.length };
  let windowStart = Math.max(0, offset - WINDOW);
  if (splitsSurrogatePair(text, windowStart)) windowStart--;
  let windowEnd = Math.min(text.length, offset + WINDOW);
  if (splitsSurrogatePair(text, windowEnd)) windowEnd++;
  const segment = words.segment(text.slice(windowStart, windowEnd)).containing(offset - windowStart);
  // `containing` gives the segment starting at `offset` when it is a boundary; nothing to grow then.
  if (!segment || windowStart + segment.index === offset) return { start: offset, end: offset };
  return { start: windowStart + segment.index, end: windowStart + segment.index + segment.segment.length };
}

function isWordCharBefore(text: string, offset: number): boolean {
  const length = charLengthBefore(text, offset);
  return WORD_CHAR.test(text.slice(offset - length, offset));
}

function isWordCharAfter(text: string, offset: number): boolean {
  const point = text.codePointAt(offset);
  return point !== undefined && WORD_CHAR.test(String.fromCodePoint(point));
}

function charLengthBefore(text: string, offset: number): number {
  return offset >= 2 && splitsSurrogatePair(text, offset - 1) ? 2 : 1;
}

function charLengthAt(text: string, offset: number): number {
  const point = text.codePointAt(offset);
  return point !== undefined && point > 0xffff ? 2 : 1;
}

function isSpace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
