import type { UnitizingContinuum } from './unitizing-alpha';

/**
 * One rater's units of one category, in order: [starts[i], ends[i]) for i < count, disjoint and
 * sorted (integer positions, end exclusive). Units that touch stay two units.
 */
export interface RaterUnits {
  starts: Float64Array;
  ends: Float64Array;
  count: number;
}

/** Every rater's units of one category (raters without any have count 0). */
export interface CategoryUnits {
  category: string;
  raters: RaterUnits[];
}

/**
 * The continuum's segments as units per category and rater, after checking each segment. Empty
 * segments (start = end) mark nothing and are dropped. Overlapping segments of one rater and
 * category are merged into one unit, their union: the measure sees a rater's coding of a
 * category as one partition of the continuum into units and gaps, which overlapping units would
 * break (DKPro Agreement requires they do not overlap). With `only`, other categories are skipped.
 *
 * Sorting and merging work on typed arrays of boundaries, never on positions, so the cost
 * follows the number of segments, not the continuum's length: each group's starts and ends are
 * sorted on their own, and a sweep over both (ends before starts at the same position) finds
 * where the coverage count leaves and returns to 0.
 */
export function unitsByCategory(continuum: UnitizingContinuum, only?: string): CategoryUnits[] {
  const { length, raters, segments } = continuum;
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`unitizing continuum: length is ${length}; it must be a whole number ≥ 0`);
  }
  if (!Number.isSafeInteger(raters) || raters < 0) {
    throw new RangeError(`unitizing continuum: raters is ${raters}; it must be a whole number ≥ 0`);
  }
  const categoryIndex = new Map<string, number>();
  const group = new Int32Array(segments.length).fill(-1);
  let groupSizes: number[] = [];
  segments.forEach((segment, i) => {
    const { rater, category, start, end } = segment;
    if (!Number.isInteger(rater) || rater < 0 || rater >= raters) {
      throw new RangeError(
        `unitizing segment ${i}: rater is ${rater}; raters are numbered 0 to ${raters - 1}`,
      );
    }
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
      throw new RangeError(
        `unitizing segment ${i} (rater ${rater}, ${JSON.stringify(category)}): ${start}–${end} must be ` +
          `whole positions with 0 ≤ start ≤ end ≤ ${length}, the continuum's length`,
      );
    }
    if (start === end || (only !== undefined && category !== only)) return;
    let c = categoryIndex.get(category);
    if (c === undefined) {
      c = categoryIndex.size;
      categoryIndex.set(category, c);
      groupSizes = groupSizes.concat(new Array<number>(raters).fill(0));
    }
    group[i] = c * raters + rater;
    groupSizes[group[i]!]!++;
  });

  // Counting sort by group: group g's boundaries sit at [first[g], first[g + 1]).
  const first = new Float64Array(groupSizes.length + 1);
  groupSizes.forEach((size, g) => {
    first[g + 1] = first[g]! + size;
  });
  const filled = first.slice(0, groupSizes.length);
  const starts = new Float64Array(first[groupSizes.length]!);
  const ends = new Float64Array(starts.length);
  segments.forEach((segment, i) => {
    const g = group[i]!;
    if (g < 0) return;
    const at = filled[g]!++;
    starts[at] = segment.start;
    ends[at] = segment.end;
  });

  const result: CategoryUnits[] = [];
  for (const [category, c] of categoryIndex) {
    const perRater: RaterUnits[] = [];
    for (let r = 0; r < raters; r++) {
      const g = c * raters + r;
      perRater.push(
        mergedUnits(starts.subarray(first[g], first[g + 1]), ends.subarray(first[g], first[g + 1])),
      );
    }
    result.push({ category, raters: perRater });
  }
  return result;
}

/**
 * The union of intervals [starts[i], ends[i]) as disjoint sorted units, written over the same
 * arrays (a unit is written only after at least as many starts and ends were read). The k-th
 * smallest end lies after the k-th smallest start, so sorting the two apart keeps the coverage
 * count right.
 */
function mergedUnits(starts: Float64Array, ends: Float64Array): RaterUnits {
  starts.sort();
  ends.sort();
  const n = starts.length;
  let count = 0;
  let depth = 0;
  let unitStart = 0;
  let i = 0;
  for (let j = 0; j < n; j++) {
    const end = ends[j]!;
    for (; i < n && starts[i]! < end; i++) {
      if (depth === 0) unitStart = starts[i]!;
      depth++;
    }
    depth--;
    if (depth === 0) {
      starts[count] = unitStart;
      ends[count] = end;
      count++;
    }
  }
  return { starts, ends, count };
}
