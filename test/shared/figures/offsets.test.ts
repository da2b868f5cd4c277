import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../shared/figures';

describe('offsets', () => {
  it('are UTF-16 code units: an emoji before a figure counts two', () => {
    const [figure] = findFigures('😀 $5m');
    expect(figure).toMatchObject({ start: 3, end: 6, text: '$5m' });
  });

  it('slice the text passed in, after accented words and in the middle of a document', () => {
    const text = 'Café Zoë’s owner — naïve — paid €3m.\n\nThe crème brûlée cost £4.50 and 😀😀 30% more.';
    const found = findFigures(text);
    expect(found.map((f) => f.text)).toEqual(['€3m', '£4.50', '30%']);
    for (const figure of found) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it('come in order and never overlap', () => {
    const found = findFigures('It paid $1.13bn (£600m) for 3,000 jobs, 20% of them new, over 3 years.');
    for (let k = 1; k < found.length; k++) expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
  });

  it('read grouping with no-break spaces', () => {
    expect(findFigures('It cost €1\u00a0500\u00a0000.')[0]?.value.min).toBe(1_500_000);
  });
});
