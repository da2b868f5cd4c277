/**
 * Text folded so that re-wrapping and typographic quotes do not count as changes: every run of
 * whitespace becomes one space, and curly quotes and primes become straight ones. A quote that
 * was only re-wrapped is then found by an exact search of the folded text.
 * All offsets are UTF-16 code units.
 */
export interface FoldedText {
  readonly text: string;
  /** Offset in the original text where folded character i begins. */
  readonly starts: Int32Array;
  /** Offset in the original text just after folded character i (a folded space covers its whole run). */
  readonly ends: Int32Array;
}

/** The code units JavaScript's `\s` matches. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const APOSTROPHE = 0x27;
const QUOTATION_MARK = 0x22;

/** Curly single quotes, the low-9 one, the reversed one, prime and backtick read as '; double ones as ". */
function foldCode(code: number): number {
  if (code < 128) return code === 0x60 ? APOSTROPHE : code;
  if ((code >= 0x2018 && code <= 0x201b) || code === 0x2032) return APOSTROPHE;
  if ((code >= 0x201c && code <= 0x201f) || code === 0x2033) return QUOTATION_MARK;
  return code;
}

/** Whitespace other than a lone space, or a mark that folds: most short strings have none. */
const NEEDS_FOLDING =
  /[^\S ]| {2}|[`\u2018-\u201f\u2032\u2033]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whitespace or a quotation mark: a string without any is found in folded text only where it occurs as it is. */
export const FOLDS = /[\s'"`\u2018-\u201f\u2032\u2033]/;

/** The folded form of a short string (a quote or its context), without the offset maps. */
export function fold(s: string): string {
  return NEEDS_FOLDING.test(s) ? foldText(s).text : s;
}

function isLoneSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  const previous = text.charCodeAt(i - 1);
  return !(previous >= 0xd800 && previous <= 0xdbff);
}

/** `text` from `from` to `to` folded, with offsets into the whole of `text`. */
export function foldText(text: string, from = 0, to = text.length): FoldedText {
  const codes = new Uint16Array(to - from);
  const starts = new Int32Array(to - from);
  const ends = new Int32Array(to - from);
  let length = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    starts[length] = i;
    if (isSpace(code)) {
      while (i + 1 < to && isSpace(text.charCodeAt(i + 1))) i++;
      codes[length] = 0x20;
    } else if (code >= 0xd800 && code <= 0xdfff && isLoneSurrogate(text, i)) {
      codes[length] = 0xfffd;
    } else codes[length] = foldCode(code);
    ends[length++] = i + 1;
  }
  return {
    text: fromCodes(codes.subarray(0, length)),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  };
}

/**
 * The string of these code units. TextDecoder is native and fast on a 1 MB text; it would turn
 * a lone surrogate into U+FFFD, so the folding does that first, keeping the two paths equal.
 */
const utf16 = new TextDecoder('utf-16le');
function fromCodes(codes: Uint16Array): string {
  return utf16.decode(codes);
}

/** The folded index of the first folded character at or after original offset `offset`. */
export function foldedIndex(folded: FoldedText, offset: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original span [start, end) of the folded span [from, to); `to` > `from`. */
export function originalSpan(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from]!, end: folded.ends[to - 1]! };
}
