import { describe, expect, it } from 'vitest';
import { mentionFinder } from '../../../shared/text/mentions';

const register = [
  { id: 'trump', name: 'Donald Trump', aliases: ['Mr. Trump', 'Trump', 'the U.S. President'] },
  { id: 'bytedance', name: 'ByteDance', aliases: [] },
  { id: 'us', name: 'United States', aliases: ['US', 'U.S.'] },
  { id: 'aclu', name: 'ACLU', aliases: ['American Civil Liberties Union'] },
];
const find = mentionFinder(register);
const quotes = (text: string) => find(text).map((m) => [text.slice(m.start, m.end), m.stakeholderId]);

describe('mentions of the register', () => {
  it('finds names and aliases case-insensitively, on word boundaries only', () => {
    expect(quotes('BYTEDANCE and bytedance, not ByteDanceX or xByteDance.')).toEqual([
      ['BYTEDANCE', 'bytedance'],
      ['bytedance', 'bytedance'],
    ]);
  });

  it('takes the longest name where names overlap', () => {
    expect(quotes('Donald Trump said; Mr. Trump later; Trump again.')).toEqual([
      ['Donald Trump', 'trump'],
      ['Mr. Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
  });

  it('finds possessives and names broken across lines or spaced oddly', () => {
    expect(quotes("Trump's order")).toEqual([['Trump', 'trump']]);
    expect(quotes('Trump’s order')).toEqual([['Trump', 'trump']]);
    expect(quotes('said Donald\nTrump and Donald  \t Trump')).toEqual([
      ['Donald\nTrump', 'trump'],
      ['Donald  \t Trump', 'trump'],
    ]);
  });

  it('matches short all-capital names in capitals only, so "us" is not the US', () => {
    expect(quotes('Tell us about the US and the U.S. economy')).toEqual([
      ['US', 'us'],
      ['U.S.', 'us'],
    ]);
    // Longer acronyms are rare as ordinary words: they match in any case, like other names.
    expect(quotes('the aclu and the ACLU')).toEqual([
      ['aclu', 'aclu'],
      ['ACLU', 'aclu'],
    ]);
  });

  it('gives UTF-16 offsets after emoji and accented letters', () => {
    const text = '😀 Café ByteDance';
    const [mention] = find(text);
    expect(mention).toMatchObject({ start: 8, end: 17, stakeholderId: 'bytedance' });
    expect(text.slice(mention!.start, mention!.end)).toBe('ByteDance');
  });

  it('treats letters in other scripts as part of a word', () => {
    expect(quotes('ByteDanceé ÉByteDance')).toEqual([]);
  });

  it('finds nothing with an empty register', () => {
    expect(mentionFinder([])('Donald Trump')).toEqual([]);
  });
});
