/**
 * Unsigned LEB128 integers, seven bits a byte, the high bit set on all but the last: the derived
 * binary files under .gloss/cache/ are mostly small numbers, about a byte each this way. Other
 * numbers (times, figure values) go as 8-byte little-endian doubles.
 */
export class VarintWriter {
  #buffer = new Uint8Array(1 << 16);
  #length = 0;
  readonly #double = new DataView(new ArrayBuffer(8));

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

  /** Any number, exactly, in 8 bytes. */
  writeDouble(value: number): void {
    this.#double.setFloat64(0, value, true);
    this.raw(new Uint8Array(this.#double.buffer));
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
  readonly #view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    at = 0,
  ) {
    this.#at = at;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get atEnd(): boolean {
    return this.#at === this.bytes.length;
  }

  raw(n: number): Uint8Array {
    if (this.#at + n > this.bytes.length) throw new Error('the file ends inside a run of bytes');
    this.#at += n;
    return this.bytes.subarray(this.#at - n, this.#at);
  }

  readDouble(): number {
    if (this.#at + 8 > this.bytes.length) throw new Error('the file ends inside a number');
    this.#at += 8;
    return this.#view.getFloat64(this.#at - 8, true);
  }

  read(): number {
    // Most numbers here are under 128: one byte, one test.
    const first = this.bytes[this.#at];
    if (first !== undefined && first < 0x80) {
      this.#at += 1;
      return first;
    }
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.#at >= this.bytes.length) throw new Error('the file ends inside a number');
      const byte = this.bytes[this.#at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (scale > 2 ** 35) throw new Error('a number too long');
    }
  }
}
