/** A document as the postings were made from it. */
export interface PostedDocument {
  key: string;
  sequence: Uint32Array;
}

/**
 * For every word id, the documents holding it and how often: the word sequences turned inside
 * out, so a word is counted from its own few thousand entries instead of a scan of every word of
 * the corpus (millions). Made in two passes over the sequences, in flat typed arrays: about
 * 100 ms and eight bytes per distinct word of each document for 10,000 articles.
 */
export class WordPostings {
  /** Entries of word id w are [starts[w], starts[w + 1]). */
  readonly #starts: Uint32Array;
  /** The entry's document, as its place in `documents`. */
  readonly #documents: Uint32Array;
  readonly #counts: Uint32Array;

  /** `documents` in the order their hits are given. */
  constructor(
    readonly posted: readonly PostedDocument[],
    vocabularySize: number,
  ) {
    const starts = new Uint32Array(vocabularySize + 1);
    const lastSeen = new Int32Array(vocabularySize).fill(-1);
    posted.forEach(({ sequence }, d) => {
      for (let i = 0; i < sequence.length; i++) {
        const id = sequence[i]! >>> 1;
        if (lastSeen[id] === d) continue;
        lastSeen[id] = d;
        starts[id + 1]!++;
      }
    });
    for (let id = 0; id < vocabularySize; id++) starts[id + 1]! += starts[id]!;
    const next = starts.slice(0, vocabularySize);
    const entries = starts[vocabularySize]!;
    const documents = new Uint32Array(entries);
    const counts = new Uint32Array(entries);
    lastSeen.fill(-1);
    /** Where the current document's entry for each word is. */
    const entryOf = new Uint32Array(vocabularySize);
    posted.forEach(({ sequence }, d) => {
      for (let i = 0; i < sequence.length; i++) {
        const id = sequence[i]! >>> 1;
        if (lastSeen[id] === d) {
          counts[entryOf[id]!]!++;
          continue;
        }
        lastSeen[id] = d;
        const entry = next[id]!++;
        entryOf[id] = entry;
        documents[entry] = d;
        counts[entry] = 1;
      }
    });
    this.#starts = starts;
    this.#documents = documents;
    this.#counts = counts;
  }

  /** How many documents hold the word. */
  frequency(id: number): number {
    return id < this.#starts.length - 1 ? this.#starts[id + 1]! - this.#starts[id]! : 0;
  }

  /** Calls `each` for every document holding one of the words, in `posted` order, with its count of them. */
  forWords(ids: readonly number[], each: (document: number, count: number) => void): void {
    if (ids.length === 1) {
      const id = ids[0]!;
      if (id >= this.#starts.length - 1) return;
      for (let e = this.#starts[id]!; e < this.#starts[id + 1]!; e++)
        each(this.#documents[e]!, this.#counts[e]!);
      return;
    }
    const totals = new Map<number, number>();
    for (const id of ids) {
      if (id >= this.#starts.length - 1) continue;
      for (let e = this.#starts[id]!; e < this.#starts[id + 1]!; e++) {
        const d = this.#documents[e]!;
        totals.set(d, (totals.get(d) ?? 0) + this.#counts[e]!);
      }
    }
    for (const [d, count] of [...totals].sort(([a], [b]) => a - b)) each(d, count);
  }
}
