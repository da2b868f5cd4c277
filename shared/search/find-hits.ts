import { foldWord, type QueryWord, type SearchQuery } from './search-query';
import { PHRASE_JOINER, type TextWord, textWords } from './text-words';

/** A passage of a text a query found, in UTF-16 offsets, end exclusive. */
export interface TextHit {
  start: number;
  end: number;
}

/** Between the words of a phrase only PHRASE_JOINER characters may stand (text-words.ts). */
const PHRASE_GAP = new RegExp(`^${PHRASE_JOINER.source.slice(1, -1)}+$`, 'u');

/** Every passage of `text` the query finds, in order, none overlapping the one before. */
export function findHits(text: string, query: SearchQuery): TextHit[] {
  if (query.kind === 'regex') return regexHits(text, query.source, query.flags);
  // Lowered whole, the text keeps its offsets unless a letter lowers to two (İ): then word by word.
  const folded = foldWord(text);
  return folded.length === text.length
    ? regexHits(folded, wordsPattern(query.words), 'u')
    : wordHits(text, query.words);
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/**
 * The query's words as one pattern over folded text: each whole (not inside a longer word), a
 * prefix running to its word's end, only PHRASE_JOINER characters between them. The same hits
 * as wordHits, found by the regular-expression engine's literal search instead of by listing
 * every word of the text, which is what makes a page of hits quick.
 */
function wordsPattern(words: readonly QueryWord[]): string {
  const joiner = PHRASE_JOINER.source.slice(1, -1);
  // Query words are letters, marks and digits only (search-query.ts): nothing in them to escape.
  const body = words.map((word) => word.text + (word.prefix ? `${WORD_CHAR}*` : '')).join(`${joiner}+`);
  return `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
}

function wordHits(text: string, query: readonly QueryWord[]): TextHit[] {
  const words = textWords(text);
  const hits: TextHit[] = [];
  for (let i = 0; i + query.length <= words.length; i++) {
    if (!phraseAt(text, words, i, query)) continue;
    hits.push({ start: words[i]!.start, end: words[i + query.length - 1]!.end });
    i += query.length - 1;
  }
  return hits;
}

function phraseAt(
  text: string,
  words: readonly TextWord[],
  at: number,
  query: readonly QueryWord[],
): boolean {
  for (let j = 0; j < query.length; j++) {
    const word = words[at + j]!;
    const wanted = query[j]!;
    if (wanted.prefix ? !word.folded.startsWith(wanted.text) : word.folded !== wanted.text) return false;
    if (j > 0 && !PHRASE_GAP.test(text.slice(words[at + j - 1]!.end, word.start))) return false;
  }
  return true;
}

function regexHits(text: string, source: string, flags: string): TextHit[] {
  const pattern = new RegExp(source, `${flags}g`);
  const hits: TextHit[] = [];
  for (const match of text.matchAll(pattern)) {
    // An empty match finds nothing a reader could see.
    if (match[0].length > 0) hits.push({ start: match.index, end: match.index + match[0].length });
  }
  return hits;
}
