/**
 * Finds a word of a text in the vocabulary without cutting it out of the text first: a hash of
 * its characters, then a comparison in place (`startsWith` at its offset). Cutting out and
 * hashing a new string for each of the millions of words of a corpus was most of indexing's
 * time; only a word not yet in the vocabulary becomes a string now.
 */
export class WordTable {
  /** Open addressing: slot → word id + 1, 0 for empty. */
  #slots = new Uint32Array(1 << 16);
  #hashes: number[] = [];

  constructor(private readonly words: string[]) {
    for (const [id, word] of words.entries()) this.#insert(hashOf(word, 0, word.length), id);
  }

  /** The id of text[start, end), added to the vocabulary (`words`, `onAdd`) if new. */
  idOf(
    text: string,
    start: number,
    end: number,
    hash: number,
    onAdd: (word: string, id: number) => void,
  ): number {
    const mask = this.#slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.#hashes[id] !== hash) continue;
      const word = this.words[id]!;
      if (word.length === length && text.startsWith(word, start)) return id;
    }
    const id = this.words.length;
    const word = text.slice(start, end);
    this.words.push(word);
    onAdd(word, id);
    this.#insert(hash, id);
    return id;
  }

  #insert(hash: number, id: number): void {
    this.#hashes[id] = hash;
    // Kept at most half full, so a probe ends soon.
    if ((this.#hashes.length + 1) * 2 > this.#slots.length) this.#grow();
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = id + 1;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    const mask = this.#slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let slot = this.#hashes[entry - 1]! & mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
      this.#slots[slot] = entry;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
export function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
