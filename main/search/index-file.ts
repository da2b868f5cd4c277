import type { IndexParts } from './search-index';

/**
 * The search index on disk (.gloss/cache/search-index.bin), so a project is indexed once, not
 * at every start. Binary because the postings are most of it: as variable-length integers
 * (document numbers as gaps, counts), they take about a byte each where JSON would take four
 * or more. Layout: "GLSI", a format version byte, the length of a JSON header (documents and
 * words) as a 4-byte integer, the header, then per word its postings: their number, then
 * (gap, count) pairs. A file that does not read back whole is ignored: the index is rebuilt.
 */
const MAGIC = 'GLSI';
const VERSION = 1;

export function encodeIndex({ documents, words }: IndexParts): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({ documents: documents.map((d) => [d.key, d.version]), words: words.map((w) => w.word) }),
  );
  const postings = new VarintWriter();
  for (const { slots, counts } of words) {
    postings.write(slots.length);
    let last = -1;
    slots.forEach((slot, i) => {
      postings.write(slot - last);
      postings.write(counts[i]!);
      last = slot;
    });
  }
  const body = postings.bytes();
  const out = new Uint8Array(9 + header.length + body.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  out[4] = VERSION;
  new DataView(out.buffer).setUint32(5, header.length, true);
  out.set(header, 9);
  out.set(body, 9 + header.length);
  return out;
}

export function decodeIndex(bytes: Uint8Array): IndexParts | undefined {
  try {
    if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC || bytes[4] !== VERSION) return undefined;
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + length))) as {
      documents: [string, string][];
      words: string[];
    };
    const reader = new VarintReader(bytes, 9 + length);
    const words = header.words.map((word) => {
      const n = reader.read();
      const slots: number[] = new Array(n);
      const counts: number[] = new Array(n);
      let last = -1;
      for (let i = 0; i < n; i++) {
        last += reader.read();
        if (last >= header.documents.length) throw new Error('a posting past the last document');
        slots[i] = last;
        counts[i] = reader.read();
      }
      return { word, slots, counts };
    });
    if (!reader.atEnd) return undefined;
    return { documents: header.documents.map(([key, version]) => ({ key, version })), words };
  } catch {
    return undefined;
  }
}

/** Unsigned LEB128: seven bits a byte, the high bit set on all but the last. */
class VarintWriter {
  #buffer = new Uint8Array(1 << 16);
  #length = 0;

  write(value: number): void {
    if (this.#length + 5 > this.#buffer.length) {
      const grown = new Uint8Array(this.#buffer.length * 2);
      grown.set(this.#buffer);
      this.#buffer = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.#length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.#buffer[this.#length++] = rest;
  }

  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}

class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
  ) {}

  get atEnd(): boolean {
    return this.at === this.bytes.length;
  }

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('the file ends inside a number');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 35) throw new Error('a number too long');
    }
  }
}
