/**
 * Unsigned LEB128 integers, seven bits a byte, the high bit set on all but the last: the derived
 * binary files under .gloss/cache/ are mostly small numbers, about a byte each this way.
 */
export class VarintWriter {
  #buffer = new Uint8Array(1 << 16);
  #length = 0;

  #room(n: number): void {
    if (this.#length + n <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(this.#buffer.length * 2, this.#length + n));
    grown.set(this.#buffer);
    this.#buffer = grown;
  }

  write(value: number): void {
    this.#room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.#buffer[this.#length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.#buffer[this.#length++] = rest;
  }

  /** Bytes as they are (a fingerprint). */
  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.#buffer.subarray(0, this.#length);
  }
}

/** Reads what VarintWriter wrote; throws where the bytes end too soon or a number runs on. */
export class VarintReader {
  #at: number;

  constructor(
    private readonly bytes: Uint8Array,
    at = 0,
  ) {
    this.#at = at;
  }

  get atEnd(): boolean {
    return this.#at === this.bytes.length;
  }

  raw(n: number): Uint8Array {
    if (this.#at + n > this.bytes.length) throw new Error('the file ends inside a run of bytes');
    this.#at += n;
    return this.bytes.subarray(this.#at - n, this.#at);
  }

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.#at >= this.bytes.length) throw new Error('the file ends inside a number');
      const byte = this.bytes[this.#at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 35) throw new Error('a number too long');
    }
  }
}
