/**
 * Cohen's kappa from a k×k table of counts: rows = rater A's category, columns = rater B's;
 * table[i][j] = units A put in category i and B in category j. With N the table's total, p_o the
 * share of units on the diagonal and p_e the agreement expected from the two raters' own
 * marginals,
 *
 *   p_o = Σ_i table[i][i] / N,   p_e = Σ_i (row_i / N)(col_i / N),   κ = (p_o − p_e) / (1 − p_e),
 *
 * computed as (N·Σ_i table[i][i] − Σ_i row_i·col_i) / (N² − Σ_i row_i·col_i), exact for whole
 * counts. NaN when undefined (no units, or expected agreement 1: both raters used one and the same
 * category throughout). Throws a RangeError for a table that is not square or holds a negative
 * or non-finite count.
 */
export function cohenKappa(table: readonly (readonly number[])[]): number {
  const k = table.length;
  const rows = new Array<number>(k).fill(0);
  const columns = new Array<number>(k).fill(0);
  let total = 0;
  let diagonal = 0;
  table.forEach((row, i) => {
    if (row.length !== k) {
      throw new RangeError(`Cohen's kappa: row ${i} has ${row.length} cells; the table must be ${k}×${k}`);
    }
    row.forEach((count, j) => {
      if (!Number.isFinite(count) || count < 0) {
        throw new RangeError(`Cohen's kappa: cell [${i}][${j}] is ${count}; counts are finite and ≥ 0`);
      }
      rows[i]! += count;
      columns[j]! += count;
      total += count;
      if (i === j) diagonal += count;
    });
  });
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rows[i]! * columns[i]!;
  const denominator = total * total - chance;
  if (denominator === 0) return Number.NaN;
  return (total * diagonal - chance) / denominator;
}
