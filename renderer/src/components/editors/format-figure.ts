import type { FigureQualifier, FigureValue } from '../../../../shared/model/figure';

/** How each qualifier reads in a sentence and in the editor's choice list. */
export const QUALIFIER_LABELS: Record<FigureQualifier, string> = {
  exactly: 'exactly',
  approximately: 'approximately',
  'more-than': 'more than',
  'at-least': 'at least',
  'less-than': 'less than',
  'up-to': 'up to',
};

/**
 * A figure value in a few words, for tooltips and lists: "$15–30B", "approximately 80 million users",
 * "up to 40%". Numbers are in the reader's locale; nothing is rounded away below two decimals.
 */
export function formatFigureValue(value: FigureValue, locale?: string): string {
  const numbers = new Intl.NumberFormat(locale, {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
    ...(value.currency
      ? {
          style: 'currency',
          currency: value.currency,
          currencyDisplay: 'narrowSymbol',
          compactDisplay: 'short',
        }
      : { compactDisplay: 'long' }),
  });
  let amount =
    value.min === value.max ? numbers.format(value.min) : numbers.formatRange(value.min, value.max);
  if (value.unit) amount += value.unit === '%' ? '%' : ` ${value.unit}`;
  const qualifier = value.qualifier ?? 'exactly';
  return qualifier === 'exactly' ? amount : `${QUALIFIER_LABELS[qualifier]} ${amount}`;
}
