import type { SearchQuery } from '../../shared/search/search-query';
import { wordCounts } from '../../shared/search/text-words';

/**
 * Which documents contain which words: an inverted index over the project's texts, so a word or
 * phrase search reads only the documents that can hold it. It gives candidates, not hits: every
 * hit is then found in the document's own text (find-hits.ts), at its exact place.
 *
 * Each document has a slot; a document indexed again (its article changed) gets a new slot and
 * its old one is dropped from the postings lazily, as they are read.
 */
export class SearchIndex {
  /** Slot → document key, undefined once the slot is dropped. */
  readonly #slots: (string | undefined)[] = [];
  readonly #slotOf = new Map<string, number>();
  /** Word → the slots of documents holding it, ascending. */
  readonly #postings = new Map<string, number[]>();
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

  /** Indexes a document's text (again, if it was indexed before). */
  add(key: string, version: string, text: string): void {
    this.remove(key);
    const slot = this.#slots.length;
    this.#slots.push(key);
    this.#slotOf.set(key, slot);
    this.#versions.set(key, version);
    for (const word of wordCounts(text).keys()) {
      const postings = this.#postings.get(word);
      if (postings) postings.push(slot);
      else this.#postings.set(word, [slot]);
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
  candidates(query: SearchQuery): string[] {
    if (query.kind === 'regex') return this.keys();
    let slots: number[] | undefined;
    for (const word of query.words) {
      const holding = word.prefix ? this.#prefixSlots(word.text) : this.#live(word.text);
      slots = slots === undefined ? holding : intersect(slots, holding);
      if (slots.length === 0) return [];
    }
    return (slots ?? []).map((slot) => this.#slots[slot]!);
  }

  /** A word's postings without dropped slots (removed from them now, for next time). */
  #live(word: string): number[] {
    const postings = this.#postings.get(word);
    if (!postings) return [];
    const live = postings.filter((slot) => this.#slots[slot] !== undefined);
    if (live.length === 0) this.#postings.delete(word);
    else if (live.length < postings.length) this.#postings.set(word, live);
    return live;
  }

  #prefixSlots(prefix: string): number[] {
    const slots = new Set<number>();
    for (const word of this.#postings.keys()) {
      if (word.startsWith(prefix)) for (const slot of this.#live(word)) slots.add(slot);
    }
    return [...slots].sort((a, b) => a - b);
  }
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      both.push(a[i]!);
      i++;
      j++;
    }
  }
  return both;
}
