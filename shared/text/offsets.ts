/**
 * Offsets inside Gloss are UTF-16 code units (JavaScript string indices).
 * Python tools, the W3C Web Annotation model and REFI-QDA count Unicode code points.
 * Every format adapter converts through these two functions, so the rule lives in one place.
 */

/** Code-point offset of a UTF-16 offset. A UTF-16 offset inside a surrogate pair counts the pair as passed. */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** UTF-16 offset of a code-point offset. */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  let i = 0;
  for (let points = 0; points < codePointOffset && i < text.length; points++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when the UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, utf16Offset: number): boolean {
  if (utf16Offset <= 0 || utf16Offset >= text.length) return false;
  const before = text.charCodeAt(utf16Offset - 1);
  return before >= 0xd800 && before <= 0xdbff && isLowSurrogate(text.charCodeAt(utf16Offset));
}

/**
 * Code-point offsets of many UTF-16 offsets of one text, in one pass over it (converting each
 * on its own would walk a 1 MB text once per offset). Returned in the order given.
 */
export function utf16ToCodePoints(text: string, utf16Offsets: readonly number[]): number[] {
  const order = utf16Offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const out = new Array<number>(utf16Offsets.length);
  let i = 0;
  let points = 0;
  for (const { offset, index } of order) {
    for (; i < offset && i < text.length; i++, points++) {
      if (
        isHighSurrogate(text.charCodeAt(i)) &&
        i + 1 < text.length &&
        isLowSurrogate(text.charCodeAt(i + 1))
      )
        i++;
    }
    out[index] = points;
  }
  return out;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
