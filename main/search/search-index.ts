import type { SearchQuery } from '../../shared/search/search-query';
import { wordCounts } from '../../shared/search/text-words';

/** A document that may hold hits, and how many its words give when that is known without its text. */
export interface Candidate {
  key: string;
  /** The hits of a one-word query (its occurrences, or those of every word a prefix begins); undefined for a phrase. */
  count: number | undefined;
}

/** What the index file holds: documents by number, and for each word the numbers and counts of those holding it. */
export interface IndexParts {
  documents: { key: string; version: string }[];
  words: { word: string; slots: number[]; counts: number[] }[];
}

interface Postings {
  /** Slots of the documents holding the word, ascending. */
  slots: number[];
  /** How often the word occurs in each of them. */
  counts: number[];
}

/**
 * Which documents contain which words, and how often: an inverted index over the project's
 * texts. A one-word search is counted from it alone; a phrase search reads only the documents
 * holding all its words. Hits themselves are always found in the document's own text
 * (find-hits.ts), at their exact place.
 *
 * Each document has a slot; a document indexed again (its article changed) gets a new slot and
 * its old one is dropped from the postings lazily, as they are read.
 */
export class SearchIndex {
  /** Slot → document key, undefined once the slot is dropped. */
  readonly #slots: (string | undefined)[] = [];
  readonly #slotOf = new Map<string, number>();
  readonly #postings = new Map<string, Postings>();
  /** The version (fingerprint) each document was indexed at. */
  readonly #versions = new Map<string, string>();

  get size(): number {
    return this.#slotOf.size;
  }

  versionOf(key: string): string | undefined {
    return this.#versions.get(key);
  }

  keys(): string[] {
    return [...this.#slotOf.keys()];
  }

  /** The index as plain data, its live documents numbered from 0 in their order (for index-file.ts). */
  toParts(): IndexParts {
    const renumbered = new Map<number, number>();
    const documents: IndexParts['documents'] = [];
    this.#slots.forEach((key, slot) => {
      if (key === undefined) return;
      renumbered.set(slot, documents.length);
      documents.push({ key, version: this.#versions.get(key)! });
    });
    const words: IndexParts['words'] = [];
    for (const [word, postings] of this.#postings) {
      const slots: number[] = [];
      const counts: number[] = [];
      postings.slots.forEach((slot, i) => {
        const live = renumbered.get(slot);
        if (live === undefined) return;
        slots.push(live);
        counts.push(postings.counts[i]!);
      });
      if (slots.length > 0) words.push({ word, slots, counts });
    }
    return { documents, words };
  }

  static fromParts({ documents, words }: IndexParts): SearchIndex {
    const index = new SearchIndex();
    for (const { key, version } of documents) {
      index.#slotOf.set(key, index.#slots.length);
      index.#slots.push(key);
      index.#versions.set(key, version);
    }
    for (const { word, slots, counts } of words) index.#postings.set(word, { slots, counts });
    return index;
  }

  /** Indexes a document's text (again, if it was indexed before). */
  add(key: string, version: string, text: string): void {
    this.remove(key);
    const slot = this.#slots.length;
    this.#slots.push(key);
    this.#slotOf.set(key, slot);
    this.#versions.set(key, version);
    for (const [word, count] of wordCounts(text)) {
      const postings = this.#postings.get(word);
      if (postings) {
        postings.slots.push(slot);
        postings.counts.push(count);
      } else this.#postings.set(word, { slots: [slot], counts: [count] });
    }
  }

  remove(key: string): void {
    const slot = this.#slotOf.get(key);
    if (slot === undefined) return;
    this.#slots[slot] = undefined;
    this.#slotOf.delete(key);
    this.#versions.delete(key);
  }

  /**
   * The documents that may hold hits of `query`, in the order they were indexed: those with
   * every word of a phrase (any word a prefix begins, for a prefix), or all of them for a
   * regular expression.
   */
  candidates(query: SearchQuery): Candidate[] {
    if (query.kind === 'regex') return this.keys().map((key) => ({ key, count: undefined }));
    let found: Map<number, number> | undefined;
    for (const word of query.words) {
      const holding = word.prefix ? this.#prefixCounts(word.text) : this.#counts(word.text);
      found = found === undefined ? holding : keepBoth(found, holding);
      if (found.size === 0) return [];
    }
    const oneWord = query.words.length === 1;
    return [...(found ?? new Map<number, number>())]
      .sort(([a], [b]) => a - b)
      .map(([slot, count]) => ({ key: this.#slots[slot]!, count: oneWord ? count : undefined }));
  }

  /** A word's live slots with its counts (dropped slots are removed from the postings now, for next time). */
  #counts(word: string): Map<number, number> {
    const postings = this.#postings.get(word);
    const counts = new Map<number, number>();
    if (!postings) return counts;
    const live: Postings = { slots: [], counts: [] };
    for (let i = 0; i < postings.slots.length; i++) {
      const slot = postings.slots[i]!;
      if (this.#slots[slot] === undefined) continue;
      counts.set(slot, postings.counts[i]!);
      live.slots.push(slot);
      live.counts.push(postings.counts[i]!);
    }
    if (live.slots.length === 0) this.#postings.delete(word);
    else if (live.slots.length < postings.slots.length) this.#postings.set(word, live);
    return counts;
  }

  #prefixCounts(prefix: string): Map<number, number> {
    const total = new Map<number, number>();
    for (const word of [...this.#postings.keys()]) {
      if (!word.startsWith(prefix)) continue;
      for (const [slot, count] of this.#counts(word)) total.set(slot, (total.get(slot) ?? 0) + count);
    }
    return total;
  }
}

/** The slots in both, with the first one's counts. */
function keepBoth(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const both = new Map<number, number>();
  for (const [slot, count] of a) if (b.has(slot)) both.set(slot, count);
  return both;
}
