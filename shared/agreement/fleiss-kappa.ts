import { categoryCount, valuesIn, type WeightedUnit } from './weighted-unit';

/**
 * Fleiss' kappa (1971) for n raters per unit. With N units (each counted `times`), n_ij the raters
 * who put unit i in category j, the agreement on a unit, its mean, and the chance agreement from
 * the pooled category shares p_j:
 *
 *   P_i = (Σ_j n_ij² − n) / (n(n − 1)),   P̄ = Σ_i P_i / N,
 *   p_j = Σ_i n_ij / (N n),               P̄_e = Σ_j p_j²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 *
 * Every unit (with times > 0) must have the same number of raters n ≥ 2, else throws: with
 * missing ratings, use Krippendorff's alpha. NaN when undefined (no units, or P̄_e = 1: every
 * rating in one category). Computed over whole counts as
 * (Nn(S − Nn) − (n − 1)ΣT_j²) / ((n − 1)((Nn)² − ΣT_j²)), with S = Σ_i Σ_j n_ij², T_j = Σ_i n_ij.
 */
export function fleissKappa(units: readonly WeightedUnit[]): number {
  const totals = new Array<number>(categoryCount(units)).fill(0);
  let raters = 0;
  let firstUnit = -1;
  let unitCount = 0;
  let squares = 0;
  units.forEach((unit, index) => {
    const values = valuesIn(unit, index);
    if (unit.times === 0) return;
    if (firstUnit < 0) {
      if (values < 2) {
        throw new RangeError(`Fleiss' kappa: unit ${index} has ${values} rater(s); it needs at least 2`);
      }
      raters = values;
      firstUnit = index;
    } else if (values !== raters) {
      throw new RangeError(
        `Fleiss' kappa: unit ${index} has ${values} raters and unit ${firstUnit} has ${raters}; ` +
          `every unit needs the same number (Krippendorff's alpha allows missing ratings)`,
      );
    }
    unitCount += unit.times;
    unit.counts.forEach((count, category) => {
      totals[category]! += unit.times * count;
      squares += unit.times * count * count;
    });
  });
  const ratings = unitCount * raters;
  let chance = 0;
  for (const total of totals) chance += total * total;
  const denominator = (raters - 1) * (ratings * ratings - chance);
  if (denominator === 0) return Number.NaN;
  return (ratings * (squares - ratings) - (raters - 1) * chance) / denominator;
}
