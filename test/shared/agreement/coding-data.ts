/**
 * Ratings as a researcher would list them, one row per rater and one column per unit (null: the
 * rater skipped the unit), and the way to turn them into the WeightedUnit counts the measures take.
 */
import type { WeightedUnit } from '../../../shared/agreement/weighted-unit';
import type { SeededRandom } from '../../support/seeded-random';

export type Ratings = readonly (readonly (number | null)[])[];

/** Each unit's counts per category, identical units folded into one with `times`. */
export function weightedUnits(ratings: Ratings, categories: number): WeightedUnit[] {
  const units = new Map<string, WeightedUnit>();
  const unitCount = ratings[0]?.length ?? 0;
  for (let u = 0; u < unitCount; u++) {
    const counts = new Array<number>(categories).fill(0);
    for (const rater of ratings) {
      const value = rater[u];
      if (value !== null && value !== undefined) counts[value]!++;
    }
    const key = counts.join(',');
    const unit = units.get(key);
    units.set(key, { counts, times: (unit?.times ?? 0) + 1 });
  }
  return [...units.values()];
}

/** A random study: `raters` × `units` values in [0, categories), each missing with `missing` chance. */
export function randomRatings(
  random: SeededRandom,
  raters: number,
  units: number,
  categories: number,
  missing = 0,
): (number | null)[][] {
  // Raters who agree more often than chance, so the measures are spread over their range.
  const truth = Array.from({ length: units }, () => random.int(0, categories - 1));
  const agreement = random.next();
  return Array.from({ length: raters }, () =>
    truth.map((value) =>
      random.chance(missing) ? null : random.chance(agreement) ? value : random.int(0, categories - 1),
    ),
  );
}
