import { type Codebook, roleOf } from '../../shared/model/codebook';
import type { FigureValue } from '../../shared/model/figure';

/**
 * Which figure code a parsed figure is proposed under. A code named after what the figure
 * measures wins ("Valuation" for a valuation, a researcher's own "Fines" for a fine); then the
 * default codebook's codes by unit or currency; then "Other"; then any figure code at all.
 */
export function figureCodeFor(value: FigureValue, codebook: Codebook): string | undefined {
  const codes = codebook.codes.filter((code) => code.codable && roleOf(codebook, code.id) === 'figure');
  if (codes.length === 0) return undefined;
  const stem = (word: string) => word.toLocaleLowerCase('en').replace(/s$/, '');
  for (const word of [value.measures, value.unit]) {
    if (!word || word === '%') continue;
    const wanted = stem(word);
    const named = codes.find((code) => code.name.split(/\s+/).some((part) => stem(part) === wanted));
    if (named) return named.id;
  }
  const has = (id: string) => codes.some((code) => code.id === id);
  if ((value.unit === 'users' || value.measures === 'users') && has('user-count')) return 'user-count';
  if ((value.unit === 'jobs' || value.measures === 'jobs') && has('jobs')) return 'jobs';
  if (value.currency && has('money')) return 'money';
  if (has('other-figure')) return 'other-figure';
  return codes[0]!.id;
}
