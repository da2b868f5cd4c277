import type { Amount } from './amounts';
import { MONTHS } from './number-words';
import type { Reading } from './read-figure';
import { isAttached, isSymbol, isWord, startsSentence, type Token } from './tokens';

/**
 * Why a number the grammar read is not a figure, or undefined when it is one. News text is full
 * of numbers that are not quantities: years and dates, times of day, ordinals, references,
 * phone and version numbers, scores, names ("Channel 4", "Air Force One"), ages, athletics
 * distances ("the 100m").
 *
 * A bare number, with no currency, scale, per cent or noun after it, is not a figure either
 * ("aged 25", "won 3-1", "Article 5"): too few of them are quantities. Digits written with
 * grouping or decimals ("1,500", "2.5") are the exception, since identifiers and scores are
 * not written that way. `lenient` (a passage the researcher chose) keeps only the checks of
 * form, for then the researcher has already said the words are a figure.
 */
export function whyNotAFigure(
  tokens: readonly Token[],
  reading: Reading,
  lenient = false,
): string | undefined {
  const form = formProblem(tokens, reading);
  if (form || lenient) return form;
  return meaningProblem(tokens, reading);
}

/** Numbers that are parts of something else: "1st", "1990s", "3pm", "10:30", "G8", "v2", "[3]", "#39". */
function formProblem(tokens: readonly Token[], reading: Reading): string | undefined {
  const { first } = reading;
  const last = reading.second ?? first;
  const numeral = tokens[first.from];
  if (numeral?.kind === 'number') {
    if (isAttached(tokens, first.from) && tokens[first.from - 1]?.kind === 'word') return 'part of a name';
    if (isSymbol(tokens, first.from - 1, '#', '+') && isAttached(tokens, first.from)) return 'a reference';
    if (isSymbol(tokens, first.from - 1, '[') && isSymbol(tokens, first.to, ']')) return 'a reference';
    if (isSymbol(tokens, first.from - 1, '-', '–', '/') && isAttached(tokens, first.from)) {
      if (tokens[first.from - 2]?.kind === 'number' && isAttached(tokens, first.from - 1))
        return 'the second half of a score or date';
    }
    if (isSymbol(tokens, first.from - 1, '.', ':') && tokens[first.from - 2]?.kind === 'number')
      return 'part of a longer number';
    if (/^0\d{2,}/.test(numeral.text)) return 'a phone or code number';
  }
  const after = tokens[last.to];
  if (last.form === 'digits' && last.scale === 0 && reading.to === last.to && after?.kind === 'word') {
    if (isAttached(tokens, last.to)) return 'an ordinal, decade or name';
  }
  if (isSymbol(tokens, last.to, ':', '.') && isAttached(tokens, last.to) && isAttached(tokens, last.to + 1)) {
    if (tokens[last.to + 1]?.kind === 'number') return 'a time or a longer number';
  }
  if (isSymbol(tokens, last.to, '/') && isAttached(tokens, last.to) && tokens[last.to + 1]?.kind === 'number')
    return 'a date or a fraction';
  return undefined;
}

/** Words before a number that make it a reference, not a quantity: "page 12", "No 10", "version 2". */
const REFERENCE_WORDS = new Set(
  (
    'p pp page pages para paragraph section sections chapter article articles clause no number ' +
    'version v vol volume issue fig figure table line lines room flight route junction rule level ' +
    'grade size category platform channel series model type phase stage round game match week ' +
    'day world top group division league formula windows vista office'
  ).split(' '),
);

/** Athletics distances, which "m" after them makes metres ("the 100m"), not millions. */
const DISTANCES = new Set([50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);
/** Plurals after a distance that are the race, not what is counted ("the 60m hurdles"). */
const ATHLETICS = new Set(['hurdles', 'titles', 'finals', 'heats', 'races', 'records', 'relays', 'metres']);

function meaningProblem(tokens: readonly Token[], reading: Reading): string | undefined {
  const { first } = reading;
  const last = reading.second ?? first;
  if (reading.age) return 'an age';
  if (isYear(first) && !reading.currency && !reading.percent) return 'a year';
  if (isDay(first) && !reading.currency && !reading.percent && !reading.ownUnit) {
    if (isMonth(tokens[last.to]) || (isWord(tokens, last.to, 'of') && isMonth(tokens[last.to + 1])))
      return 'a date';
    if (isMonth(tokens[first.from - 1])) return 'a date';
  }
  if (isTime(tokens, reading)) return 'a time of day';
  const previous = tokens[reading.from - 1];
  const beforeDot = isSymbol(tokens, reading.from - 1, '.') ? tokens[reading.from - 2] : undefined;
  if (
    !reading.currency &&
    !reading.percent &&
    ((previous?.kind === 'word' &&
      REFERENCE_WORDS.has(previous.lower) &&
      !startsSentence(tokens, reading.from - 1)) ||
      (beforeDot?.kind === 'word' && ['p', 'pp', 'no', 'vol', 'fig'].includes(beforeDot.lower)))
  ) {
    if (first.scale === 0 && !reading.ownUnit) return 'a reference';
  }
  if (first.attachedScale === 'K' && !reading.currency) return 'a distance in kilometres';
  if (
    first.attachedScale === 'm' &&
    !reading.currency &&
    (!reading.ownUnit || ATHLETICS.has(reading.unit ?? '')) &&
    DISTANCES.has(first.min / 1e6)
  )
    return 'a distance in metres';
  if (reading.unit && ['years', 'months', 'weeks', 'days', 'hours', 'decades'].includes(reading.unit)) {
    if (isWord(tokens, reading.to, 'ago')) return 'a date (… ago)';
  }
  if (!reading.currency && !reading.percent && first.scale === 0 && first.form !== 'vague') {
    if (isNamePart(tokens, reading)) return 'part of a name';
  }
  // "one of them", "a man": "one" and "a" count only with a scale ("one million").
  if (first.form === 'words' && first.min === 1 && last.scale === 0) return 'a determiner';
  if (isBare(reading)) return 'a bare number';
  return undefined;
}

function isYear(amount: Amount): boolean {
  return (
    amount.form === 'digits' &&
    amount.scale === 0 &&
    !amount.grouped &&
    !amount.decimal &&
    amount.min >= 1800 &&
    amount.min <= 2099
  );
}

function isDay(amount: Amount): boolean {
  return (
    amount.form === 'digits' && amount.scale === 0 && !amount.decimal && amount.min >= 1 && amount.min <= 31
  );
}

const TIME_WORDS = new Set([
  'am',
  'pm',
  'a.m',
  'p.m',
  'gmt',
  'bst',
  'cet',
  'est',
  'et',
  'pst',
  "o'clock",
  'hrs',
]);

/** "3pm", "10.30am", "3 pm", "10 o'clock", "at 10.30". */
function isTime(tokens: readonly Token[], reading: Reading): boolean {
  const { first } = reading;
  if (first.form !== 'digits' || first.scale !== 0 || reading.currency || reading.percent) return false;
  const next = tokens[first.to];
  if (next?.kind === 'word' && TIME_WORDS.has(next.lower)) return true;
  const text = tokens[first.from]?.text ?? '';
  const clock = /^([01]?\d|2[0-3])\.[0-5]\d$/.test(text);
  return clock && isWord(tokens, reading.from - 1, 'at', 'from', 'until', 'till', 'by') && !reading.ownUnit;
}

/**
 * A number written straight after a capitalised word that does not start the sentence is part
 * of a name: "Channel 4", "Windows 95", "FTSE 100", "Euro 2004"; and a number word with a
 * capital inside a sentence is one too: "Air Force One", "BBC Two".
 */
function isNamePart(tokens: readonly Token[], reading: Reading): boolean {
  const start = tokens[reading.from];
  if (start?.kind === 'word' && start.text[0] !== start.lower[0] && !startsSentence(tokens, reading.from))
    return true;
  const previous = tokens[reading.from - 1];
  if (previous?.kind !== 'word' || previous.text[0] === previous.lower[0]) return false;
  if (startsSentence(tokens, reading.from - 1) || /['’]s$/.test(previous.text)) return false;
  return true;
}

/** A month's name, with its capital ("may" is a verb). */
function isMonth(token: Token | undefined): boolean {
  return token?.kind === 'word' && MONTHS.has(token.lower) && token.text[0] !== token.lower[0];
}

/** A number with nothing to say what it counts, that is not written as a measured quantity. */
function isBare(reading: Reading): boolean {
  if (reading.currency || reading.percent || reading.unit) return false;
  const amounts = reading.second ? [reading.first, reading.second] : [reading.first];
  return amounts.every(
    (a) =>
      a.scale === 0 &&
      a.form !== 'vague' &&
      a.form !== 'fraction' &&
      !(a.grouped && a.min >= 1000) &&
      !a.decimal,
  );
}
