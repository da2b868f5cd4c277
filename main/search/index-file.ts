import { VarintWriter } from '../storage/varints';
import type { IndexParts } from './search-index';

/**
 * The search index on disk (.gloss/cache/search-index.bin), so a project is indexed once, not
 * at every start. Binary because the word sequences are most of it: as variable-length integers
 * they take one to three bytes a word where JSON would take six or more. Layout: "GLSI", a format
 * version byte, the length of a JSON header (the vocabulary, and each document's key, version and
 * number of words) as a 4-byte integer, the header, then every document's sequence in the
 * header's order. A file that does not read back whole is ignored: the index is rebuilt.
 */
const MAGIC = 'GLSI';
const VERSION = 3;

export function encodeIndex({ words, documents }: IndexParts): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({ words, documents: documents.map((d) => [d.key, d.version, d.sequence.length]) }),
  );
  const body = new VarintWriter();
  for (const { sequence } of documents) for (const value of sequence) body.write(value);
  const sequences = body.bytes();
  const out = new Uint8Array(9 + header.length + sequences.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  out[4] = VERSION;
  new DataView(out.buffer).setUint32(5, header.length, true);
  out.set(header, 9);
  out.set(sequences, 9 + header.length);
  return out;
}

export function decodeIndex(bytes: Uint8Array): IndexParts | undefined {
  try {
    if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC || bytes[4] !== VERSION) return undefined;
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + length))) as {
      words: string[];
      documents: [string, string, number][];
    };
    const limit = header.words.length * 2;
    let at = 9 + length;
    const documents = header.documents.map(([key, version, count]) => {
      const sequence = new Uint32Array(count);
      at = readSequence(bytes, at, sequence, limit);
      return { key, version, sequence };
    });
    if (at !== bytes.length) return undefined;
    return { words: header.words, documents };
  } catch {
    return undefined;
  }
}

/**
 * Fills `sequence` with the numbers from `at` on (VarintWriter's encoding) and returns where they
 * end: written out rather than through VarintReader, since a large project's index holds millions
 * of them and a call each made reading it take a second.
 */
function readSequence(bytes: Uint8Array, from: number, sequence: Uint32Array, limit: number): number {
  let at = from;
  for (let i = 0; i < sequence.length; i++) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= bytes.length || shift > 28)
        throw new Error('the file ends inside a number, or a number runs on');
      byte = bytes[at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte >= 0x80);
    // Bit operations are on 32-bit signed integers: the last shift may set the sign bit.
    if (value >>> 0 >= limit) throw new Error('a word past the vocabulary');
    sequence[i] = value;
  }
  return at;
}
