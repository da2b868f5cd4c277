import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../../shared/agreement/fleiss-kappa';
import { krippendorffAlphaNominal } from '../../../shared/agreement/krippendorff-alpha';
import { SeededRandom } from '../../support/seeded-random';
import { type Ratings, randomRatings, weightedUnits } from './coding-data';

/**
 * Alpha the long way, as Krippendorff (2011) computes it by hand: every ordered pair of values
 * within a unit enters the coincidence matrix with weight 1/(m_u − 1), then
 * α = 1 − D_o/D_e from the matrix and its margins.
 */
function alphaByHand(ratings: Ratings, categories: number): number {
  const o = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  for (let u = 0; u < (ratings[0]?.length ?? 0); u++) {
    const values = ratings.map((rater) => rater[u]).filter((v): v is number => v !== null && v !== undefined);
    if (values.length < 2) continue;
    values.forEach((c, i) => {
      values.forEach((k, j) => {
        if (i !== j) o[c]![k]! += 1 / (values.length - 1);
      });
    });
  }
  const margins = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = margins.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories; c++) {
    for (let k = 0; k < categories; k++) {
      if (c === k) continue;
      observed += o[c]![k]! / n;
      expected += (margins[c]! * margins[k]!) / (n * (n - 1));
    }
  }
  return 1 - observed / expected;
}

const _ = null;

describe('krippendorffAlphaNominal on Krippendorff (2011), "Computing Krippendorff’s Alpha-Reliability"', () => {
  it('gives 0.095 for the binary data of two observers (section A, nominal)', () => {
    const ratings = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlphaNominal(weightedUnits(ratings, 2))).toBeCloseTo(0.095, 3);
  });

  it('gives 0.743 for four observers, 12 units and missing data (section C, nominal)', () => {
    // Values 1–5 as published, stored as categories 0–4; unit 12 has one value and is unpairable.
    const published = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const ratings = published.map((row) => row.map((v) => (v === null ? null : v - 1)));
    expect(krippendorffAlphaNominal(weightedUnits(ratings, 5))).toBeCloseTo(0.743, 3);
  });
});

describe('krippendorffAlphaNominal on DKPro Agreement’s digitized unitizing example', () => {
  it('gives 0.329 for Bertha and Bill, character by character (Krippendorff1995Test.testDigitizedAgreement)', () => {
    const ratings = [
      [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    ];
    expect(krippendorffAlphaNominal(weightedUnits(ratings, 2))).toBeCloseTo(0.329, 3);
  });
});

describe('krippendorffAlphaNominal against the coincidence matrix built pair by pair', () => {
  it('agrees on 300 random studies with missing values, identical units folded or not', () => {
    const random = new SeededRandom(11);
    for (let n = 0; n < 300; n++) {
      const categories = random.int(2, 5);
      const ratings = randomRatings(
        random,
        random.int(2, 6),
        random.int(2, 40),
        categories,
        random.next() * 0.4,
      );
      const expected = alphaByHand(ratings, categories);
      const folded = weightedUnits(ratings, categories);
      const oneByOne = folded.flatMap((unit) =>
        Array.from({ length: unit.times }, () => ({ ...unit, times: 1 })),
      );
      if (Number.isNaN(expected)) {
        expect(krippendorffAlphaNominal(folded)).toBeNaN();
      } else {
        expect(krippendorffAlphaNominal(folded)).toBeCloseTo(expected, 10);
        expect(krippendorffAlphaNominal(oneByOne)).toBeCloseTo(expected, 10);
      }
    }
  });

  it('is 1 − (2N − 1)/(2N)·(1 − π) for two raters without missing values (π: Fleiss’ kappa for two, Scott’s pi)', () => {
    const random = new SeededRandom(12);
    for (let n = 0; n < 100; n++) {
      const units = random.int(2, 30);
      const units2 = weightedUnits(randomRatings(random, 2, units, random.int(2, 4)), 4);
      const pi = fleissKappa(units2);
      if (Number.isNaN(pi)) continue;
      expect(krippendorffAlphaNominal(units2)).toBeCloseTo(
        1 - ((2 * units - 1) / (2 * units)) * (1 - pi),
        10,
      );
    }
  });
});

describe('krippendorffAlphaNominal where alpha is undefined or the counts are wrong', () => {
  it('is NaN without pairable values or with every value in one category', () => {
    expect(krippendorffAlphaNominal([])).toBeNaN();
    expect(krippendorffAlphaNominal([{ counts: [1, 0], times: 5 }])).toBeNaN();
    expect(krippendorffAlphaNominal([{ counts: [0, 3], times: 5 }])).toBeNaN();
  });

  it('leaves out units with one value and units counted 0 times', () => {
    const units = weightedUnits(
      [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
        [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      ],
      2,
    );
    const alpha = krippendorffAlphaNominal(units);
    expect(
      krippendorffAlphaNominal([...units, { counts: [0, 1], times: 7 }, { counts: [4, 4], times: 0 }]),
    ).toBe(alpha);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => krippendorffAlphaNominal([{ counts: [1, -1], times: 1 }])).toThrow(
      /unit 0: counts\[1\] is -1/,
    );
    expect(() => krippendorffAlphaNominal([{ counts: [1, 1], times: 0.5 }])).toThrow(/unit 0: times is 0.5/);
  });
});
