/**
 * UTF-16 offsets of many code-point offsets of one text, in one pass over it (the reverse of
 * utf16ToCodePoints in shared/text/offsets.ts, with the same rule: a surrogate pair is one code
 * point, a lone surrogate is one too). Offsets past the end give the text's length.
 */
export function codePointsToUtf16(text: string, codePointOffsets: readonly number[]): number[] {
  const order = codePointOffsets
    .map((offset, index) => ({ offset, index }))
    .sort((a, b) => a.offset - b.offset);
  const out = new Array<number>(codePointOffsets.length);
  let i = 0;
  let points = 0;
  for (const { offset, index } of order) {
    for (; points < offset && i < text.length; points++) i += isSurrogatePair(text, i) ? 2 : 1;
    out[index] = i;
  }
  return out;
}

function isSurrogatePair(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Length of a text in code points. */
export function codePointLength(text: string): number {
  let points = 0;
  for (let i = 0; i < text.length; points++) i += isSurrogatePair(text, i) ? 2 : 1;
  return points;
}

/**
 * The text as Gloss will read it back from the .txt file an import writes: Gloss drops a leading
 * byte-order mark and turns "\r\n" and "\r" into "\n" (main/sources/decode-text.ts), which would
 * move every annotation after them. `offsetOf` maps a UTF-16 offset of the given text into it.
 */
export function asStoredText(text: string): { text: string; offsetOf: (utf16: number) => number } {
  // UTF-16 positions of the characters dropped, in order.
  const dropped: number[] = [];
  if (text.startsWith('\uFEFF')) dropped.push(0);
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) dropped.push(i);
  if (dropped.length === 0 && !text.includes('\r')) return { text, offsetOf: (offset) => offset };
  const stored = text.slice(text.startsWith('\uFEFF') ? 1 : 0).replace(/\r\n?/g, '\n');
  const offsetOf = (offset: number) => {
    let before = 0;
    // Binary search: how many dropped characters lie before the offset.
    for (let high = dropped.length; before < high; ) {
      const mid = (before + high) >> 1;
      if (dropped[mid]! < offset) before = mid + 1;
      else high = mid;
    }
    return offset - before;
  };
  return { text: stored, offsetOf };
}
