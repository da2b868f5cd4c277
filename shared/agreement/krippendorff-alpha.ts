import { categoryCount, valuesIn, type WeightedUnit } from './weighted-unit';

/**
 * Krippendorff's alpha, nominal metric, from the coincidence matrix (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011). A unit u with m_u ≥ 2 values (n_uc of them in
 * category c, the unit counted t_u times) adds to the coincidences
 *
 *   o_ck = Σ_u t_u · n_uc (n_uk − [c = k]) / (m_u − 1),   n_c = Σ_k o_ck,   n = Σ_c n_c,
 *
 * and with the nominal distance (0 for the same category, 1 otherwise)
 *
 *   D_o = Σ_{c≠k} o_ck / n,   D_e = Σ_{c≠k} n_c n_k / (n(n − 1)),   α = 1 − D_o / D_e,
 *
 * computed as α = 1 − (n − 1) Σ_u t_u (m_u² − Σ_c n_uc²)/(m_u − 1) / (n² − Σ_c n_c²).
 * Units with fewer than 2 values are unpairable and left out, so raters may skip units
 * (missing data). NaN when undefined (no pairable values, or all in one category: D_e = 0).
 */
export function krippendorffAlphaNominal(units: readonly WeightedUnit[]): number {
  const totals = new Array<number>(categoryCount(units)).fill(0);
  let disagreement = 0;
  units.forEach((unit, index) => {
    const values = valuesIn(unit, index);
    if (values < 2 || unit.times === 0) return;
    let same = 0;
    unit.counts.forEach((count, category) => {
      totals[category]! += unit.times * count;
      same += count * count;
    });
    disagreement += (unit.times * (values * values - same)) / (values - 1);
  });
  let pairable = 0;
  let sameCategory = 0;
  for (const total of totals) {
    pairable += total;
    sameCategory += total * total;
  }
  const expected = pairable * pairable - sameCategory;
  if (expected === 0) return Number.NaN;
  return 1 - ((pairable - 1) * disagreement) / expected;
}
