import type { NameLexicon } from './name-lexicon';
import type { Word } from './name-runs';

// How the news writes a person's titles before the name, and which of them belong to the name.

/** Words that open a person's name as written in the news ("Mr Blair", "President Vladimir Putin"). */
const TITLES = new Set([
  'president',
  'chancellor',
  'prime',
  'minister',
  'secretary',
  'senator',
  'governor',
  'lord',
  'lady',
  'dame',
  'sir',
  'prince',
  'princess',
  'king',
  'queen',
  'judge',
  'professor',
  'chairman',
  'pope',
  'archbishop',
  'bishop',
  'sheikh',
  'baroness',
  'baron',
  'colonel',
]);

/** First words of two-word titles ("Prime Minister", "Foreign Secretary", "Vice President"). */
const TITLE_OPENERS = new Set([
  'prime',
  'first',
  'foreign',
  'home',
  'shadow',
  'deputy',
  'vice',
  'attorney',
  'culture',
  'health',
  'defence',
  'education',
  'trade',
]);
/** Titles left out of the name even alone ("MP Michael Mates", "PM John Prescott"). */
const DROPPED_TITLES = new Set(['mp', 'mps', 'mep', 'msp', 'pm']);
/** Titles that are part of how a person is named ("Lord Falconer", "Baroness Kennedy"). */
const HONORIFICS = new Set(['lord', 'lady', 'sir', 'dame', 'baroness', 'baron', 'mr', 'mrs', 'ms', 'dr']);

/** "On Thursday Mr Straw", "Beatle Sir Paul McCartney": a title opens a name of its own. */
export function splitBeforeTitles(words: Word[], lexicon: NameLexicon): Word[][] {
  const parts: Word[][] = [[]];
  words.forEach((word, i) => {
    const previous = words[i - 1];
    const opensTitle =
      previous &&
      !isTitle(previous, lexicon) &&
      !TITLE_OPENERS.has(previous.lower) &&
      titlesOpening(words, i, lexicon) > 0;
    if (opensTitle) parts.push([]);
    parts.at(-1)!.push(word);
  });
  return parts;
}

/**
 * A person's name opened by titles, as the name to propose: one title stays ("Mr Blair",
 * "President Vladimir Putin", "Lord Butler"); of a longer title only an honorific stays ("Home
 * Office Minister Lord Falconer" is Lord Falconer, "Prime Minister Tony Blair" is Tony Blair), and
 * "MP" or "PM" never ("MP Michael Mates"). Undefined if no title opens the words ("Home Office"),
 * null if nothing but titles is there ("the Prime Minister").
 */
export function afterTitles(words: Word[], lexicon: NameLexicon): Word[] | undefined | null {
  const titles = titlesOpening(words, 0, lexicon);
  if (titles === 0) return undefined;
  if (titles === words.length) return null;
  const last = words[titles - 1]!;
  if (titles === 1 && !DROPPED_TITLES.has(last.lower)) return words;
  return HONORIFICS.has(last.lower) || lexicon.tags(last.lower)?.includes('Honorific')
    ? words.slice(titles - 1)
    : words.slice(titles);
}

/** How many words from `from` on make a title: openers then titles ("Prime Minister", "Mr"), else 0. */
export function titlesOpening(words: readonly Word[], from: number, lexicon: NameLexicon): number {
  let at = from;
  while (at < words.length && TITLE_OPENERS.has(words[at]!.lower)) at++;
  const openers = at;
  while (at < words.length && isTitle(words[at]!, lexicon)) at++;
  return at > openers ? at - from : 0;
}

export function isTitle(word: Word, lexicon: NameLexicon): boolean {
  return isTitleWord(word.lower, lexicon);
}

/** Whether a word, in lower case, is a title ("mr", "president", "lord"). */
export function isTitleWord(lower: string, lexicon: NameLexicon): boolean {
  return (
    TITLES.has(lower) || DROPPED_TITLES.has(lower) || (lexicon.tags(lower)?.includes('Honorific') ?? false)
  );
}
