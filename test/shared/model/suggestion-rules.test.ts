import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../shared/model/suggestion';
import {
  NEVER_SUGGEST_LIMIT,
  neverSuggestFilter,
  withNeverSuggest,
  withoutNeverSuggest,
} from '../../../shared/model/suggestion-rules';

const candidate = (quote: string, name = quote): Suggestion => ({
  id: `c-${quote}`,
  kind: 'candidate',
  start: 0,
  end: quote.length,
  quote,
  code: 'stakeholder',
  newStakeholder: { name, kind: 'company' },
});
const mention = (quote: string): Suggestion => ({
  id: `s-${quote}`,
  kind: 'stakeholder',
  start: 0,
  end: quote.length,
  quote,
  code: 'stakeholder',
  stakeholderId: 'wsj',
});
const figure = (quote: string): Suggestion => ({
  id: `f-${quote}`,
  kind: 'figure',
  start: 0,
  end: quote.length,
  quote,
  code: 'amount',
});

describe('never-suggest names', () => {
  it('silence candidates and mentions shown with that name, in any case and spacing', () => {
    const silenced = neverSuggestFilter([{ name: 'wall  street JOURNAL' }]);
    expect(silenced(candidate('Wall Street Journal'))).toBe(true);
    expect(silenced(candidate('Wall Street\nJournal'))).toBe(true);
    expect(silenced(mention('Wall Street Journal'))).toBe(true);
    expect(silenced(candidate('The Wall Street Journal'))).toBe(false);
    expect(silenced(candidate('Wall Street'))).toBe(false);
  });

  it('match a candidate by the name it would add as well as by its quote', () => {
    expect(neverSuggestFilter([{ name: 'Granick' }])(candidate('Jennifer Granick’s', 'Granick'))).toBe(true);
  });

  it('keep to their kind when they name one', () => {
    const silenced = neverSuggestFilter([{ name: 'Apple', kind: 'candidate' }]);
    expect(silenced(candidate('Apple'))).toBe(true);
    expect(silenced(mention('Apple'))).toBe(false);
  });

  it('never silence figures or search hits', () => {
    expect(neverSuggestFilter([{ name: '$ 5 billion' }])(figure('$ 5 billion'))).toBe(false);
  });

  it('silence nothing when there are none', () => {
    expect(neverSuggestFilter([])(candidate('Microsoft'))).toBe(false);
  });

  it('are added once, spacing tidied, and removed by any spelling of the name', () => {
    let list = withNeverSuggest([], { name: '  Wall   Street Journal ' });
    expect(list).toEqual([{ name: 'Wall Street Journal' }]);
    list = withNeverSuggest(list, { name: 'wall street journal' });
    expect(list).toHaveLength(1);
    list = withNeverSuggest(list, { name: 'Wall Street Journal', kind: 'candidate' });
    expect(list).toHaveLength(2);
    expect(withoutNeverSuggest(list, { name: 'WALL STREET JOURNAL' })).toEqual([
      { name: 'Wall Street Journal', kind: 'candidate' },
    ]);
  });

  it('are refused past the limit, which keeps project.json readable', () => {
    const full = Array.from({ length: NEVER_SUGGEST_LIMIT }, (_, i) => ({ name: `Name ${i}` }));
    expect(() => withNeverSuggest(full, { name: 'One more' })).toThrow(/remove some/);
    expect(withNeverSuggest(full, { name: 'name 7' })).toHaveLength(NEVER_SUGGEST_LIMIT);
  });
});
