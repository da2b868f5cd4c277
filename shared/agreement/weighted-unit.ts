/**
 * One unit of analysis (a character, a token) as the raters coded it: counts[c] = raters who gave
 * it category c; `times` identical units. Categories are indexes, the same in every unit; a unit
 * may list fewer categories than another (the missing ones count 0). Raters who did not code the
 * unit are simply not counted, so counts can sum to less than the number of raters (missing data).
 */
export interface WeightedUnit {
  counts: readonly number[];
  times: number;
}

/**
 * The number of values in a unit, m_u = Σ_c counts[c], after checking the unit is made of counts:
 * whole numbers ≥ 0 for each count and for `times`. Throws a RangeError naming the unit otherwise,
 * since a fraction or a negative count means the caller tallied something else.
 */
export function valuesIn(unit: WeightedUnit, index: number): number {
  if (!isCount(unit.times)) {
    throw new RangeError(`agreement unit ${index}: times is ${unit.times}; it must be a whole number ≥ 0`);
  }
  let values = 0;
  unit.counts.forEach((count, category) => {
    if (!isCount(count)) {
      throw new RangeError(
        `agreement unit ${index}: counts[${category}] is ${count}; a count of raters is a whole number ≥ 0`,
      );
    }
    values += count;
  });
  return values;
}

/** How many categories the units use between them: the longest `counts`. */
export function categoryCount(units: readonly WeightedUnit[]): number {
  let k = 0;
  for (const unit of units) k = Math.max(k, unit.counts.length);
  return k;
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
