import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../shared/agreement/cohen-kappa';
import { SeededRandom } from '../../support/seeded-random';
import { randomRatings } from './coding-data';

/** Cohen's kappa the long way, from the two raters' lists of values. */
function kappaByHand(a: readonly number[], b: readonly number[], categories: number): number {
  const observed = a.filter((value, i) => value === b[i]).length / a.length;
  let chance = 0;
  for (let c = 0; c < categories; c++) {
    chance += (a.filter((v) => v === c).length / a.length) * (b.filter((v) => v === c).length / b.length);
  }
  return (observed - chance) / (1 - chance);
}

function table(a: readonly number[], b: readonly number[], categories: number): number[][] {
  const t = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  a.forEach((value, i) => {
    t[value]![b[i]!]!++;
  });
  return t;
}

describe('cohenKappa on textbook examples', () => {
  it('gives 0.4 for the 50 proposals two readers said yes or no to', () => {
    // Wikipedia, "Cohen's kappa", simple example: 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no.
    expect(cohenKappa([[20, 5], [10, 15]])).toBeCloseTo(0.4, 3); // biome-ignore format: the published table
  });

  it('gives 0.130 and 0.259 for the two tables with the same 60% agreement', () => {
    // Wikipedia, "Cohen's kappa", same percentages but different numbers.
    expect(cohenKappa([[45, 15], [25, 15]])).toBeCloseTo(0.1304, 3); // biome-ignore format: the published table
    expect(cohenKappa([[25, 35], [5, 35]])).toBeCloseTo(0.2593, 3); // biome-ignore format: the published table
  });

  it('gives 0.385 for Bertha and Bill, character by character (DKPro Krippendorff1995Test.testDigitizedAgreement)', () => {
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(cohenKappa(table(bertha, bill, 2))).toBeCloseTo(0.385, 3);
  });
});

describe('cohenKappa against the two raters’ lists', () => {
  it('agrees on 300 random pairs of raters', () => {
    const random = new SeededRandom(31);
    for (let n = 0; n < 300; n++) {
      const categories = random.int(2, 6);
      const [a, b] = randomRatings(random, 2, random.int(1, 50), categories) as [number[], number[]];
      const expected = kappaByHand(a, b, categories);
      if (Number.isFinite(expected)) expect(cohenKappa(table(a, b, categories))).toBeCloseTo(expected, 10);
      else expect(cohenKappa(table(a, b, categories))).toBeNaN();
    }
  });
});

describe('cohenKappa where kappa is undefined or the table is wrong', () => {
  it('is NaN without units or when both raters used one and the same category', () => {
    expect(cohenKappa([])).toBeNaN();
    expect(cohenKappa([[0, 0], [0, 0]])).toBeNaN(); // biome-ignore format: a table
    expect(cohenKappa([[9, 0], [0, 0]])).toBeNaN(); // biome-ignore format: a table
  });

  it('refuses a table that is not square or has a negative count', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(/row 1 has 1 cells; the table must be 2×2/);
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/cell \[0\]\[1\] is -2/);
  });
});
