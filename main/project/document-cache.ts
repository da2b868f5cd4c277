import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMetadata, DocumentStatus, SourceFormat } from '../../shared/model/document';
import { writeFileAtomic } from '../storage/atomic-write';

/** What extraction found for one article, valid while the file's size and mtime are unchanged. */
export interface CachedDocument {
  size: number;
  mtimeMs: number;
  format: SourceFormat;
  title: string;
  metadata: DocumentMetadata;
  fingerprint: string;
  length: number;
}

/** What an annotation file holds in brief, valid while its size and mtime are unchanged. */
export interface CachedAnnotationFile {
  size: number;
  mtimeMs: number;
  count: number;
  status: DocumentStatus;
  /** The document's date as the file's annotator set it; absent when not set. */
  date?: string;
  /** Set when the file could not be read or validated. */
  problem?: string;
}

/** Why a file is not an article, valid while its size and mtime are unchanged. */
export interface CachedRefusal {
  size: number;
  mtimeMs: number;
  reason: string;
}

const CACHE_VERSION = 1;
interface CacheFile {
  version: typeof CACHE_VERSION;
  documents: Record<string, CachedDocument>;
  annotationFiles: Record<string, CachedAnnotationFile>;
  /** Added after version 1 was out: a cache without it has no refusals remembered yet. */
  refused?: Record<string, CachedRefusal>;
}

/**
 * The derived index under .gloss/cache/: titles, metadata and fingerprints of articles, and
 * annotation counts, so reopening a large project reads no article it has seen unchanged.
 * Anything wrong with it is not a problem to report: it is rebuilt.
 */
export class DocumentCache {
  documents = new Map<string, CachedDocument>();
  annotationFiles = new Map<string, CachedAnnotationFile>();
  /** Files extraction refused, so that a page that takes seconds to refuse costs them once. */
  refused = new Map<string, CachedRefusal>();
  #dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
  ) {}

  /** A read-only cache uses what is on disk but never writes. */
  static async load(dir: string, readOnly = false): Promise<DocumentCache> {
    const cache = new DocumentCache(dir, readOnly);
    try {
      // Checked by hand, and each entry only when looked up (an entry whose size and mtime do not
      // match is rebuilt): a schema check of every entry of a 100,000-file index takes a third of a second.
      const data = JSON.parse(await readFile(cache.indexFile, 'utf8')) as Partial<CacheFile> | null;
      if (
        data?.version === CACHE_VERSION &&
        isRecord(data.documents) &&
        isRecord(data.annotationFiles) &&
        (data.refused === undefined || isRecord(data.refused))
      ) {
        cache.documents = new Map(Object.entries(data.documents));
        cache.annotationFiles = new Map(Object.entries(data.annotationFiles));
        cache.refused = new Map(Object.entries(data.refused ?? {}));
      }
    } catch {
      // Missing or unreadable: start empty and rebuild.
    }
    return cache;
  }

  get indexFile(): string {
    return join(this.dir, 'documents.json');
  }

  textFile(fingerprint: string): string {
    return join(this.dir, 'text', `${fingerprint}.txt`);
  }

  document(key: string, size: number, mtimeMs: number): CachedDocument | undefined {
    return current(this.documents.get(key), size, mtimeMs);
  }

  setDocument(key: string, entry: CachedDocument): void {
    this.documents.set(key, entry);
    this.refused.delete(key);
    this.#dirty = true;
  }

  /** Why the file was refused, if it was and has not changed since. */
  refusal(key: string, size: number, mtimeMs: number): string | undefined {
    const entry = current(this.refused.get(key), size, mtimeMs);
    return typeof entry?.reason === 'string' ? entry.reason : undefined;
  }

  setRefusal(key: string, entry: CachedRefusal): void {
    this.refused.set(key, entry);
    this.documents.delete(key);
    this.#dirty = true;
  }

  annotationFile(path: string, size: number, mtimeMs: number): CachedAnnotationFile | undefined {
    return current(this.annotationFiles.get(path), size, mtimeMs);
  }

  setAnnotationFile(path: string, entry: CachedAnnotationFile): void {
    this.annotationFiles.set(path, entry);
    this.#dirty = true;
  }

  /** Drops entries for files that are gone, so the index does not grow forever. */
  retain(documentKeys: Set<string>, annotationPaths: Set<string>): void {
    this.#retain(this.documents, documentKeys);
    this.#retain(this.refused, documentKeys);
    this.#retain(this.annotationFiles, annotationPaths);
  }

  #retain(entries: Map<string, unknown>, keep: Set<string>): void {
    for (const key of entries.keys()) {
      if (!keep.has(key)) {
        entries.delete(key);
        this.#dirty = true;
      }
    }
  }

  async saveText(fingerprint: string, text: string): Promise<void> {
    if (this.readOnly) return;
    await writeFileAtomic(this.textFile(fingerprint), text, { durable: false });
  }

  async readText(fingerprint: string): Promise<string | undefined> {
    try {
      return await readFile(this.textFile(fingerprint), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Writes the index if it changed. A failure only costs speed next time, so it is not fatal. */
  async save(): Promise<void> {
    if (!this.#dirty || this.readOnly) return;
    this.#dirty = false;
    const data: CacheFile = {
      version: CACHE_VERSION,
      documents: Object.fromEntries(this.documents),
      annotationFiles: Object.fromEntries(this.annotationFiles),
      refused: Object.fromEntries(this.refused),
    };
    try {
      await writeFileAtomic(this.indexFile, JSON.stringify(data), { durable: false });
    } catch {
      this.#dirty = true;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entry if it was made from the file as it is now: same size, same modification time. */
function current<T extends { size: number; mtimeMs: number }>(
  entry: T | undefined,
  size: number,
  mtimeMs: number,
): T | undefined {
  // Entries come from a file anyone may edit: one that is not even an object counts as missing.
  return typeof entry === 'object' && entry !== null && entry.size === size && entry.mtimeMs === mtimeMs
    ? entry
    : undefined;
}
