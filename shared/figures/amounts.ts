import {
  FRACTION_DENOMINATORS,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  TENS,
  UNITS,
  VAGUE_PLURALS,
  vagueRange,
} from './number-words';
import { isAttached, isSymbol, isWord, type Token } from './tokens';

/** One amount, before any currency, range or unit: "15", "2.5bn", "half a billion", "thousands of". */
export interface Amount {
  /** Token index of the first token, and one past the last. */
  from: number;
  to: number;
  min: number;
  max: number;
  form: 'digits' | 'words' | 'vague' | 'fraction';
  /** The power of ten a scale word added ("bn" is 9), or 0. */
  scale: number;
  /** Digits written with grouping ("1,500") or a decimal point ("2.5"). */
  grouped: boolean;
  decimal: boolean;
  /** The abbreviation attached to the digits as a scale ("15bn", "5m", "50K"), as written. */
  attachedScale?: string;
  /** The amount ends in "of" ("thousands of", "two-thirds of"), so a noun must follow. */
  endsInOf?: boolean;
}

/** A numeral's value: "1,500" → 1500, "2.5" → 2.5; undefined for "15,5" or "1.2.3". */
export function numeralValue(text: string): number | undefined {
  const groups = text.split(/[\u00a0\u202f]/);
  const plain = groups.length > 1 ? (groupsOfThree(groups) ? groups.join('') : undefined) : text;
  if (plain === undefined) return undefined;
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(plain);
  if (!match) return undefined;
  return Number(`${(match[1] ?? '').replace(/,/g, '')}${match[2] ?? ''}`);
}

function groupsOfThree(groups: string[]): boolean {
  return groups.every((group, k) => (k === 0 ? /^\d{1,3}$/ : /^\d{3}(\.\d+)?$/).test(group));
}

/** Multiplies exactly in decimal, so 1.1 × 10⁹ is 1100000000 and not 1100000000.0000002. */
export function scaleBy(value: number, power: number): number {
  return power === 0 ? value : Number(`${value}e${power}`);
}

/** The amount starting at token `i`, if one does. */
export function readAmount(tokens: readonly Token[], i: number): Amount | undefined {
  return readDigits(tokens, i) ?? readVague(tokens, i) ?? readFraction(tokens, i) ?? readWords(tokens, i);
}

function readDigits(tokens: readonly Token[], i: number): Amount | undefined {
  const token = tokens[i];
  if (token?.kind !== 'number') return undefined;
  const value = numeralValue(token.text);
  if (value === undefined) return undefined;
  const amount: Amount = {
    from: i,
    to: i + 1,
    min: value,
    max: value,
    form: 'digits',
    scale: 0,
    grouped: /[,\u00a0\u202f]/.test(token.text),
    decimal: token.text.includes('.'),
  };
  return withScale(tokens, amount);
}

/** Adds a scale word after the amount: "15bn", "2.5 million", "half a billion", "15 thousand". */
function withScale(tokens: readonly Token[], amount: Amount): Amount {
  const next = tokens[amount.to];
  if (next?.kind !== 'word') return amount;
  const attached = isAttached(tokens, amount.to) && amount.form === 'digits';
  const power =
    SCALE_WORDS[next.lower] ??
    (attached || next.lower === 'bn' ? SCALE_ABBREVIATIONS[next.lower] : undefined);
  if (power === undefined) return amount;
  // "2k5", "3m2": letters and digits run together are a name or a code, not a scale.
  if (attached && isAttached(tokens, amount.to + 1) && tokens[amount.to + 1]?.kind !== 'symbol')
    return amount;
  // "15 billion" is the whole scale; "15 billion" + "m" would be nonsense and is left alone.
  return {
    ...amount,
    to: amount.to + 1,
    min: scaleBy(amount.min, power),
    max: scaleBy(amount.max, power),
    scale: amount.scale + power,
    ...(attached && !(next.lower in SCALE_WORDS) ? { attachedScale: next.text } : {}),
  };
}

/** "thousands", "tens of thousands", "hundreds of millions", "several thousand", "a few hundred". */
function readVague(tokens: readonly Token[], i: number): Amount | undefined {
  let at = i;
  let power: number | undefined;
  if (isWord(tokens, at, 'several') || (isWord(tokens, at, 'a') && isWord(tokens, at + 1, 'few'))) {
    at += isWord(tokens, at, 'a') ? 2 : 1;
    const scale = SCALE_WORDS[tokens[at]?.lower ?? ''] ?? (isWord(tokens, at, 'hundred') ? 2 : undefined);
    if (scale === undefined) return undefined;
    power = scale;
    at += 1;
    const range = vagueRange(10 ** power);
    return vague(tokens, i, at, range.min, range.max);
  }
  let base = 1;
  if (isWord(tokens, at, 'tens', 'hundreds') && isWord(tokens, at + 1, 'of') && tokens[at + 2]) {
    const outer = isWord(tokens, at, 'tens') ? 10 : 100;
    const inner = VAGUE_PLURALS[tokens[at + 2]?.lower ?? ''];
    if (inner !== undefined && inner >= 1000) {
      base = outer;
      at += 2;
    }
  }
  const scale = VAGUE_PLURALS[tokens[at]?.lower ?? ''];
  if (scale === undefined) return undefined;
  const range = vagueRange(scale === 12 ? 12 : scale * base);
  const { min, max } = base === 1 ? range : { min: 2 * scale * base, max: 10 * scale * base - 1 };
  return vague(tokens, i, at + 1, min, max);
}

function vague(tokens: readonly Token[], from: number, to: number, min: number, max: number): Amount {
  const endsInOf = isWord(tokens, to, 'of');
  return {
    from,
    to: endsInOf ? to + 1 : to,
    min,
    max,
    form: 'vague',
    scale: 0,
    grouped: false,
    decimal: false,
    endsInOf,
  };
}

/** Words that may stand before "half of" when it is a share: "about half of", "more than half of". */
const QUALIFYING_WORDS = [
  'about',
  'around',
  'almost',
  'nearly',
  'than',
  'roughly',
  'some',
  'over',
  'just',
  'and',
];

/**
 * Shares of a whole, as a percentage: "two-thirds" (66.67%), "three quarters", and "half",
 * "a third", "a quarter" when "of" follows ("half of all users"). "half a billion" is not a
 * share but an amount, read by readWords.
 */
function readFraction(tokens: readonly Token[], i: number): Amount | undefined {
  let at = i;
  let numerator: number | undefined;
  if (isWord(tokens, at, 'a', 'one')) numerator = 1;
  else numerator = UNITS[tokens[at]?.lower ?? ''];
  if (isWord(tokens, at, 'half')) {
    // "the first half of the match", "the bottom half of the table": a part, not a share.
    if (tokens[at - 1]?.kind === 'word' && !isWord(tokens, at - 1, ...QUALIFYING_WORDS)) return undefined;
    numerator = 1;
    at -= 1;
  }
  if (numerator === undefined) return undefined;
  at += 1;
  if (isSymbol(tokens, at, '-') && isAttached(tokens, at) && isAttached(tokens, at + 1)) at += 1;
  const word = tokens[at];
  const denominator = FRACTION_DENOMINATORS[word?.lower ?? ''];
  if (word?.kind !== 'word' || denominator === undefined) return undefined;
  const plural = word.lower.endsWith('s');
  const hyphenated = at === i + 2 && tokens[i + 1]?.text === '-';
  // "two thirds", "a third of", "half of"; not "the third quarter" nor "a half-time lead".
  if (numerator > 1 ? !plural : plural) return undefined;
  const single = numerator === 1;
  const endsInOf = isWord(tokens, at + 1, 'of');
  // "two-thirds" alone is a share; "three quarters" alone is more often a count of quarters.
  if ((single || !hyphenated) && !endsInOf) return undefined;
  if (single && isWord(tokens, at + 2, 'a', 'an')) return undefined;
  const percent = Number(((numerator / denominator) * 100).toPrecision(15));
  return {
    from: i,
    to: at + 1,
    min: percent,
    max: percent,
    form: 'fraction',
    scale: 0,
    grouped: false,
    decimal: false,
  };
}

/**
 * Number words: "three", "twenty-five", "two hundred", "a dozen", "two dozen", "a million",
 * "half a billion", "three quarters of a million", "one hundred and fifty thousand".
 */
function readWords(tokens: readonly Token[], i: number): Amount | undefined {
  let at = i;
  let value: number | undefined;
  const word = tokens[at]?.lower ?? '';
  const fraction = FRACTION_DENOMINATORS[word];
  if (word === 'half' && isWord(tokens, at + 1, 'a', 'an')) {
    value = 0.5;
    at += 2;
    if (!((tokens[at]?.lower ?? '') in SCALE_WORDS) && !isWord(tokens, at, 'dozen', 'hundred'))
      return undefined;
  } else if (fraction === undefined && (word === 'a' || word === 'an')) {
    value = 1;
    at += 1;
    if (!isWord(tokens, at, 'dozen', 'hundred', ...Object.keys(SCALE_WORDS))) return undefined;
  } else {
    const small = readBelowHundred(tokens, at);
    if (!small) return undefined;
    value = small.value;
    at = small.to;
  }
  if (isWord(tokens, at, 'dozen')) {
    value *= 12;
    at += 1;
  }
  if (isWord(tokens, at, 'hundred')) {
    value *= 100;
    at += 1;
    const and = isWord(tokens, at, 'and') ? 1 : 0;
    const rest = readBelowHundred(tokens, at + and);
    if (rest) {
      value += rest.value;
      at = rest.to;
    }
  }
  const amount: Amount = {
    from: i,
    to: at,
    min: value,
    max: value,
    form: 'words',
    scale: 0,
    grouped: false,
    decimal: false,
  };
  const scaled = withScale(tokens, amount);
  return Number.isInteger(scaled.min) ? scaled : undefined;
}

/** "seven", "nineteen", "forty", "forty-two", "forty two". */
function readBelowHundred(tokens: readonly Token[], i: number): { value: number; to: number } | undefined {
  const word = tokens[i]?.lower ?? '';
  if (tokens[i]?.kind !== 'word') return undefined;
  const unit = UNITS[word];
  if (unit !== undefined) return { value: unit, to: i + 1 };
  const tens = TENS[word];
  if (tens === undefined) return undefined;
  const hyphen = isSymbol(tokens, i + 1, '-') && isAttached(tokens, i + 1) && isAttached(tokens, i + 2);
  const next = tokens[i + (hyphen ? 2 : 1)]?.lower ?? '';
  const ones = UNITS[next];
  if (ones !== undefined && ones < 10) return { value: tens + ones, to: i + (hyphen ? 3 : 2) };
  return { value: tens, to: i + 1 };
}
