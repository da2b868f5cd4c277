import { createHash } from 'node:crypto';
import type { TextUnits } from '../../shared/analysis/near';
import { frameCacheFile, unframeCacheFile } from '../storage/cache-file-frame';
import { VarintReader, VarintWriter } from '../storage/varints';

/**
 * The paragraphs and sentences of every article on disk (.gloss/cache/text-units.bin), by the
 * fingerprint of the text they were split from, so the matrix by sentence or paragraph does not
 * read and split every article again after a restart. Binary because it is all small integers:
 * as variable-length gaps they take about a byte each.
 *
 * Layout: "GLTU", a format version byte, the length of a JSON header as a 4-byte integer, the
 * header (the Unicode version of the sentence rules, since another ICU may split otherwise, and
 * the body's SHA-256), then per text: its fingerprint (32 bytes), the number of paragraphs and
 * their (gap from the last end, length) pairs, the same for sentences. A file from another
 * version or rules, cut short, or with a body that does not match its hash is ignored whole: the
 * units are split again.
 */
const MAGIC = 'GLTU';
const VERSION = 1;
const FINGERPRINT = /^[0-9a-f]{64}$/;

/** What the sentence rules depend on: Intl.Segmenter follows the ICU and Unicode data Node carries. */
export function sentenceRules(): string {
  return `icu ${process.versions.icu ?? '?'}, unicode ${process.versions.unicode ?? '?'}`;
}

export function encodeTextUnits(entries: ReadonlyMap<string, TextUnits>): Uint8Array {
  const body = new VarintWriter();
  for (const [fingerprint, units] of entries) {
    if (!FINGERPRINT.test(fingerprint)) continue;
    body.raw(Buffer.from(fingerprint, 'hex'));
    for (const pairs of [units.paragraphs, units.sentences]) {
      body.write(pairs.length / 2);
      let last = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        body.write(pairs[i]! - last);
        body.write(pairs[i + 1]! - pairs[i]!);
        last = pairs[i + 1]!;
      }
    }
  }
  const bytes = body.bytes();
  return frameCacheFile(MAGIC, VERSION, { rules: sentenceRules(), sha256: sha256(bytes) }, bytes);
}

/** The units the file holds, or undefined if it is not a whole file of this version and these rules. */
export function decodeTextUnits(bytes: Uint8Array): Map<string, TextUnits> | undefined {
  try {
    const framed = unframeCacheFile(bytes, MAGIC, VERSION);
    if (!framed) return undefined;
    const header = framed.header as { rules?: unknown; sha256?: unknown };
    const body = framed.body;
    if (header.rules !== sentenceRules() || header.sha256 !== sha256(body)) return undefined;
    const reader = new VarintReader(body);
    const entries = new Map<string, TextUnits>();
    while (!reader.atEnd) {
      const fingerprint = Buffer.from(reader.raw(32)).toString('hex');
      const [paragraphs, sentences] = [readPairs(reader, body.length), readPairs(reader, body.length)];
      entries.set(fingerprint, { paragraphs, sentences });
    }
    return entries;
  } catch {
    return undefined;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A count, then that many (gap from the last end, length) pairs, back into [start, end] pairs. */
function readPairs(reader: VarintReader, most: number): Uint32Array {
  const n = reader.read();
  if (n > most) throw new Error('more units than bytes');
  const pairs = new Uint32Array(2 * n);
  let last = 0;
  for (let i = 0; i < 2 * n; i += 2) {
    pairs[i] = last + reader.read();
    pairs[i + 1] = pairs[i]! + reader.read();
    last = pairs[i + 1]!;
  }
  return pairs;
}
