import { describe, expect, it } from 'vitest';
import { fleissKappa } from '../../../shared/agreement/fleiss-kappa';
import { SeededRandom } from '../../support/seeded-random';
import { type Ratings, randomRatings, weightedUnits } from './coding-data';

/** Fleiss' kappa the long way: agreeing pairs of raters counted unit by unit, shares from the raw values. */
function kappaByHand(ratings: Ratings, categories: number): number {
  const raters = ratings.length;
  const units = ratings[0]!.length;
  let meanAgreement = 0;
  const shares = new Array<number>(categories).fill(0);
  for (let u = 0; u < units; u++) {
    let agreeingPairs = 0;
    for (let a = 0; a < raters; a++) {
      shares[ratings[a]![u]!]!++;
      for (let b = 0; b < raters; b++) if (a !== b && ratings[a]![u] === ratings[b]![u]) agreeingPairs++;
    }
    meanAgreement += agreeingPairs / (raters * (raters - 1)) / units;
  }
  const chance = shares.reduce((sum, count) => sum + (count / (units * raters)) ** 2, 0);
  return (meanAgreement - chance) / (1 - chance);
}

describe('fleissKappa on the published example', () => {
  it('gives 0.210 for 10 subjects, 14 raters and 5 categories', () => {
    // Fleiss (1971)'s table as widely reproduced (Wikipedia, "Fleiss' kappa", worked example): κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table.map((counts) => ({ counts, times: 1 })))).toBeCloseTo(0.21, 3);
  });
});

describe('fleissKappa against pairs of raters counted one by one', () => {
  it('agrees on 300 random studies, identical units folded or not', () => {
    const random = new SeededRandom(21);
    for (let n = 0; n < 300; n++) {
      const categories = random.int(2, 5);
      const ratings = randomRatings(random, random.int(2, 8), random.int(1, 40), categories);
      const expected = kappaByHand(ratings, categories);
      const folded = weightedUnits(ratings, categories);
      const oneByOne = folded.flatMap((unit) =>
        Array.from({ length: unit.times }, () => ({ ...unit, times: 1 })),
      );
      if (!Number.isFinite(expected)) {
        expect(fleissKappa(folded)).toBeNaN();
        continue;
      }
      expect(fleissKappa(folded)).toBeCloseTo(expected, 10);
      expect(fleissKappa(oneByOne)).toBeCloseTo(expected, 10);
    }
  });
});

describe('fleissKappa where kappa is undefined or the raters differ', () => {
  it('is NaN without units or with every rating in one category', () => {
    expect(fleissKappa([])).toBeNaN();
    expect(fleissKappa([{ counts: [3, 0], times: 0 }])).toBeNaN();
    expect(fleissKappa([{ counts: [0, 3], times: 4 }])).toBeNaN();
  });

  it('refuses units with different numbers of raters, or fewer than two', () => {
    expect(() =>
      fleissKappa([
        { counts: [2, 1], times: 1 },
        { counts: [1, 1], times: 1 },
      ]),
    ).toThrow(/unit 1 has 2 raters and unit 0 has 3/);
    expect(() => fleissKappa([{ counts: [1, 0], times: 3 }])).toThrow(/at least 2/);
    // A unit counted 0 times is not in the study.
    expect(
      fleissKappa([
        { counts: [2, 0], times: 1 },
        { counts: [0, 2], times: 1 },
        { counts: [5], times: 0 },
      ]),
    ).toBe(1);
  });
});
