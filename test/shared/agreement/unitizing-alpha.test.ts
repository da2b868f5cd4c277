import { describe, expect, it } from 'vitest';
import {
  type UnitizingContinuum,
  type UnitizingSegment,
  unitizingAlpha,
  unitizingAlphaByCategory,
  unitizingDisagreements,
} from '../../../shared/agreement/unitizing-alpha';
import { SeededRandom } from '../../support/seeded-random';
import { expectedByHand, observedByHand, unitizingAlphaByHand } from './unitizing-alpha-by-hand';

/** A segment from DKPro's addUnit(offset, length, rater, category), moved `shift` to the left. */
function unit(offset: number, length: number, rater: number, category: string, shift = 0): UnitizingSegment {
  return { rater, category, start: offset - shift, end: offset - shift + length };
}

/**
 * Krippendorff (1995: 57), as DKPro's Krippendorff1995Test.createExample builds it: 24 positions
 * stretched by `stretch`, positions truncated to whole numbers as Java's (int) does. Four pairs
 * of raters, one category each (A Bertha/Bill, B John/Jill, C Gerret/Gill, D Heather/Hill).
 */
function krippendorff1995(stretch: number): UnitizingContinuum {
  const at = (x: number) => Math.trunc(x * stretch);
  const rows: [number, number, number, string][] = [
    [2, 8, 0, 'A'], [14, 6, 0, 'A'], [4, 4, 1, 'A'], [15, 2, 1, 'A'],
    [0, 18, 0, 'B'], [0, 2, 1, 'B'], [2, 1, 1, 'B'], [3, 1, 1, 'B'], [4, 1, 1, 'B'], [5, 1, 1, 'B'],
    [6, 3, 1, 'B'], [9, 1, 1, 'B'],
    [2, 6, 0, 'C'], [10, 2, 0, 'C'], [14, 4, 0, 'C'], [20, 2, 0, 'C'], [0, 2, 1, 'C'], [4, 4, 1, 'C'],
    [10, 4, 1, 'C'], [16, 2, 1, 'C'], [20, 2, 1, 'C'],
    [0, 2, 0, 'D'], [2, 8, 0, 'D'], [10, 4, 0, 'D'], [14, 6, 0, 'D'], [20, 4, 0, 'D'], [0, 4, 1, 'D'],
    [4, 4, 1, 'D'], [8, 7, 1, 'D'], [15, 2, 1, 'D'], [17, 7, 1, 'D'],
  ]; // biome-ignore format: one DKPro addUnit call per entry
  return {
    length: at(24),
    raters: 2,
    segments: rows.map(([offset, length, rater, category]) => unit(at(offset), at(length), rater, category)),
  };
}

/**
 * Krippendorff (2004: 254), as DKPro's Krippendorff2004Test.createExample builds it: the
 * continuum 150–450 (moved to 0–300: alpha_u does not depend on where the continuum begins).
 */
const KRIPPENDORFF_2004: UnitizingContinuum = {
  length: 300,
  raters: 2,
  segments: [
    unit(225, 70, 0, 'c', 150),
    unit(370, 30, 0, 'c', 150),
    unit(220, 80, 1, 'c', 150),
    unit(355, 20, 1, 'c', 150),
    unit(400, 20, 1, 'c', 150),
    unit(180, 60, 0, 'k', 150),
    unit(300, 50, 0, 'k', 150),
    unit(180, 60, 1, 'k', 150),
    unit(300, 50, 1, 'k', 150),
  ],
};

/** JUnit's assertEquals(expected, actual, delta), as DKPro's tests state each figure. */
function expectWithin(actual: number, expected: number, delta: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(delta);
}

describe('unitizingAlpha on DKPro Agreement’s test cases', () => {
  it('matches Krippendorff (2004: 254) as Krippendorff2004Test asserts it', () => {
    // Krippendorff2004Test.testAgreement: 0.8591 ± 0.0005.
    expectWithin(unitizingAlpha(KRIPPENDORFF_2004), 0.8591, 0.0005);
    // testCategoryAgreement, each ± 0.0001.
    const c = unitizingDisagreements(KRIPPENDORFF_2004, 'c');
    expectWithin(c.observed, 0.0144, 0.0001);
    expectWithin(c.expected, 0.0532, 0.0001);
    expectWithin(unitizingAlpha(KRIPPENDORFF_2004, 'c'), 0.7286, 0.0001);
    const k = unitizingDisagreements(KRIPPENDORFF_2004, 'k');
    expect(k.observed).toBe(0);
    expectWithin(k.expected, 0.049, 0.0001);
    expect(unitizingAlpha(KRIPPENDORFF_2004, 'k')).toBe(1);
  });

  it('matches UnitizingAgreementTest’s example: one long unit against three short ones', () => {
    // r0: -11111111-   r1: --1-1-1---   (UnitizingAgreementTest.testAgreement, each ± 0.0001)
    const continuum: UnitizingContinuum = {
      length: 10,
      raters: 2,
      segments: [unit(1, 8, 0, 'A'), unit(2, 1, 1, 'A'), unit(4, 1, 1, 'A'), unit(6, 1, 1, 'A')],
    };
    const { observed, expected } = unitizingDisagreements(continuum, 'A');
    expectWithin(observed, 0.91, 0.0001);
    expectWithin(expected, 0.5351, 0.0001);
    expectWithin(unitizingAlpha(continuum, 'A'), -0.7003, 0.0001);
    expectWithin(unitizingAlpha(continuum), -0.7003, 0.0001);
  });

  it('answers 0 for a single unit and NaN for no unit at all (testSingleAnnotationUnit, testEmptyAnnotationSet)', () => {
    const one: UnitizingContinuum = { length: 20, raters: 3, segments: [unit(0, 1, 0, 'X')] };
    // DKPro: D_O = D_E = 1/600, so exactly 0.0.
    expect(unitizingAlpha(one)).toBeCloseTo(0, 12);
    expect(unitizingAlpha({ length: 20, raters: 3, segments: [] })).toBeNaN();
  });

  it('matches Krippendorff (1995: 57)’s observed disagreements exactly (Krippendorff1995Test.testAgreement)', () => {
    const study = krippendorff1995(1);
    const observed = (c: string) => unitizingDisagreements(study, c).observed;
    // ± 0.00001 in DKPro.
    expectWithin(observed('A'), 0.03125, 0.00001);
    expectWithin(observed('B'), 2.26736, 0.00001);
    expectWithin(observed('C'), 0.02777, 0.00001);
    expectWithin(observed('D'), 0.38715, 0.00001);
  });

  it('matches Krippendorff (1995)’s expected disagreements and alphas within the tolerance DKPro allows them', () => {
    // Krippendorff1995Test.testAgreement with stretch 1,200,000 / 24: D_E ± 0.005, alpha ± 0.02 (the
    // published figures were computed by Krippendorff; DKPro notes a small error in the 1995 D_E).
    const study = krippendorff1995(1_200_000 / 24);
    const published: [string, number, number][] = [
      ['A', 0.0699, 0.553],
      ['B', 1.17731, -0.926],
      ['C', 0.08642, 0.679],
      ['D', 0.41445, 0.066],
    ];
    for (const [category, expected, alpha] of published) {
      expectWithin(unitizingDisagreements(study, category).expected, expected, 0.005);
      expectWithin(unitizingAlpha(study, category), alpha, 0.02);
      // And exactly what DKPro's definition gives, followed step by step.
      expect(unitizingAlpha(study, category)).toBeCloseTo(unitizingAlphaByHand(study, category), 9);
    }
  });

  it('matches the D_E DKPro asserts for the 1995 example at 12 positions (Krippendorff1995Test.testVaryingLengths)', () => {
    // Stretch 12/24 truncates positions as Java's (int): D_O ± 0.00001, D_E ± 0.00001, alpha ± 0.02.
    const study = krippendorff1995(12 / 24);
    expectWithin(unitizingDisagreements(study, 'C').observed, 0.02777, 0.00001);
    expectWithin(unitizingDisagreements(study, 'C').expected, 0.05494, 0.00001);
    expectWithin(unitizingAlpha(study, 'C'), 0.494, 0.02);
    // The longer continua of the same test, D_E ± 0.005 and alpha ± 0.02.
    for (const [positions, expected, alpha] of [
      [120, 0.08234, 0.663],
      [1200, 0.086, 0.677],
      [12000, 0.08638, 0.678],
      [120000, 0.08642, 0.679],
    ] as const) {
      const stretched = krippendorff1995(positions / 24);
      expectWithin(unitizingDisagreements(stretched, 'C').expected, expected, 0.005);
      expectWithin(unitizingAlpha(stretched, 'C'), alpha, 0.02);
    }
  });
});

/** A random continuum; one rater's segments of one category never overlap (DKPro's precondition). */
function randomContinuum(random: SeededRandom): UnitizingContinuum {
  const length = random.int(1, 60);
  const raters = random.int(2, 4);
  const categories = ['a', 'b', 'c'].slice(0, random.int(1, 3));
  const segments: UnitizingSegment[] = [];
  for (let rater = 0; rater < raters; rater++) {
    for (const category of categories) {
      let at = random.chance(0.3) ? 0 : random.int(0, 8);
      while (at < length && random.chance(0.85)) {
        const end = Math.min(length, at + random.int(1, random.chance(0.2) ? 30 : 6));
        segments.push({ rater, category, start: at, end });
        at = end + (random.chance(0.2) ? 0 : random.int(1, 10));
      }
    }
  }
  return { length, raters, segments: random.sample(segments, segments.length) };
}

function expectSame(actual: number, expected: number): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('unitizingAlpha against DKPro’s definition followed step by step', () => {
  it('agrees on 600 random continua, per category and over all categories', () => {
    const random = new SeededRandom(2026);
    let defined = 0;
    for (let n = 0; n < 600; n++) {
      const continuum = randomContinuum(random);
      for (const category of ['a', 'b', 'c']) {
        const { observed, expected } = unitizingDisagreements(continuum, category);
        if (continuum.segments.some((s) => s.category === category)) {
          expectSame(observed, observedByHand(continuum, category));
          expectSame(expected, expectedByHand(continuum, category));
        }
        expectSame(unitizingAlpha(continuum, category), unitizingAlphaByHand(continuum, category));
      }
      const alpha = unitizingAlpha(continuum);
      expectSame(alpha, unitizingAlphaByHand(continuum));
      if (!Number.isNaN(alpha)) defined++;
    }
    expect(defined).toBeGreaterThan(500);
  });

  it('agrees on a continuum of 100,000 positions with hundreds of units per rater and category', () => {
    const random = new SeededRandom(99);
    const segments: UnitizingSegment[] = [];
    for (let rater = 0; rater < 3; rater++) {
      for (const category of ['a', 'b', 'c']) {
        for (let at = random.int(0, 300); at < 100_000; ) {
          const end = Math.min(100_000, at + random.int(1, 400));
          segments.push({ rater, category, start: at, end });
          at = end + (random.chance(0.1) ? 0 : random.int(1, 300));
        }
      }
    }
    const continuum = { length: 100_000, raters: 3, segments };
    expect(segments.length).toBeGreaterThan(2000);
    expectSame(unitizingAlpha(continuum), unitizingAlphaByHand(continuum));
    for (const category of ['a', 'b', 'c']) {
      expectSame(unitizingAlpha(continuum, category), unitizingAlphaByHand(continuum, category));
    }
  });

  it('gives every category’s alpha and the overall one from one call, as the single calls do', () => {
    const random = new SeededRandom(3);
    for (let n = 0; n < 100; n++) {
      const continuum = randomContinuum(random);
      const { overall, byCategory } = unitizingAlphaByCategory(continuum);
      expectSame(overall, unitizingAlpha(continuum));
      expect([...byCategory.keys()].sort()).toEqual(
        [...new Set(continuum.segments.map((s) => s.category))].sort(),
      );
      for (const [category, alpha] of byCategory) expectSame(alpha, unitizingAlpha(continuum, category));
    }
    expect(unitizingAlphaByCategory(KRIPPENDORFF_2004).byCategory.get('k')).toBe(1);
  });

  it('does not depend on the order of segments, the numbering of raters, or reading the continuum backwards', () => {
    const random = new SeededRandom(7);
    for (let n = 0; n < 200; n++) {
      const continuum = randomContinuum(random);
      const alpha = unitizingAlpha(continuum);
      const renumber = random.sample(
        Array.from({ length: continuum.raters }, (_, r) => r),
        continuum.raters,
      );
      const shuffled = {
        ...continuum,
        segments: random.sample(continuum.segments, continuum.segments.length).map((s) => ({
          ...s,
          rater: renumber[s.rater]!,
        })),
      };
      const mirrored = {
        ...continuum,
        segments: continuum.segments.map((s) => ({
          ...s,
          start: continuum.length - s.end,
          end: continuum.length - s.start,
        })),
      };
      expectSame(unitizingAlpha(shuffled), alpha);
      expectSame(unitizingAlpha(mirrored), alpha);
    }
  });
});

describe('unitizingAlpha on segments DKPro does not accept', () => {
  const base: UnitizingSegment[] = [
    { rater: 0, category: 'x', start: 2, end: 9 },
    { rater: 1, category: 'x', start: 3, end: 8 },
    { rater: 1, category: 'x', start: 12, end: 15 },
  ];

  it('merges one rater’s overlapping or repeated segments of a category into their union', () => {
    const union: UnitizingContinuum = { length: 20, raters: 2, segments: base };
    const pieces: UnitizingContinuum = {
      length: 20,
      raters: 2,
      segments: [
        { rater: 0, category: 'x', start: 2, end: 6 },
        { rater: 0, category: 'x', start: 4, end: 9 },
        { rater: 0, category: 'x', start: 5, end: 7 },
        ...base.slice(1),
        { rater: 1, category: 'x', start: 12, end: 15 },
      ],
    };
    expect(unitizingAlpha(pieces)).toBe(unitizingAlpha(union));
    expect(unitizingAlpha(union)).toBeCloseTo(unitizingAlphaByHand(union), 12);
  });

  it('keeps touching segments as two units, as DKPro does', () => {
    const touching: UnitizingContinuum = {
      length: 20,
      raters: 2,
      segments: [
        { rater: 0, category: 'x', start: 2, end: 5 },
        { rater: 0, category: 'x', start: 5, end: 9 },
        ...base.slice(1),
      ],
    };
    expect(unitizingAlpha(touching)).toBeCloseTo(unitizingAlphaByHand(touching), 12);
    expect(unitizingAlpha(touching)).not.toBeCloseTo(
      unitizingAlpha({ length: 20, raters: 2, segments: base }),
      3,
    );
  });

  it('drops empty segments: a category with nothing but empty ones has no alpha', () => {
    const withEmpty: UnitizingContinuum = {
      length: 20,
      raters: 2,
      segments: [...base, { rater: 0, category: 'y', start: 4, end: 4 }],
    };
    expect(unitizingAlpha(withEmpty)).toBe(unitizingAlpha({ length: 20, raters: 2, segments: base }));
    expect(unitizingAlpha(withEmpty, 'y')).toBeNaN();
    expect(unitizingAlpha(withEmpty, 'never used')).toBeNaN();
  });

  it('is NaN with fewer than two raters or an empty continuum, and 1 for identical codings', () => {
    expect(unitizingAlpha({ length: 20, raters: 1, segments: [base[0]!] })).toBeNaN();
    expect(unitizingAlpha({ length: 0, raters: 2, segments: [] })).toBeNaN();
    const same = base.flatMap((s) => [s, { ...s, rater: 1 - s.rater }]);
    expect(unitizingAlpha({ length: 20, raters: 2, segments: same })).toBe(1);
  });

  it('refuses segments outside the continuum, of raters it does not have, or between positions', () => {
    const at = (segment: UnitizingSegment) => () =>
      unitizingAlpha({ length: 20, raters: 2, segments: [segment] });
    expect(at({ rater: 0, category: 'x', start: 15, end: 21 })).toThrow(/segment 0 .*0 ≤ start ≤ end ≤ 20/);
    expect(at({ rater: 0, category: 'x', start: 9, end: 8 })).toThrow(RangeError);
    expect(at({ rater: 0, category: 'x', start: 1.5, end: 8 })).toThrow(RangeError);
    expect(at({ rater: 2, category: 'x', start: 1, end: 8 })).toThrow(
      /rater is 2; raters are numbered 0 to 1/,
    );
    expect(() => unitizingAlpha({ length: -1, raters: 2, segments: [] })).toThrow(RangeError);
  });
});
