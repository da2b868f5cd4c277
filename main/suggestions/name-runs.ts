/**
 * Where names can be in a text: runs of capitalised words, as spans of words with UTF-16
 * offsets. What each run names, if anything, is for the candidates' classifier to say.
 */

export interface Word {
  start: number;
  /** Without a possessive "'s", which also ends the name. */
  end: number;
  /** As written, without the possessive. */
  written: string;
  lower: string;
  possessive: boolean;
  sentenceStart: boolean;
}

/**
 * A word: initials with full stops ("U.S.", "U.K."); letters and digits holding apostrophes,
 * hyphens, full stops or ampersands between them ("O'Brien", "WRAZ-TV", "AT&T", "Nath's");
 * or a lone ampersand ("Marks & Spencer"). A full stop or apostrophe at the end is not part of it.
 */
const WORD = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’.&-](?=[\p{L}\p{N}]))*|&/gu;

/** Small words a name may hold in lower case ("Bank of England", "Ludwig van Beethoven"). */
export const JOINERS = new Set([
  'of',
  'the',
  'for',
  'de',
  'du',
  'da',
  'van',
  'von',
  'der',
  'al',
  'la',
  'le',
  '&',
]);

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const possessive = /['’]s$/u.test(match[0]);
    const end = start + match[0].length - (possessive ? 2 : 0);
    const written = text.slice(start, end);
    words.push({
      start,
      end,
      written,
      // Accents folded, as the lexicon writes names ("José" is looked up as "jose").
      lower: (/^[\x20-\x7e]*$/.test(written)
        ? written
        : written.normalize('NFD').replace(/\p{M}/gu, '')
      ).toLowerCase(),
      possessive,
      sentenceStart: opensSentence(text, start),
    });
  }
  return words;
}

/** At the text's start, a line's start, or after a sentence's end, quotes and brackets aside. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[ \t\u00a0"“‘'([]/u.test(text[i]!)) i--;
  return i < 0 || /[.!?:;\n\r”]/u.test(text[i]!);
}

export const isCapitalised = (text: string, word: Word) => /\p{Lu}/u.test(text[word.start]!);

/**
 * Runs of capitalised words and joiners with only spaces between them (a full stop may follow
 * a title or an initial: "Mr. Blair", "George W. Bush"), cut at "and" and after a possessive.
 */
export function* nameRuns(text: string, words: readonly Word[]): Generator<Word[]> {
  let run: Word[] = [];
  for (let i = 0; i <= words.length; i++) {
    const word = words[i];
    const previous = run.at(-1);
    const joins =
      word &&
      previous &&
      !previous.possessive &&
      (isCapitalised(text, word) || JOINERS.has(word.lower)) &&
      spaceOnly(text.slice(previous.end, word.start), text, previous);
    if (!joins) {
      if (run.length > 0) yield run;
      run = word && isCapitalised(text, word) ? [word] : [];
    } else run.push(word);
  }
}

function spaceOnly(gap: string, text: string, previous: Word): boolean {
  if (/^[ \t\u00a0]+$/u.test(gap)) return true;
  // "Mr. Blair", "George W. Bush": a full stop after an abbreviated title or an initial.
  return (
    /^\.[ \t\u00a0]+$/u.test(gap) &&
    /^(?:\p{Lu}|Mrs?|Ms|Dr|St|Rev|Prof|Gen|Sen|Gov)$/u.test(text.slice(previous.start, previous.end))
  );
}
