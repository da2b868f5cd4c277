import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
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
  /** Set when the file could not be read or validated. */
  problem?: string;
}

const CACHE_VERSION = 1;
const CacheShape = z.object({
  version: z.literal(CACHE_VERSION),
  documents: z.record(
    z.string(),
    z.custom<CachedDocument>((v) => typeof v === 'object' && v !== null),
  ),
  annotationFiles: z.record(
    z.string(),
    z.custom<CachedAnnotationFile>((v) => typeof v === 'object' && v !== null),
  ),
});

/**
 * The derived index under .gloss/cache/: titles, metadata and fingerprints of articles, and
 * annotation counts, so reopening a large project reads no article it has seen unchanged.
 * Anything wrong with it is not a problem to report: it is rebuilt.
 */
export class DocumentCache {
  documents = new Map<string, CachedDocument>();
  annotationFiles = new Map<string, CachedAnnotationFile>();
  #dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
  ) {}

  /** A read-only cache uses what is on disk but never writes. */
  static async load(dir: string, readOnly = false): Promise<DocumentCache> {
    const cache = new DocumentCache(dir, readOnly);
    try {
      const parsed = CacheShape.safeParse(JSON.parse(await readFile(cache.indexFile, 'utf8')));
      if (parsed.success) {
        cache.documents = new Map(Object.entries(parsed.data.documents));
        cache.annotationFiles = new Map(Object.entries(parsed.data.annotationFiles));
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
    const entry = this.documents.get(key);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : undefined;
  }

  setDocument(key: string, entry: CachedDocument): void {
    this.documents.set(key, entry);
    this.#dirty = true;
  }

  annotationFile(path: string, size: number, mtimeMs: number): CachedAnnotationFile | undefined {
    const entry = this.annotationFiles.get(path);
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : undefined;
  }

  setAnnotationFile(path: string, entry: CachedAnnotationFile): void {
    this.annotationFiles.set(path, entry);
    this.#dirty = true;
  }

  /** Drops entries for files that are gone, so the index does not grow forever. */
  retain(documentKeys: Set<string>, annotationPaths: Set<string>): void {
    for (const key of this.documents.keys()) {
      if (!documentKeys.has(key)) {
        this.documents.delete(key);
        this.#dirty = true;
      }
    }
    for (const path of this.annotationFiles.keys()) {
      if (!annotationPaths.has(path)) {
        this.annotationFiles.delete(path);
        this.#dirty = true;
      }
    }
  }

  async saveText(fingerprint: string, text: string): Promise<void> {
    if (this.readOnly) return;
    await writeFileAtomic(this.textFile(fingerprint), text);
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
    const data = {
      version: CACHE_VERSION,
      documents: Object.fromEntries(this.documents),
      annotationFiles: Object.fromEntries(this.annotationFiles),
    };
    try {
      await writeFileAtomic(this.indexFile, JSON.stringify(data));
    } catch {
      this.#dirty = true;
    }
  }
}
