import { describe, expect, it } from 'vitest';
import { findHits } from '../../../shared/search/find-hits';
import { keywordInContext } from '../../../shared/search/keyword-in-context';
import { parseSearchQuery, SearchQueryError } from '../../../shared/search/search-query';

const hits = (text: string, query: string) =>
  findHits(text, parseSearchQuery(query)).map(({ start, end }) => text.slice(start, end));

describe('what a search query finds in a text', () => {
  it('finds a word whole, in any case, inside hyphenated words and before an apostrophe', () => {
    const text = "Security first: cyber-security, the firm's security's cost, not securities or insecurity.";
    expect(hits(text, 'security')).toEqual(['Security', 'security', 'security']);
    expect(hits(text, 'SECURITY')).toHaveLength(3);
  });

  it('finds a prefix in every word it begins', () => {
    expect(hits('Regulators regulate; the regulation of regulated firms. Deregulation.', 'regulat*')).toEqual(
      ['Regulators', 'regulate', 'regulation', 'regulated'],
    );
  });

  it('finds a phrase across spaces, line breaks, hyphens and apostrophes, not across other punctuation', () => {
    const text = 'Data protection.\nData\nprotection, data-protection, data. Protection, data, protection';
    expect(hits(text, 'data protection')).toEqual(['Data protection', 'Data\nprotection', 'data-protection']);
    expect(hits(text, '"data protection"')).toHaveLength(3);
  });

  it('gives UTF-16 offsets in texts with emoji and accented letters', () => {
    const text = '😀 Café crème 😀 CAFÉ, cafe';
    const found = findHits(text, parseSearchQuery('café'));
    expect(found).toEqual([
      { start: 3, end: 7 },
      { start: 17, end: 21 },
    ]);
    // Accents count: "cafe" is another word.
    expect(hits(text, 'cafe')).toEqual(['cafe']);
  });

  it('finds the same in a text whose lower case is longer (İ), and either Greek sigma', () => {
    // "İ" lowers to two characters, so such a text is searched word by word; the rest at once.
    const text = 'İSTANBUL talks: İstanbul, istanbul; ΟΔΟΣ and οδος, ΟΔΟΣ-map 😀 Straße';
    expect(hits(text, 'talks')).toEqual(['talks']);
    expect(hits(text, 'istanbul')).toEqual(['istanbul']);
    expect(hits(text, 'οδος')).toEqual(['ΟΔΟΣ', 'οδος', 'ΟΔΟΣ']);
    expect(hits(text, 'οδοσ map')).toEqual(['ΟΔΟΣ-map']);
    expect(hits(text.replaceAll('İ', 'I'), 'οδος')).toEqual(['ΟΔΟΣ', 'οδος', 'ΟΔΟΣ']);
    expect(hits(text.replaceAll('İ', 'I'), 'straße')).toEqual(['Straße']);
    expect(hits(text.replaceAll('İ', 'I'), 'istanbul')).toEqual(['ISTANBUL', 'Istanbul', 'istanbul']);
  });

  it('runs a regular expression over the text, passing over empty matches', () => {
    const text = 'Valued at $15-30 billion, with 80 million users in the United States.';
    expect(hits(text, '/\\d+ (million|billion)/')).toEqual(['30 billion', '80 million']);
    expect(hits(text, '/UNITED states/i')).toEqual(['United States']);
    expect(hits(text, '/x*/')).toEqual([]);
  });

  it('says what is wrong with a query it cannot run', () => {
    expect(() => parseSearchQuery('/(unclosed/')).toThrow(SearchQueryError);
    expect(() => parseSearchQuery('/(unclosed/')).toThrow(/is not a regular expression/);
    expect(() => parseSearchQuery('/a/g')).toThrow('/a/g: the flags may be i, m, s and u, not "g"');
    expect(() => parseSearchQuery('  -- ')).toThrow('"--" has no word to search for');
  });
});

describe('a concordance line', () => {
  it('shows the context on one line and never splits an emoji', () => {
    const text = `${'😀'.repeat(40)}\n\nthe word\tsecurity here\n😀😀`;
    const start = text.indexOf('security');
    const line = keywordInContext(text, start, start + 8, 15);
    expect(line.text).toBe('security');
    expect(line.left).toBe('😀😀 the word ');
    expect(line.right).toBe(' here 😀😀');
    // 14 code units back is the second half of an emoji: the whole emoji is shown.
    expect(keywordInContext(text, start, start + 8, 14).left).toBe('😀😀 the word ');
    expect(keywordInContext(text, start, start + 8, 13).left).toBe('😀 the word ');
  });
});
