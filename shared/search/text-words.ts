import { foldWord } from './search-query';

/** A word of a text: a run of letters, marks and digits, with its UTF-16 offsets. */
export interface TextWord {
  start: number;
  end: number;
  /** Lower case (foldWord). */
  folded: string;
}

/** Words are runs of letters, marks and digits, in any script. */
export const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD = WORD_PATTERN;

/**
 * What may stand between the words of a phrase: spaces, hyphens, dashes and apostrophes, so "data
 * protection" is found in "data-protection" but not across "data. Protection".
 */
export const PHRASE_JOINER = /^[\s\p{Pd}'’]$/u;

export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push({ start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) });
  }
  return words;
}
