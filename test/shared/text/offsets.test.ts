import { describe, expect, it } from 'vitest';
import {
  codePointToUtf16,
  splitsSurrogatePair,
  utf16ToCodePoint,
  utf16ToCodePoints,
} from '../../../shared/text/offsets';
import { targetFor } from '../../../shared/text/quote';

const text = 'Zoë 😀 paid €3m — 北京 👩‍👩‍👧 ok';

describe('UTF-16 and code-point offsets', () => {
  it('agree with Python-style code-point counting for emoji, accents and CJK', () => {
    for (let i = 0; i <= text.length; i++) {
      if (splitsSurrogatePair(text, i)) continue;
      const points = utf16ToCodePoint(text, i);
      expect(points).toBe([...text.slice(0, i)].length);
      expect(codePointToUtf16(text, points)).toBe(i);
    }
    expect(utf16ToCodePoint(text, text.length)).toBe([...text].length);
  });

  it('converts many offsets in one pass, in the order given, as one at a time would', () => {
    const offsets = Array.from({ length: text.length + 1 }, (_, i) => i)
      .filter((i) => !splitsSurrogatePair(text, i))
      .reverse();
    expect(utf16ToCodePoints(text, offsets)).toEqual(offsets.map((i) => utf16ToCodePoint(text, i)));
  });

  it('finds the pairs an offset would split', () => {
    const emoji = text.indexOf('😀');
    expect(splitsSurrogatePair(text, emoji)).toBe(false);
    expect(splitsSurrogatePair(text, emoji + 1)).toBe(true);
    expect(splitsSurrogatePair(text, emoji + 2)).toBe(false);
  });
});

describe('targetFor', () => {
  it('quotes the range with context either side', () => {
    const start = text.indexOf('€3m');
    expect(targetFor(text, start, start + 3)).toEqual({
      start,
      end: start + 3,
      quote: '€3m',
      prefix: text.slice(0, start),
      suffix: text.slice(start + 3),
    });
  });

  it('refuses empty, reversed, out-of-range and pair-splitting ranges', () => {
    expect(() => targetFor(text, 3, 3)).toThrow(RangeError);
    expect(() => targetFor(text, 4, 2)).toThrow(RangeError);
    expect(() => targetFor(text, 0, text.length + 1)).toThrow(/does not fit/);
    const emoji = text.indexOf('😀');
    expect(() => targetFor(text, emoji + 1, emoji + 2)).toThrow(/in half/);
  });
});
