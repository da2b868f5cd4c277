/**
 * UTF-16 offsets of one text as code points, the unit the agreement measures count (a character
 * is a code point, as Python tools count them): the offset less the surrogate pairs before it.
 * Most texts have none, and pay nothing.
 */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

export function codePointsOf(text: string): { length: number; at(offset: number): number } {
  // Most texts have no surrogate at all: one native scan says so.
  if (!HIGH_SURROGATE.test(text)) return { length: text.length, at: (offset) => offset };
  const pairs: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
    }
  }
  if (pairs.length === 0) return { length: text.length, at: (offset) => offset };
  return {
    length: text.length - pairs.length,
    at(offset) {
      // The pairs whose low half is before the offset; an offset between the halves counts the
      // pair as passed, as utf16ToCodePoint does.
      let low = 0;
      let high = pairs.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (pairs[middle]! + 1 < offset) low = middle + 1;
        else high = middle;
      }
      return offset - low;
    },
  };
}
