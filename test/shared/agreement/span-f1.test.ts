import { describe, expect, it } from 'vitest';
import { exactSpanF1, type KeyedSpan } from '../../../shared/agreement/span-f1';
import { SeededRandom } from '../../support/seeded-random';

const span = (key: string, start: number, end: number, code: string): KeyedSpan => ({
  key,
  start,
  end,
  code,
});

describe('exactSpanF1', () => {
  it('matches only spans with the same document, start, end and code', () => {
    const a = [span('a.txt', 0, 5, 'privacy'), span('a.txt', 10, 20, 'cost'), span('b.txt', 0, 5, 'privacy')];
    const b = [
      span('a.txt', 0, 5, 'privacy'),
      span('a.txt', 10, 21, 'cost'),
      span('b.txt', 0, 5, 'security'),
      span('c.txt', 0, 5, 'privacy'),
    ];
    expect(exactSpanF1(a, b)).toEqual({
      matched: 1,
      onlyA: 2,
      onlyB: 3,
      precision: 1 / 4,
      recall: 1 / 3,
      f1: 2 / 7,
    });
  });

  it('uses each span once, so repeated spans need as many on the other side', () => {
    const twice = [span('a', 1, 2, 'x'), span('a', 1, 2, 'x')];
    expect(exactSpanF1(twice, [span('a', 1, 2, 'x')])).toMatchObject({ matched: 1, onlyA: 1, onlyB: 0 });
    expect(exactSpanF1(twice, twice)).toMatchObject({ matched: 2, precision: 1, recall: 1, f1: 1 });
  });

  it('keeps keys and codes apart whatever characters they hold', () => {
    expect(exactSpanF1([span('a|1', 2, 3, 'x')], [span('a', 1, 2, '3|x')]).matched).toBe(0);
    expect(exactSpanF1([span('a","1', 2, 3, 'x')], [span('a', 1, 2, 'x')]).matched).toBe(0);
  });

  it('is NaN where a share has nothing to divide by', () => {
    expect(exactSpanF1([], [])).toMatchObject({
      matched: 0,
      precision: Number.NaN,
      recall: Number.NaN,
      f1: Number.NaN,
    });
    expect(exactSpanF1([span('a', 0, 1, 'x')], [])).toMatchObject({
      precision: Number.NaN,
      recall: 0,
      f1: 0,
    });
    expect(exactSpanF1([], [span('a', 0, 1, 'x')])).toMatchObject({
      precision: 0,
      recall: Number.NaN,
      f1: 0,
    });
  });

  it('agrees with matching span by span on 300 random pairs of annotators, and F1 is symmetric', () => {
    const random = new SeededRandom(41);
    const randomSpans = (count: number) =>
      Array.from({ length: count }, () => {
        const start = random.int(0, 6);
        return span(random.pick(['a', 'b']), start, start + random.int(0, 3), random.pick(['x', 'y']));
      });
    for (let n = 0; n < 300; n++) {
      const a = randomSpans(random.int(0, 12));
      const b = randomSpans(random.int(0, 12));
      const left = [...a];
      let matched = 0;
      for (const s of b) {
        const i = left.findIndex(
          (t) => t.key === s.key && t.start === s.start && t.end === s.end && t.code === s.code,
        );
        if (i >= 0) {
          left.splice(i, 1);
          matched++;
        }
      }
      const result = exactSpanF1(a, b);
      expect(result.matched).toBe(matched);
      expect(result.onlyA + result.matched).toBe(a.length);
      expect(exactSpanF1(b, a).f1).toBe(result.f1);
      if (a.length > 0 && b.length > 0 && matched > 0) {
        expect(result.f1).toBeCloseTo(
          (2 * result.precision * result.recall) / (result.precision + result.recall),
          12,
        );
      }
    }
  });
});
