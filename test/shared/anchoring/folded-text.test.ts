import { describe, expect, it } from 'vitest';
import { fold, foldedIndex, foldText, originalSpan } from '../../../shared/anchoring/folded-text';

describe('folded text', () => {
  it('reads re-wrapped lines and curly quotes as the plain text', () => {
    expect(fold('a “quoted”\r\n   word’s')).toBe('a "quoted" word\'s');
    expect(fold('nothing to fold')).toBe('nothing to fold');
  });

  it('maps folded spans back to the original text, a folded space covering its whole run', () => {
    const text = 'Mr  Blair\n\nsaid 😀 “no”';
    const folded = foldText(text);
    expect(folded.text).toBe('Mr Blair said 😀 "no"');
    const at = folded.text.indexOf('Blair said');
    expect(originalSpan(folded, at, at + 'Blair said'.length)).toEqual({ start: 4, end: 15 });
    const quote = folded.text.indexOf('"no"');
    expect(text.slice(folded.starts[quote]!, folded.ends[quote + 3]!)).toBe('“no”');
    expect(foldedIndex(folded, 2)).toBe(2);
    // Offset 3 is inside the run of spaces: the next folded character is the B.
    expect(foldedIndex(folded, 3)).toBe(3);
    expect(foldedIndex(folded, text.length)).toBe(folded.text.length);
  });

  it('folds a region of a text with offsets into the whole text', () => {
    const text = 'one  two\nthree';
    const region = foldText(text, 3, 9);
    expect(region.text).toBe(' two ');
    expect(originalSpan(region, 1, 4)).toEqual({ start: 5, end: 8 });
  });
});
