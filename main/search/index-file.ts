import { frameCacheFile, unframeCacheFile } from '../storage/cache-file-frame';
import { VarintWriter } from '../storage/varints';
import type { IndexParts } from './search-index';

/**
 * The search index on disk (.gloss/cache/search-index.bin), so a project is indexed once, not
 * at every start. Binary because the word sequences are most of it: as variable-length integers
 * they take one to three bytes a word where JSON would take six or more. Framed as
 * cache-file-frame.ts says ("GLSI"): the header holds the vocabulary, and each document's key,
 * version and number of words; the body every document's sequence in the header's order. A file
 * that does not read back whole is ignored: the index is rebuilt.
 */
const MAGIC = 'GLSI';
const VERSION = 3;

export function encodeIndex({ words, documents }: IndexParts): Uint8Array {
  const body = new VarintWriter();
  for (const { sequence } of documents) for (const value of sequence) body.write(value);
  const header = { words, documents: documents.map((d) => [d.key, d.version, d.sequence.length]) };
  return frameCacheFile(MAGIC, VERSION, header, body.bytes());
}

export function decodeIndex(bytes: Uint8Array): IndexParts | undefined {
  try {
    const framed = unframeCacheFile(bytes, MAGIC, VERSION);
    if (!framed) return undefined;
    const header = framed.header as { words: string[]; documents: [string, string, number][] };
    const limit = header.words.length * 2;
    let at = 0;
    const documents = header.documents.map(([key, version, count]) => {
      const sequence = new Uint32Array(count);
      at = readSequence(framed.body, at, sequence, limit);
      return { key, version, sequence };
    });
    if (at !== framed.body.length) return undefined;
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
