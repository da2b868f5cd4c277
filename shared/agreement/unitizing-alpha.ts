import { type CategoryUnits, type RaterUnits, unitsByCategory } from './unitizing-units';

/** A segment one rater marked on the continuum: [start, end), end exclusive, integer positions. */
export interface UnitizingSegment {
  rater: number;
  category: string;
  start: number;
  end: number;
}

/** A continuum of `length` positions (0 to length − 1) that `raters` raters (0 to raters − 1) segmented. */
export interface UnitizingContinuum {
  length: number;
  raters: number;
  segments: readonly UnitizingSegment[];
}

/**
 * Krippendorff's unitizing alpha (alpha_u) over a continuum, as DKPro Agreement's
 * KrippendorffAlphaUnitizingAgreement computes it: for one category (its
 * calculateCategoryAgreement) or, without one, over all categories (calculateAgreement):
 *
 *   α_u(c) = 1 − D_O(c) / D_E(c),   α_u = 1 − mean_c D_O(c) / mean_c D_E(c)
 *
 * over the categories that have a unit. unitizingDisagreements gives D_O and D_E, with their
 * formulas. NaN when undefined: fewer than 2 raters, an empty continuum, no unit of the category
 * (of any category, without one), or D_E = 0. DKPro answers 0 wherever D_O = D_E, 0/0 included;
 * here only the undefined 0/0 differs, as NaN. Empty segments are dropped and one rater's
 * overlapping segments of one category merged (unitsByCategory); DKPro requires neither happens.
 * Throws a RangeError for a segment outside the continuum or of an unknown rater.
 */
export function unitizingAlpha(continuum: UnitizingContinuum, category?: string): number {
  const { observed, expected } = unitizingDisagreements(continuum, category);
  return expected === 0 ? Number.NaN : 1 - observed / expected;
}

/**
 * The observed and expected disagreement of Krippendorff's (1995; 2004: 251–256) alpha_u for one
 * category or, without one, their means over the categories that have a unit; NaN for both when
 * undefined (see unitizingAlpha). For category c, each rater's coding splits the continuum of
 * length L into sections: the rater's units of c, and the gaps between them (other categories'
 * units count as gaps). For m raters, with sections g of rater i and h of rater j
 * (b = begin, e = end, l = length):
 *
 *   δ(g, h) = (b_g − b_h)² + (e_g − e_h)²   g and h units that overlap,
 *           = l_g²                           g a unit inside the gap h (and l_h², h inside g),
 *           = 0                              otherwise;
 *   D_O(c) = Σ_{i≠j} Σ_g Σ_h δ(g, h) / (m(m − 1) L²).
 *
 * With N_c units of c among all raters and the gaps of all raters,
 *
 *   D_E(c) = (2/L) Σ_units [ (N_c − 1)·l(l − 1)(2l − 1)/3 + l²·Σ_{gaps γ ≥ l} (γ − l + 1) ]
 *            / (mL(mL − 1) − Σ_units l(l − 1)).
 *
 * D_O sweeps each pair of raters' sorted units once; D_E sorts the gaps and the unit lengths and
 * sweeps both, so the cost follows the number of segments, not L.
 */
export function unitizingDisagreements(
  continuum: UnitizingContinuum,
  category?: string,
): { observed: number; expected: number } {
  const categories = unitsByCategory(continuum, category);
  const { length, raters } = continuum;
  if (raters < 2 || length === 0 || categories.length === 0) {
    return { observed: Number.NaN, expected: Number.NaN };
  }
  let observed = 0;
  let expected = 0;
  for (const units of categories) {
    observed += observedDisagreement(units, length);
    expected += expectedDisagreement(units, length);
  }
  return { observed: observed / categories.length, expected: expected / categories.length };
}

/**
 * unitizingAlpha of every category that has a unit (in the order they first appear) and over all
 * of them, from one pass over the segments: the same figures as calling unitizingAlpha once
 * without a category and once with each.
 */
export function unitizingAlphaByCategory(continuum: UnitizingContinuum): {
  overall: number;
  byCategory: Map<string, number>;
} {
  const categories = unitsByCategory(continuum);
  const byCategory = new Map<string, number>();
  const { length, raters } = continuum;
  if (raters < 2 || length === 0 || categories.length === 0) {
    for (const { category } of categories) byCategory.set(category, Number.NaN);
    return { overall: Number.NaN, byCategory };
  }
  let observed = 0;
  let expected = 0;
  for (const units of categories) {
    const o = observedDisagreement(units, length);
    const e = expectedDisagreement(units, length);
    byCategory.set(units.category, e === 0 ? Number.NaN : 1 - o / e);
    observed += o;
    expected += e;
  }
  return { overall: expected === 0 ? Number.NaN : 1 - observed / expected, byCategory };
}

function observedDisagreement(units: CategoryUnits, length: number): number {
  const raters = units.raters.length;
  let sum = 0;
  for (let i = 0; i < raters; i++) {
    for (let j = i + 1; j < raters; j++) sum += pairDistance(units.raters[i]!, units.raters[j]!);
  }
  return (2 * sum) / (raters * (raters - 1) * length * length);
}

/**
 * Σ_g Σ_h δ(g, h) for two raters' sections. Only overlapping sections can differ, so the sweep
 * visits each overlapping pair of units once and adds l² for each unit no unit of the other
 * overlaps (it lies inside one of the other's gaps).
 */
function pairDistance(a: RaterUnits, b: RaterUnits): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  let aOverlapped = false;
  let bOverlapped = false;
  while (i < a.count && j < b.count) {
    const aStart = a.starts[i]!;
    const aEnd = a.ends[i]!;
    const bStart = b.starts[j]!;
    const bEnd = b.ends[j]!;
    if (aEnd <= bStart) {
      if (!aOverlapped) sum += (aEnd - aStart) ** 2;
      i++;
      aOverlapped = false;
    } else if (bEnd <= aStart) {
      if (!bOverlapped) sum += (bEnd - bStart) ** 2;
      j++;
      bOverlapped = false;
    } else {
      sum += (aStart - bStart) ** 2 + (aEnd - bEnd) ** 2;
      aOverlapped = true;
      bOverlapped = true;
      // The unit that ends first overlaps nothing further on; the other may.
      if (aEnd <= bEnd) {
        i++;
        aOverlapped = false;
      }
      if (bEnd <= aEnd) {
        j++;
        bOverlapped = false;
      }
    }
  }
  for (; i < a.count; i++, aOverlapped = false) if (!aOverlapped) sum += (a.ends[i]! - a.starts[i]!) ** 2;
  for (; j < b.count; j++, bOverlapped = false) if (!bOverlapped) sum += (b.ends[j]! - b.starts[j]!) ** 2;
  return sum;
}

function expectedDisagreement(units: CategoryUnits, length: number): number {
  let unitCount = 0;
  for (const rater of units.raters) unitCount += rater.count;
  const lengths = new Float64Array(unitCount);
  const gaps = new Float64Array(unitCount + units.raters.length);
  let gapCount = 0;
  let at = 0;
  let squaredLengths = 0;
  for (const rater of units.raters) {
    let previousEnd = 0;
    for (let k = 0; k < rater.count; k++) {
      const start = rater.starts[k]!;
      if (start > previousEnd) gaps[gapCount++] = start - previousEnd;
      previousEnd = rater.ends[k]!;
      const l = previousEnd - start;
      lengths[at++] = l;
      squaredLengths += l * (l - 1);
    }
    if (length > previousEnd) gaps[gapCount++] = length - previousEnd;
  }
  lengths.sort();
  const sortedGaps = gaps.subarray(0, gapCount).sort();

  // Longest units first, taking in the gaps at least as long as each: Σ_{γ ≥ l} (γ − l + 1).
  let sum = 0;
  let fitting = 0;
  let fittingLength = 0;
  let g = gapCount - 1;
  for (let k = unitCount - 1; k >= 0; k--) {
    const l = lengths[k]!;
    for (; g >= 0 && sortedGaps[g]! >= l; g--) {
      fitting++;
      fittingLength += sortedGaps[g]!;
    }
    sum += ((unitCount - 1) * l * (l - 1) * (2 * l - 1)) / 3 + l * l * (fittingLength - fitting * (l - 1));
  }
  const all = units.raters.length * length;
  return ((2 / length) * sum) / (all * (all - 1) - squaredLengths);
}
