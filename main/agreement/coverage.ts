/**
 * The text an annotator covered with a code, as sorted, disjoint [start, end) intervals, and how
 * two or more coverages meet: what the agreement measures count, without a value per character.
 * Positions are whatever unit the caller gives (Gloss passes code points).
 */
export type Intervals = readonly (readonly [number, number])[];

/** Spans merged where they overlap or touch: a character is inside or not, however many spans hold it. */
export function coverage(spans: Iterable<{ start: number; end: number }>): [number, number][] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: [number, number][] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function coveredLength(intervals: Intervals): number {
  let total = 0;
  for (const [start, end] of intervals) total += end - start;
  return total;
}

/** The length two coverages share. */
export function sharedLength(a: Intervals, b: Intervals): number {
  let shared = 0;
  let j = 0;
  for (const [start, end] of a) {
    while (j < b.length && b[j]![1] <= start) j++;
    for (let k = j; k < b.length && b[k]![0] < end; k++) {
      shared += Math.min(end, b[k]![1]) - Math.max(start, b[k]![0]);
    }
  }
  return shared;
}

/**
 * How much of a text of `length` is covered by exactly k of the coverages, for k = 0…n: the
 * characters as units of the all-together measures (k raters said "inside").
 */
export function coverageDepths(coverages: readonly Intervals[], length: number): number[] {
  const depths = new Array<number>(coverages.length + 1).fill(0);
  const events: [number, number][] = [];
  for (const intervals of coverages) {
    for (const [start, end] of intervals) events.push([start, 1], [end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let at = 0;
  for (const [position, step] of events) {
    depths[depth]! += position - at;
    at = position;
    depth += step;
  }
  depths[0]! += length - at;
  return depths;
}

/** Of two sorted lists of units (their starts), how many are in only the first, only the second, and both. */
export function overlapOfSorted(
  a: readonly number[],
  b: readonly number[],
): { onlyA: number; onlyB: number; both: number } {
  let both = 0;
  let j = 0;
  for (const unit of a) {
    while (j < b.length && b[j]! < unit) j++;
    if (j < b.length && b[j] === unit) both++;
  }
  return { onlyA: a.length - both, onlyB: b.length - both, both };
}
