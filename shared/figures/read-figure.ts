import type { FigureQualifier } from '../model/vocabulary';
import { type Amount, readAmount, scaleBy } from './amounts';
import { type CurrencyMark, currencyAfter, currencyBefore } from './currency-marks';
import { qualifierAfter, qualifierBefore } from './qualifiers';
import { isAttached, isSymbol, isWord, type Token } from './tokens';
import { ATTACHED_UNITS, isModifier, isTimeUnit, SPACED_UNITS, TIME_UNITS, unitOfNoun } from './units';

/** A figure as the grammar read it, in token indices, before the checks of not-figures.ts. */
export interface Reading {
  /** First token and one past the last: the span, without the qualifying words. */
  from: number;
  to: number;
  min: number;
  max: number;
  unit?: string;
  currency?: string;
  qualifier: FigureQualifier;
  /** The first amount, and the second of a range. */
  first: Amount;
  second?: Amount;
  percent: boolean;
  /** The unit was the noun written after the number, not inherited from the sentence. */
  ownUnit: boolean;
  /** "25-year-old": an age, which the checks turn away. */
  age: boolean;
}

const RANGE_DASHES = ['-', '–', '—'];

/** The figure that starts at token `i`, if the grammar reads one there. */
export function readFigure(tokens: readonly Token[], i: number): Reading | undefined {
  const before = currencyBefore(tokens, i);
  const first = readAmount(tokens, before ? before.to : i);
  if (!first) return undefined;
  // A symbol before number words ("$ two") is not money written that way.
  if (before && first.form !== 'digits') return undefined;

  let to = first.to;
  let percent = percentAt(tokens, to);
  if (percent) to = percent.to;
  const range = readRangeEnd(tokens, i, first, to, before, Boolean(percent));
  let min = first.min;
  let max = first.max;
  let second: Amount | undefined;
  if (range) {
    ({ min, max, second } = range);
    to = range.to;
    if (range.percent) percent = range.percent;
  }

  let currency: CurrencyMark | undefined = before ?? range?.currency;
  if (!currency && !percent) {
    const last = second ?? first;
    currency = currencyAfter(tokens, to, { scaled: last.scale > 0, digits: last.form === 'digits' });
    if (currency) to = currency.to;
  }
  if (!currency && !percent && !range) {
    percent = percentAt(tokens, to);
    if (percent) to = percent.to;
  }
  if (currency && currency.factor !== 1) {
    min = Number((min * currency.factor).toPrecision(12));
    max = Number((max * currency.factor).toPrecision(12));
  }

  let unit: string | undefined = percent?.unit;
  let age = false;
  if (!currency && !percent) {
    const noun = readUnit(tokens, to, second ?? first);
    if (noun) {
      unit = noun.unit;
      to = noun.to;
      age = noun.age;
    }
  }
  // "tens of thousands of" without a noun after it: the span stops before the dangling "of".
  const last = second ?? first;
  if (last.endsInOf && to === last.to) to -= 1;
  if (first.form === 'fraction') unit = '%';

  const qualifier =
    qualifierBefore(tokens, i, isTimeUnit(unit))?.qualifier ?? qualifierAfter(tokens, to) ?? 'exactly';
  return {
    from: i,
    to,
    min,
    max,
    qualifier,
    first,
    percent: Boolean(percent),
    ownUnit: unit !== undefined,
    age,
    ...(second ? { second } : {}),
    ...(unit ? { unit } : {}),
    ...(currency ? { currency: currency.code } : {}),
  };
}

/** "%", "per cent", "percent", "percentage points", "% points", "5pc". */
function percentAt(tokens: readonly Token[], i: number): { to: number; unit: string } | undefined {
  let to: number | undefined;
  if (isSymbol(tokens, i, '%')) to = i + 1;
  else if (isWord(tokens, i, 'per') && isWord(tokens, i + 1, 'cent')) to = i + 2;
  else if (isWord(tokens, i, 'percent')) to = i + 1;
  else if (isWord(tokens, i, 'pc') && isAttached(tokens, i)) to = i + 1;
  else if (isWord(tokens, i, 'percentage') && isWord(tokens, i + 1, 'points', 'point'))
    return { to: i + 2, unit: 'percentage points' };
  if (to === undefined) return undefined;
  if (isWord(tokens, to, 'points') && !isWord(tokens, to + 1, 'of'))
    return { to: to + 1, unit: 'percentage points' };
  return { to, unit: '%' };
}

interface RangeEnd {
  to: number;
  min: number;
  max: number;
  second: Amount;
  currency?: CurrencyMark;
  percent?: { to: number; unit: string };
}

/**
 * The rest of a range: "15-30 billion" (the scale of the second amount is the first's too),
 * "£5m-£6m", "15 to 30 billion dollars", "between $15 billion and $30 billion", "5-10%".
 * "from 5 to 10" is a change, not a range, and "won 3-1" is a score: neither is read as one.
 */
function readRangeEnd(
  tokens: readonly Token[],
  start: number,
  first: Amount,
  at: number,
  before: CurrencyMark | undefined,
  firstIsPercent: boolean,
): RangeEnd | undefined {
  const between = isWord(tokens, start - 1, 'between');
  const from = isWord(tokens, start - 1, 'from');
  const dash = isSymbol(tokens, at, ...RANGE_DASHES);
  const to = !from && isWord(tokens, at, 'to');
  const and = between && isWord(tokens, at, 'and');
  if (!dash && !to && !and) return undefined;
  if (first.form === 'fraction' || first.form === 'vague') return undefined;
  let next = at + 1;
  const currency = currencyBefore(tokens, next);
  if (currency) {
    if (before && currency.code !== before.code) return undefined;
    next = currency.to;
  }
  const second = readAmount(tokens, next);
  if (!second || second.form !== first.form) return undefined;
  // "3-year" and "5-a-side" are words joined by a hyphen, not a range; nor is "2004-05".
  if (dash && first.form === 'words') return undefined;
  const percent = percentAt(tokens, second.to);
  if (firstIsPercent && !percent) return undefined;
  let min = first.min;
  if (first.scale === 0 && second.scale > 0) min = scaleBy(first.min, second.scale);
  const max = second.max;
  if (max <= min) return undefined;
  return {
    to: percent ? percent.to : second.to,
    min,
    max,
    second,
    ...(currency && !before ? { currency } : {}),
    ...(percent ? { percent } : {}),
  };
}

/**
 * The noun after the amount, which becomes the unit: "3,000 jobs", "half a billion active
 * users", "10 million mobile phone users", "thousands of jobs", "10-year" (a duration, as in "a
 * 10-year deal"), "7.2MB". Up to two modifiers may stand before the noun.
 */
function readUnit(
  tokens: readonly Token[],
  at: number,
  amount: Amount,
): { unit: string; to: number; age: boolean } | undefined {
  const next = tokens[at];
  if (!next) return undefined;
  if (next.kind === 'word' && isAttached(tokens, at) && amount.form === 'digits') {
    const attached = ATTACHED_UNITS[next.lower];
    // "4x100m" is a relay, not four times anything.
    if (!attached || (isAttached(tokens, at + 1) && tokens[at + 1]?.kind !== 'symbol')) return undefined;
    return { unit: attached, to: at + 1, age: false };
  }
  if (isSymbol(tokens, at, '-') && isAttached(tokens, at) && isAttached(tokens, at + 1)) {
    const time = TIME_UNITS[tokens[at + 1]?.lower ?? ''];
    if (!time) return undefined;
    const age = isSymbol(tokens, at + 2, '-') && isWord(tokens, at + 3, 'old');
    return { unit: time, to: at + 2, age };
  }
  const spaced = next.kind === 'word' ? SPACED_UNITS[next.lower] : undefined;
  if (spaced) return { unit: spaced, to: at + 1, age: false };
  const single = amount.min === 1 && amount.max === 1;
  let k = at;
  let modifiers = 0;
  // The token is the second half of a hyphenated word ("home-buyers", "e-mail").
  let joined = false;
  for (;;) {
    const token = tokens[k];
    if (token?.kind !== 'word') return undefined;
    const capitalised = token.text[0] !== token.lower[0];
    const unit = capitalised
      ? amount.endsInOf && modifiers === 0 && !joined
        ? pluralName(token.text)
        : acronymPlural(token.text)
      : unitOfNoun(token.lower, { singularOk: single && modifiers === 0 });
    if (unit) return { unit: joined ? `${tokens[k - 2]?.lower}-${unit}` : unit, to: k + 1, age: false };
    if (!isModifierToken(token)) return undefined;
    if (isSymbol(tokens, k + 1, '-') && isAttached(tokens, k + 1) && isAttached(tokens, k + 2)) {
      k += 2;
      joined = true;
      continue;
    }
    joined = false;
    modifiers++;
    k++;
    if (modifiers > 2) return undefined;
  }
}

/** "thousands of Americans": a capitalised plural after "of" is the unit, as written. */
function pluralName(word: string): string | undefined {
  return /^[A-Z][a-z]+s$/.test(word) ? word : undefined;
}

/** "178 million new PCs": an acronym's plural, as written. */
function acronymPlural(word: string): string | undefined {
  return /^[A-Z]{2,}s$/.test(word) ? word : undefined;
}

/** A modifier may be a lower-case word, an acronym ("US", "UK") or a nationality ("British"). */
function isModifierToken(token: Token): boolean {
  if (token.text === token.lower) return isModifier(token.lower);
  return /^[A-Z]{2,3}$/.test(token.text) || /^[A-Z][a-z]+(an|ish|ese|ch|i)$/.test(token.text);
}
