import type { FigureQualifier } from '../model/vocabulary';
import { isSymbol, type Token } from './tokens';

/**
 * The words before a figure that qualify it, longest first so "no more than" wins over "more
 * than". They are not part of the figure's span: "approximately half a billion users" is the
 * figure "half a billion users", approximately.
 */
const BEFORE: [string, FigureQualifier][] = [
  ['in excess of', 'more-than'],
  ['upwards of', 'more-than'],
  ['no more than', 'up-to'],
  ['not more than', 'up-to'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['not less than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['a maximum of', 'up-to'],
  ['as many as', 'up-to'],
  ['as much as', 'up-to'],
  ['an estimated', 'approximately'],
  ['close to', 'approximately'],
  ['just over', 'more-than'],
  ['just under', 'less-than'],
  ['sub -', 'less-than'],
  ['more than', 'more-than'],
  ['greater than', 'more-than'],
  ['at least', 'at-least'],
  ['less than', 'less-than'],
  ['fewer than', 'less-than'],
  ['up to', 'up-to'],
  ['approximately', 'approximately'],
  ['approx', 'approximately'],
  ['about', 'approximately'],
  ['around', 'approximately'],
  ['roughly', 'approximately'],
  ['some', 'approximately'],
  ['nearly', 'approximately'],
  ['almost', 'approximately'],
  ['estimated', 'approximately'],
  ['circa', 'approximately'],
  ['over', 'more-than'],
  ['above', 'more-than'],
  ['exceeding', 'more-than'],
  ['under', 'less-than'],
  ['below', 'less-than'],
];

/** After the figure: "5 million or more". */
const AFTER: [string, FigureQualifier][] = [
  ['or more', 'at-least'],
  ['or over', 'at-least'],
  ['or less', 'up-to'],
  ['or fewer', 'up-to'],
  ['or so', 'approximately'],
  ['plus', 'at-least'],
];

/** "over three years" and "under two years" speak of a period, not of a bound on it ("sub -" is "sub-eight"). */
const NOT_FOR_DURATIONS = new Set(['over', 'under', 'above', 'below']);

export interface QualifierFound {
  qualifier: FigureQualifier;
  /** The first token of the qualifying words. */
  from: number;
}

/** The qualifier written just before token `start`, if any. */
export function qualifierBefore(
  tokens: readonly Token[],
  start: number,
  isDuration: boolean,
): QualifierFound | undefined {
  for (const [phrase, qualifier] of BEFORE) {
    const words = phrase.split(' ');
    const from = start - words.length;
    if (from < 0) continue;
    if (!words.every((word, k) => tokens[from + k]?.lower === word)) continue;
    // "for over 50 years" is a bound, though "over three years" alone is a period.
    if (
      isDuration &&
      words.length === 1 &&
      NOT_FOR_DURATIONS.has(phrase) &&
      tokens[from - 1]?.lower !== 'for'
    )
      continue;
    return { qualifier, from };
  }
  return undefined;
}

/** The qualifier written just after the figure that ends before token `end`, if any. */
export function qualifierAfter(tokens: readonly Token[], end: number): FigureQualifier | undefined {
  // "£30m-plus", "$1 billion-plus".
  if (isSymbol(tokens, end, '-') && tokens[end + 1]?.lower === 'plus' && !tokens[end + 1]?.spaceBefore)
    return 'at-least';
  for (const [phrase, qualifier] of AFTER) {
    const words = phrase.split(' ');
    if (words.every((word, k) => tokens[end + k]?.lower === word)) {
      // "5,000 plus 3,000" adds, it does not qualify.
      if (phrase === 'plus' && (tokens[end + 1]?.kind === 'number' || isSymbol(tokens, end + 1, '$', '£')))
        continue;
      return qualifier;
    }
  }
  return undefined;
}
