import { foldWord } from '../../shared/search/search-query';
import { PHRASE_JOINER, WORD_PATTERN } from '../../shared/search/text-words';

/** Folded words by id and ids by word, grown as new words are met. */
export interface Vocabulary {
  ids: Map<string, number>;
  words: string[];
}

/**
 * A text as the sequence of its words, each `id << 1 | joined`: `id` the folded word's place in
 * the vocabulary (added if new), `joined` 1 when only spaces, hyphens, dashes and apostrophes
 * stand between it and the word before, so a phrase may run across that gap (find-hits.ts
 * says the same of the text).
 */
export function encodeWords(text: string, vocabulary: Vocabulary): Uint32Array {
  const pattern = new RegExp(WORD_PATTERN);
  // Lowered whole, the words come out folded at once; unless a letter lowers to two (İ).
  const lowered = foldWord(text);
  const folded = lowered.length === text.length;
  const words = folded ? lowered : text;
  let sequence = scratch;
  let length = 0;
  let previousEnd = -1;
  for (let match = pattern.exec(words); match; match = pattern.exec(words)) {
    const word = folded ? match[0] : foldWord(match[0]);
    let id = vocabulary.ids.get(word);
    if (id === undefined) {
      id = vocabulary.words.length;
      vocabulary.ids.set(word, id);
      vocabulary.words.push(word);
    }
    if (length === sequence.length) {
      const grown = new Uint32Array(sequence.length * 2);
      grown.set(sequence);
      sequence = scratch = grown;
    }
    const joined = previousEnd >= 0 && onlyJoiners(words, previousEnd, match.index) ? 1 : 0;
    sequence[length++] = (id << 1) | joined;
    previousEnd = match.index + match[0].length;
  }
  return sequence.slice(0, length);
}

/** Reused between texts: most articles fit, so a text costs one copy of its words, not a growing array. */
let scratch = new Uint32Array(1 << 14);

/** Whether text[from, to) is only white space, dashes and apostrophes (PHRASE_JOINER), quickly for the usual one space. */
function onlyJoiners(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 45 || code === 39 || (code >= 9 && code <= 13)) continue;
    if (code < 128) return false;
    const point = text.codePointAt(i)!;
    if (!PHRASE_JOINER.test(String.fromCodePoint(point))) return false;
    if (point > 0xffff) i++;
  }
  return true;
}
