import { createHash } from 'node:crypto';
import type { AnalysedAnnotation, AnalysedRelation } from '../../shared/analysis/analysed-annotation';
import type { DocumentStatus } from '../../shared/model/document';
import type { FigureValue } from '../../shared/model/figure';
import { DOCUMENT_STATUSES, FIGURE_QUALIFIERS } from '../../shared/model/vocabulary';
import { frameCacheFile, unframeCacheFile } from '../storage/cache-file-frame';
import { VarintReader, VarintWriter } from '../storage/varints';
import type { FileDigest } from './file-digest';

/** A file's digest with the size and modification time of the file it was made from. */
export interface StampedDigest {
  size: number;
  mtimeMs: number;
  digest: FileDigest;
}

/**
 * Every annotation file's digest on disk (.gloss/cache/annotation-digests.bin), by the file's
 * name under .gloss/annotations/, so the first analysis after opening a project reads one file
 * instead of one per document and annotator (10,000 files took 0.9 s to read, this 0.1 s).
 *
 * Binary, because what takes the time is making the strings and objects, not reading the bytes:
 * every string is kept once (a code, an author, an id a relation names) in one UTF-8 run decoded
 * in one call and cut into its strings, and the objects are made field by field.
 *
 * Layout, after the frame (cache-file-frame.ts, whose header holds the body's SHA-256): the number
 * of strings and each one's length in UTF-16 units, the byte length of the run and the run; then
 * per file: its name, size, modification time (a double), annotator, fingerprint, status, note,
 * date; its annotations (id, code, author, start, length, quote, note, stakeholder, value) and
 * relations (id, type, from, to). Strings go as their number in the table, and one that may be
 * absent as that number plus one, 0 being none. A file of another version, cut short, or whose
 * body does not match its hash is ignored whole: the annotation files are read again.
 */
const MAGIC = 'GLAD';
const VERSION = 1;

/** A surrogate without its other half would not come back from UTF-8 the same. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const STATUSES: ReadonlySet<string> = new Set(DOCUMENT_STATUSES);
const QUALIFIERS: ReadonlySet<string> = new Set(FIGURE_QUALIFIERS);

export function encodeDigests(entries: ReadonlyMap<string, StampedDigest>): Uint8Array {
  const encoded = encodeAll(entries);
  if (!encoded.lone) return encoded.file;
  // Rare (a hand-made file): the entries with such a string are left to be read from their files.
  const kept = [...entries].filter(
    ([name, { digest }]) => !stringsOf(name, digest).some((value) => LONE_SURROGATE.test(value)),
  );
  return encodeAll(new Map(kept)).file;
}

function encodeAll(entries: ReadonlyMap<string, StampedDigest>): { file: Uint8Array; lone: boolean } {
  const strings = new Map<string, number>();
  const records = new VarintWriter();
  const numbered = (value: string) => {
    let index = strings.get(value);
    if (index === undefined) {
      index = strings.size;
      strings.set(value, index);
    }
    return index;
  };
  const string = (value: string) => records.write(numbered(value));
  const optional = (value: string | undefined) =>
    records.write(value === undefined ? 0 : numbered(value) + 1);
  records.write(entries.size);
  for (const [name, { size, mtimeMs, digest }] of entries) {
    string(name);
    records.write(size);
    records.writeDouble(mtimeMs);
    string(digest.annotator);
    string(digest.fingerprint);
    string(digest.status);
    string(digest.note);
    optional(digest.date);
    records.write(digest.annotations.length);
    for (const a of digest.annotations) {
      string(a.id);
      string(a.code);
      string(a.author);
      records.write(a.target.start);
      records.write(a.target.end - a.target.start);
      string(a.target.quote);
      optional(a.note);
      optional(a.stakeholderId);
      if (!a.value) records.write(0);
      else {
        records.write(1);
        records.writeDouble(a.value.min);
        records.writeDouble(a.value.max);
        optional(a.value.unit);
        optional(a.value.currency);
        string(a.value.qualifier);
        optional(a.value.measures);
      }
    }
    records.write(digest.relations.length);
    for (const r of digest.relations) {
      string(r.id);
      string(r.type);
      string(r.from);
      string(r.to);
    }
  }
  const table = new VarintWriter();
  table.write(strings.size);
  for (const value of strings.keys()) table.write(value.length);
  // One run: a pair split across two strings still comes back as the same UTF-16 units.
  const joined = [...strings.keys()].join('');
  const run = new TextEncoder().encode(joined);
  table.write(run.length);
  table.raw(run);
  table.raw(records.bytes());
  const body = table.bytes();
  return {
    file: frameCacheFile(MAGIC, VERSION, { sha256: sha256(body) }, body),
    lone: LONE_SURROGATE.test(joined),
  };
}

/** The digests the file holds, or undefined if it is not a whole file of this version. */
export function decodeDigests(bytes: Uint8Array): Map<string, StampedDigest> | undefined {
  try {
    const framed = unframeCacheFile(bytes, MAGIC, VERSION);
    if (!framed || (framed.header as { sha256?: unknown }).sha256 !== sha256(framed.body)) return undefined;
    return readDigests(new VarintReader(framed.body), framed.body.length);
  } catch {
    return undefined;
  }
}

function readDigests(reader: VarintReader, most: number): Map<string, StampedDigest> {
  const count = reader.read();
  if (count > most) throw new Error('more strings than bytes');
  const lengths = new Array<number>(count);
  for (let i = 0; i < count; i++) lengths[i] = reader.read();
  const run = new TextDecoder('utf-8', { fatal: true }).decode(reader.raw(reader.read()));
  const strings = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    strings[i] = run.slice(at, at + lengths[i]!);
    at += lengths[i]!;
  }
  if (at !== run.length) throw new Error('the strings do not fill their run');
  const string = (): string => {
    const value = strings[reader.read()];
    if (value === undefined) throw new Error('no such string');
    return value;
  };
  const optional = (): string | undefined => {
    const index = reader.read();
    if (index === 0) return undefined;
    const value = strings[index - 1];
    if (value === undefined) throw new Error('no such string');
    return value;
  };
  const entries = new Map<string, StampedDigest>();
  const files = reader.read();
  for (let f = 0; f < files; f++) {
    const name = string();
    const size = reader.read();
    const mtimeMs = reader.readDouble();
    const annotator = string();
    const fingerprint = string();
    const status = string();
    if (!STATUSES.has(status)) throw new Error('no such status');
    const note = string();
    const date = optional();
    const annotations = new Array<AnalysedAnnotation>(reader.read());
    if (annotations.length > most) throw new Error('more annotations than bytes');
    for (let i = 0; i < annotations.length; i++) {
      const id = string();
      const code = string();
      const author = string();
      const start = reader.read();
      const end = start + reader.read();
      const annotation: AnalysedAnnotation = { id, code, author, target: { start, end, quote: string() } };
      const annotationNote = optional();
      if (annotationNote !== undefined) annotation.note = annotationNote;
      const stakeholderId = optional();
      if (stakeholderId !== undefined) annotation.stakeholderId = stakeholderId;
      if (reader.read() === 1) annotation.value = readValue(reader, string, optional);
      annotations[i] = annotation;
    }
    const relations = new Array<AnalysedRelation>(reader.read());
    if (relations.length > most) throw new Error('more relations than bytes');
    for (let i = 0; i < relations.length; i++) {
      relations[i] = { id: string(), type: string(), from: string(), to: string() };
    }
    const digest: FileDigest = {
      annotator,
      fingerprint,
      status: status as DocumentStatus,
      note,
      ...(date !== undefined ? { date } : {}),
      annotations,
      relations,
    };
    entries.set(name, { size, mtimeMs, digest });
  }
  if (!reader.atEnd) throw new Error('bytes after the last file');
  return entries;
}

function readValue(
  reader: VarintReader,
  string: () => string,
  optional: () => string | undefined,
): FigureValue {
  const value = { min: reader.readDouble(), max: reader.readDouble() } as FigureValue;
  const unit = optional();
  if (unit !== undefined) value.unit = unit;
  const currency = optional();
  if (currency !== undefined) value.currency = currency;
  const qualifier = string();
  if (!QUALIFIERS.has(qualifier)) throw new Error('no such qualifier');
  value.qualifier = qualifier as FigureValue['qualifier'];
  const measures = optional();
  if (measures !== undefined) value.measures = measures;
  return value;
}

/** Every string of an entry. */
function stringsOf(name: string, digest: FileDigest): string[] {
  const found = [name, digest.annotator, digest.fingerprint, digest.note, digest.date ?? ''];
  for (const a of digest.annotations) {
    found.push(a.id, a.code, a.author, a.target.quote, a.note ?? '', a.stakeholderId ?? '');
    if (a.value) found.push(a.value.unit ?? '', a.value.currency ?? '', a.value.measures ?? '');
  }
  for (const r of digest.relations) found.push(r.id, r.type, r.from, r.to);
  return found;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
