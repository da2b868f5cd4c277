import type { GroupAgreement } from '../../../../shared/api';
import type { Code } from '../../../../shared/model/codebook';
import type { PairMeasure } from '../../store/agreement-slice';

/** The measures' short names, as the tables' headers and the matrix's choice show them. */
export const PAIR_MEASURE_NAMES: Record<PairMeasure, string> = {
  f1: 'F1',
  kappa: 'κ',
  alpha: 'α',
  tokenKappa: 'token κ',
  tokenAlpha: 'token α',
  alphaU: 'α_u',
};

/** The same, spelt out for screen readers and the choice's options. */
export const PAIR_MEASURE_WORDS: Record<PairMeasure, string> = {
  f1: 'exact-span F1',
  kappa: 'Cohen’s kappa over characters',
  alpha: 'Krippendorff’s alpha over characters',
  tokenKappa: 'Cohen’s kappa over tokens',
  tokenAlpha: 'Krippendorff’s alpha over tokens',
  alphaU: 'unitizing alpha',
};

export type GroupMeasure = keyof GroupAgreement;
export const GROUP_MEASURES: readonly GroupMeasure[] = ['fleissKappa', 'alpha', 'alphaU'];
export const GROUP_MEASURE_NAMES: Record<GroupMeasure, string> = {
  fleissKappa: 'Fleiss’ κ',
  alpha: 'α',
  alphaU: 'α_u',
};

/** A measure as the tables show it: three decimals, as `gloss agreement` prints them. */
export function measureText(value: number): string {
  return value.toFixed(3);
}

/** Why a measure is "–", on hover and for screen readers. */
export function undefinedWhy(measure: PairMeasure | GroupMeasure): string {
  return measure === 'f1'
    ? 'Undefined: neither annotator marked a passage here.'
    : 'Undefined: nothing to measure — no units, or no variation to correct for chance (nobody marked anything of it, or everything).';
}

export function documentsWords(count: number, doneOnly: boolean): string {
  const documents = `${count} document${count === 1 ? '' : 's'}`;
  return doneOnly ? `${documents} both marked done` : `${documents} both worked on`;
}

/** The row of every code pooled, as the tables show it. */
export const ALL_CODES_ROW = 'All codes';

/**
 * A table's rows from measures by code id: the codes in codebook order (a code no longer in it
 * last, by its id), then every code pooled with a null id.
 */
export function codeRows<M>(
  byCode: Record<string, M>,
  pooled: M,
  codebook: readonly Pick<Code, 'id' | 'name'>[] | undefined,
): { id: string | null; name: string; measures: M }[] {
  const order = new Map(codebook?.map((c, index) => [c.id, index]));
  const names = new Map(codebook?.map((c) => [c.id, c.name]));
  const codes = Object.entries(byCode)
    .sort(([x], [y]) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity))
    .map(([id, measures]) => ({ id: id as string | null, name: names.get(id) ?? id, measures }));
  return [...codes, { id: null, name: ALL_CODES_ROW, measures: pooled }];
}
