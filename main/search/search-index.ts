import type { QueryWord, SearchQuery } from '../../shared/search/search-query';
import { encodeWords, type Vocabulary } from './encode-words';
import { WordPostings } from './word-postings';

/** What the index file holds: the vocabulary, and each document as the sequence of its words. */
export interface IndexParts {
  /** Folded words; a word's id is its place here. */
  words: string[];
  documents: { key: string; version: string; sequence: Uint32Array }[];
}

/**
 * Every document's text as the sequence of its words (folded, by id, each with a bit saying
 * whether only spaces, hyphens, dashes or apostrophes stand before it: encode-words.ts), and
 * postings made from them (word-postings.ts). A word or prefix is counted from the postings; a
 * phrase exactly, by scanning the sequences of the documents that hold its rarest word; no text
 * is read: only the documents of the hits returned are, for their exact offsets (find-hits.ts).
 *
 * Sequences cost nothing to replace when one article changes: the postings are not made again
 * for it, the few documents changed since they were made are scanned instead.
 */
export class SearchIndex {
  readonly #vocabulary: Vocabulary = { ids: new Map(), words: [] };
  readonly #documents = new Map<string, { version: string; sequence: Uint32Array }>();
  /** The keys in order, made again after a document comes or goes. */
  #sortedKeys: string[] | undefined;
  /** Made at the first count; documents indexed since are in `#newer`. */
  #postings: WordPostings | undefined;
  readonly #newer = new Set<string>();

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
      words: this.#vocabulary.words,
      documents: [...this.#documents].map(([key, { version, sequence }]) => ({ key, version, sequence })),
    };
  }

  static fromParts({ words, documents }: IndexParts): SearchIndex {
    const index = new SearchIndex();
    words.forEach((word, id) => {
      index.#vocabulary.ids.set(word, id);
      index.#vocabulary.words.push(word);
    });
    for (const { key, version, sequence } of documents) index.#documents.set(key, { version, sequence });
    return index;
  }

  /** Indexes a document's text (again, if it was indexed before). */
  add(key: string, version: string, text: string): void {
    if (!this.#documents.has(key)) this.#sortedKeys = undefined;
    this.#documents.set(key, { version, sequence: encodeWords(text, this.#vocabulary) });
    if (this.#postings) this.#newer.add(key);
  }

  remove(key: string): void {
    if (this.#documents.delete(key)) this.#sortedKeys = undefined;
    this.#newer.delete(key);
  }

  /**
   * How many hits a word query has in each document `inScope`, in key order: the same number
   * find-hits.ts finds in the text, matches of the whole phrase, none overlapping the one before.
   * One word is counted from the postings; a phrase by scanning the sequences of the documents
   * holding its rarest word.
   */
  count(
    query: Extract<SearchQuery, { kind: 'words' }>,
    inScope: (key: string) => boolean,
  ): [string, number][] {
    const words = query.words.map((word) => this.#match(word));
    if (words.some((w) => w === undefined)) return [];
    const matchers = (words as WordMatch[]).map((w) => w.matcher);
    const postings = this.#upToDatePostings();
    const counts: [string, number][] = [];
    const scan = matchers.length === 1 ? countWord(matchers[0]!) : countPhrase(matchers);
    const guide = rarest(words as WordMatch[], postings);
    postings.forWords(guide.ids, (d, n) => {
      const { key, sequence } = postings.posted[d]!;
      // Changed since the postings were made: counted below, from its new sequence; gone: not at all.
      if (this.#documents.get(key)?.sequence !== sequence || !inScope(key)) return;
      const count = matchers.length === 1 ? n : scan(sequence);
      if (count > 0) counts.push([key, count]);
    });
    for (const key of this.#newer) {
      const count = inScope(key) ? scan(this.#documents.get(key)!.sequence) : 0;
      if (count > 0) counts.push([key, count]);
    }
    if (this.#newer.size > 0) counts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return counts;
  }

  /** The postings, made again once many documents changed since they were made. */
  #upToDatePostings(): WordPostings {
    if (this.#postings && this.#newer.size <= Math.max(100, this.#documents.size / 50)) return this.#postings;
    const posted = this.keys().map((key) => ({ key, sequence: this.#documents.get(key)!.sequence }));
    this.#postings = new WordPostings(posted, this.#vocabulary.words.length);
    this.#newer.clear();
    return this.#postings;
  }

  /** Which ids a query word matches; undefined when no word of the index does. */
  #match(word: QueryWord): WordMatch | undefined {
    if (!word.prefix) {
      const id = this.#vocabulary.ids.get(word.text);
      return id === undefined ? undefined : { matcher: id, ids: [id] };
    }
    const table = new Uint8Array(this.#vocabulary.words.length);
    const ids: number[] = [];
    this.#vocabulary.words.forEach((known, id) => {
      if (!known.startsWith(word.text)) return;
      table[id] = 1;
      ids.push(id);
    });
    return ids.length > 0 ? { matcher: table, ids } : undefined;
  }
}

/** A query word's ids, as a list and as the matcher the scans test with. */
interface WordMatch {
  matcher: Matcher;
  ids: number[];
}

/** The query word held by the fewest documents: only those need their sequences scanned. */
function rarest(words: readonly WordMatch[], postings: WordPostings): WordMatch {
  const held = words.map((w) => w.ids.reduce((sum, id) => sum + postings.frequency(id), 0));
  return words[held.indexOf(Math.min(...held))]!;
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
