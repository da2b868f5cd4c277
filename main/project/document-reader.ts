import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { DocumentMetadata, SourceFormat } from '../../shared/model/document';
import { type ExtractedDocument, extractDocument, isExtractedFormat } from '../sources/extract-document';
import { LibraryUnavailableError } from '../sources/load-on-first-use';
import { readRegularFileSync } from '../storage/read-regular-file';
import { SyncWhileFast } from '../storage/sync-while-fast';
import type { CachedDocument, DocumentCache } from './document-cache';
import type { ProjectLayout } from './layout';

/**
 * Files up to this size are read synchronously while the disk is fast (see SyncWhileFast): 8 MB
 * from the page cache hold the event loop for a few milliseconds, less than a trip through
 * libuv's thread pool costs on a busy machine. Larger ones are rare and read asynchronously.
 */
const QUICK_READ_BYTES = 8 * 1024 * 1024;

export interface LoadedText {
  key: string;
  format: SourceFormat;
  text: string;
  metadata: DocumentMetadata;
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

export function fingerprintOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads articles into text, through the cache: the extracted text of HTML, PDF and Word files is kept under
 * .gloss/cache/text/ by fingerprint, and the few most recently used texts stay in memory,
 * since every annotation edit needs its document's text to quote from.
 */
export class DocumentReader {
  readonly #recent = new Map<string, LoadedText>();
  /** The project folder's real path: it does not move while the project is open. */
  #root: Promise<string> | undefined;
  readonly #reads = new SyncWhileFast();

  constructor(
    private readonly layout: ProjectLayout,
    private readonly cache: DocumentCache,
    private readonly keep = 8,
  ) {}

  /**
   * Extracts a file for the listing (no text kept in memory). Throws an Error with a reason, the
   * same one again without reading the file while it is unchanged.
   */
  async describe(key: string, path: string, size: number, mtimeMs: number): Promise<CachedDocument> {
    const cached = this.cache.document(key, size, mtimeMs);
    if (cached) return cached;
    const refused = this.cache.refusal(key, size, mtimeMs);
    if (refused !== undefined) throw new Error(refused);
    const loaded = await this.#extract(key, path, size, mtimeMs);
    return this.#remember(loaded);
  }

  /** Throws not-found unless `key` is an article file inside the project. */
  async assertExists(key: string): Promise<{ path: string; size: number; mtimeMs: number }> {
    const path = this.layout.documentPath(key);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw noSuchArticle(key);
    if (!info.isFile()) throw new ApiError('not-found', `"${key}" is not an article file`);
    // The key is checked by name only; a link inside the project (to a file or through a folder)
    // may still lead outside it, and listing skips such links, so reading them must refuse too.
    this.#root ??= realpath(this.layout.root);
    // The file may vanish between the two calls (deleted or renamed by another program just now).
    const [target, root] = await Promise.all([realpath(path).catch(() => undefined), this.#root]);
    if (target === undefined) throw noSuchArticle(key);
    if (!target.startsWith(root + sep)) {
      throw new ApiError('forbidden', `"${key}" is a link to a file outside the project folder`);
    }
    return { path, size: info.size, mtimeMs: info.mtimeMs };
  }

  async load(key: string): Promise<LoadedText> {
    const { path, ...info } = await this.assertExists(key);
    const recent = this.#recent.get(key);
    if (recent && recent.size === info.size && recent.mtimeMs === info.mtimeMs) {
      this.#recent.delete(key);
      this.#recent.set(key, recent);
      return recent;
    }
    const refused = this.cache.refusal(key, info.size, info.mtimeMs);
    if (refused !== undefined) throw new ApiError('bad-request', `${key}: ${refused}`, key);
    const cached = this.cache.document(key, info.size, info.mtimeMs);
    let loaded: LoadedText | undefined;
    if (cached && isExtractedFormat(cached.format)) {
      const text = await this.cache.readText(cached.fingerprint);
      if (text !== undefined && fingerprintOf(text) === cached.fingerprint) {
        loaded = { key, ...cached, text };
      }
    }
    if (!loaded) {
      try {
        loaded = await this.#extract(key, path, info.size, info.mtimeMs);
      } catch (error) {
        // Deleted or renamed by another program between the check above and the read.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw noSuchArticle(key);
        }
        throw new ApiError('bad-request', `${key}: ${(error as Error).message}`, key);
      }
      this.#remember(loaded);
    }
    this.#recent.set(key, loaded);
    while (this.#recent.size > this.keep) this.#recent.delete(this.#recent.keys().next().value!);
    return loaded;
  }

  async #extract(key: string, path: string, size: number, mtimeMs: number): Promise<LoadedText> {
    const bytes = await this.#read(path, size);
    let extracted: ExtractedDocument;
    try {
      extracted = await extractDocument(path, bytes);
    } catch (error) {
      // What the bytes are decides this, so it holds until the file changes; a failure to read
      // (permissions, a vanished file) or to load a format's library may not, and is not remembered.
      if (!(error instanceof LibraryUnavailableError)) {
        this.cache.setRefusal(key, { size, mtimeMs, reason: (error as Error).message });
      }
      throw error;
    }
    const fingerprint = fingerprintOf(extracted.text);
    if (isExtractedFormat(extracted.format))
      await this.cache.saveText(fingerprint, extracted.text).catch(() => {});
    return { key, ...extracted, fingerprint, size, mtimeMs };
  }

  #read(path: string, size: number): Buffer | Promise<Buffer> {
    if (size > QUICK_READ_BYTES) return readFile(path);
    return this.#reads.call(
      () => readRegularFileSync(path).bytes,
      () => readFile(path),
    );
  }

  #remember(loaded: LoadedText): CachedDocument {
    const entry: CachedDocument = {
      size: loaded.size,
      mtimeMs: loaded.mtimeMs,
      format: loaded.format,
      title: loaded.metadata.title,
      metadata: loaded.metadata,
      fingerprint: loaded.fingerprint,
      length: loaded.text.length,
    };
    this.cache.setDocument(loaded.key, entry);
    return entry;
  }
}

function noSuchArticle(key: string): ApiError {
  return new ApiError('not-found', `There is no article "${key}" in this project`);
}
