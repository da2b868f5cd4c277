import type { QueryWord, SearchQuery } from '../../shared/search/search-query';
import { encodeWords, type Vocabulary } from './encode-words';

/** What the index file holds: the vocabulary, and each document as the sequence of its words. */
export interface IndexParts {
  /** Folded words; a word's id is its place here. */
  words: string[];
  documents: { key: string; version: string; sequence: Uint32Array }[];
}

/**
 * Every document's text as the sequence of its words (folded, by id, each with a bit saying
 * whether only spaces, hyphens, dashes or apostrophes stand before it: encode-words.ts). A word,
 * prefix or phrase query is counted exactly by scanning these sequences — about four bytes per
 * word, a few milliseconds for 10,000 articles — without reading any text; only the documents of
 * the hits returned are read, for their exact offsets (find-hits.ts).
 *
 * A sequence, unlike an inverted index, costs nothing to update when one article changes, and
 * counts phrases as exactly as single words.
 */
export class SearchIndex {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #documents = new Map<string, { version: string; sequence: Uint32Array }>();
  /** The keys in order, made again after a document comes or goes. */
  #sortedKeys: string[] | undefined;

  get size(): number {
    return this.#documents.size;
  }

  versionOf(key: string): string | undefined {
    return this.#documents.get(key)?.version;
  }

  /** Every indexed document's key, in code-unit order (how results are ordered). */
  keys(): readonly string[] {
    this.#sortedKeys ??= [...this.#documents.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.#sortedKeys;
  }

  toParts(): IndexParts {
    return {
      words: this.#words,
      documents: [...this.#documents].map(([key, { version, sequence }]) => ({ key, version, sequence })),
    };
  }

  static fromParts({ words, documents }: IndexParts): SearchIndex {
    const index = new SearchIndex();
    words.forEach((word, id) => {
      index.#ids.set(word, id);
      index.#words.push(word);
    });
    for (const { key, version, sequence } of documents) index.#documents.set(key, { version, sequence });
    return index;
  }

  /** Indexes a document's text (again, if it was indexed before). */
  add(key: string, version: string, text: string): void {
    if (!this.#documents.has(key)) this.#sortedKeys = undefined;
    this.#documents.set(key, { version, sequence: encodeWords(text, this.#vocabulary) });
  }

  remove(key: string): void {
    if (this.#documents.delete(key)) this.#sortedKeys = undefined;
  }

  /**
   * How many hits a word query has in each of `keys` (documents not indexed count none), the
   * same number find-hits.ts finds in the text: matches of the whole phrase, none overlapping
   * the one before.
   */
  count(query: Extract<SearchQuery, { kind: 'words' }>, keys: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    const matchers = query.words.map((word) => this.#matcher(word));
    if (matchers.some((m) => m === undefined)) return counts;
    const count = matchers.length === 1 ? countWord(matchers[0]!) : countPhrase(matchers as Matcher[]);
    for (const key of keys) {
      const sequence = this.#documents.get(key)?.sequence;
      if (!sequence) continue;
      const n = count(sequence);
      if (n > 0) counts.set(key, n);
    }
    return counts;
  }

  get #vocabulary(): Vocabulary {
    return { ids: this.#ids, words: this.#words };
  }

  /** Which ids a query word matches; undefined when no word of the index does. */
  #matcher(word: QueryWord): Matcher | undefined {
    if (!word.prefix) {
      const id = this.#ids.get(word.text);
      return id === undefined ? undefined : id;
    }
    const ids = new Uint8Array(this.#words.length);
    let any = false;
    this.#words.forEach((known, id) => {
      if (!known.startsWith(word.text)) return;
      ids[id] = 1;
      any = true;
    });
    return any ? ids : undefined;
  }
}

/** One id, or a table of the ids a prefix matches. */
type Matcher = number | Uint8Array;

const matches = (matcher: Matcher, id: number) =>
  typeof matcher === 'number' ? id === matcher : matcher[id] === 1;

function countWord(matcher: Matcher): (sequence: Uint32Array) => number {
  if (typeof matcher === 'number') {
    return (sequence) => {
      let n = 0;
      for (let i = 0; i < sequence.length; i++) if (sequence[i]! >>> 1 === matcher) n++;
      return n;
    };
  }
  return (sequence) => {
    let n = 0;
    for (let i = 0; i < sequence.length; i++) n += matcher[sequence[i]! >>> 1]!;
    return n;
  };
}

/** A phrase's words one after another, each but the first with only joining marks before it. */
function countPhrase(matchers: readonly Matcher[]): (sequence: Uint32Array) => number {
  const length = matchers.length;
  return (sequence) => {
    let n = 0;
    for (let i = 0; i + length <= sequence.length; i++) {
      if (!matches(matchers[0]!, sequence[i]! >>> 1)) continue;
      let j = 1;
      while (j < length && (sequence[i + j]! & 1) === 1 && matches(matchers[j]!, sequence[i + j]! >>> 1)) j++;
      if (j < length) continue;
      n++;
      i += length - 1;
    }
    return n;
  };
}
