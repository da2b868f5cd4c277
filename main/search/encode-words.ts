import { foldWord } from '../../shared/search/search-query';
import { PHRASE_JOINER, WORD_PATTERN } from '../../shared/search/text-words';
import { hashOf, WordTable } from './word-table';

/** Folded words by id and ids by word, grown as new words are met. */
export interface Vocabulary {
  ids: Map<string, number>;
  words: string[];
  /** Made from `words` at the first text encoded (word-table.ts). */
  table?: WordTable;
}

/**
 * A text as the sequence of its words, each `id << 1 | joined`: `id` the folded word's place in
 * the vocabulary (added if new), `joined` 1 when only spaces, hyphens, dashes and apostrophes
 * stand between it and the word before, so a phrase may run across that gap (find-hits.ts
 * says the same of the text). Words are WORD_PATTERN's, found here character by character.
 */
export function encodeWords(text: string, vocabulary: Vocabulary): Uint32Array {
  // Lowered whole, the words come out folded at once; unless a letter lowers to two (İ).
  const lowered = foldWord(text);
  if (lowered.length !== text.length) return encodeWordByWord(text, vocabulary);
  const table = tableOf(vocabulary);
  const add = (word: string, id: number) => vocabulary.ids.set(word, id);
  let sequence: Uint32Array = scratch;
  let length = 0;
  let previousEnd = -1;
  const n = lowered.length;
  let i = 0;
  while (i < n) {
    const width = wordCharWidth(lowered, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (let w = width; w > 0; w = i < n ? wordCharWidth(lowered, i) : 0) {
      for (const end = i + w; i < end; i++) hash = Math.imul(hash ^ lowered.charCodeAt(i), 0x01000193);
    }
    const id = table.idOf(lowered, start, i, hash >>> 0, add);
    if (length === sequence.length) sequence = grown(sequence);
    const joined = previousEnd >= 0 && onlyJoiners(lowered, previousEnd, start) ? 1 : 0;
    sequence[length++] = (id << 1) | joined;
    previousEnd = i;
  }
  return sequence.slice(0, length);
}

/** The same, one word at a time through WORD_PATTERN, for the rare text that lowers longer. */
function encodeWordByWord(text: string, vocabulary: Vocabulary): Uint32Array {
  const pattern = new RegExp(WORD_PATTERN);
  const table = tableOf(vocabulary);
  const add = (word: string, id: number) => vocabulary.ids.set(word, id);
  let sequence: Uint32Array = scratch;
  let length = 0;
  let previousEnd = -1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const word = foldWord(match[0]);
    const id = table.idOf(word, 0, word.length, hashOf(word, 0, word.length), add);
    if (length === sequence.length) sequence = grown(sequence);
    const joined = previousEnd >= 0 && onlyJoiners(text, previousEnd, match.index) ? 1 : 0;
    sequence[length++] = (id << 1) | joined;
    previousEnd = match.index + match[0].length;
  }
  return sequence.slice(0, length);
}

function tableOf(vocabulary: Vocabulary): WordTable {
  vocabulary.table ??= new WordTable(vocabulary.words);
  return vocabulary.table;
}

function grown(sequence: Uint32Array): Uint32Array {
  const larger = new Uint32Array(sequence.length * 2);
  larger.set(sequence);
  scratch = larger;
  return larger;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Whether each character of the Basic Multilingual Plane is a word character: 0 not yet known, 1 yes, 2 no. */
const WORD_CHARS = new Uint8Array(0x10000);

/** How many code units the word character at `i` takes (2 for one beyond the BMP), 0 if it is none. */
export function wordCharWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i)!;
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let known = WORD_CHARS[code]!;
  if (known === 0) known = WORD_CHARS[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Reused between texts: most articles fit, so a text costs one copy of its words, not a growing array. */
let scratch: Uint32Array = new Uint32Array(1 << 14);

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
