import { readFile } from 'node:fs/promises';
import type { CorpusSearchResult, SearchHit } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import { findHits } from '../../shared/search/find-hits';
import { keywordInContext } from '../../shared/search/keyword-in-context';
import { parseSearchQuery, SearchQueryError } from '../../shared/search/search-query';
import { writeFileAtomic } from '../storage/atomic-write';
import { decodeIndex, encodeIndex } from './index-file';
import { SearchIndex } from './search-index';

/** What corpus search needs of a project: its documents, and the text of each. */
export interface SearchSource {
  listDocuments(): Promise<{ documents: DocumentSummary[] }>;
  text(key: string): Promise<{ text: string; fingerprint: string }>;
}

export interface CorpusSearchRequest {
  query: string;
  /** At most this many hits are returned (all are counted). */
  limit: number;
  /** Only documents under this folder (a key prefix ending in "/"), or "" for all. */
  folder?: string;
  statuses?: readonly DocumentStatus[];
}

/** How long after a search that changed the index it is written, so a burst of edits is one write. */
const SAVE_AFTER_MS = 1_000;

/** Documents read between two yields to the event loop, so the API answers while a search runs. */
const YIELD_EVERY = 50;

/**
 * Searches the text of every document of a project (search-query.ts says what a query finds):
 * the index narrows a word or phrase search to the documents holding all its words, then each
 * hit is found in the document's own text, so its offsets are exact. The index follows the
 * documents: a search indexes the texts new or changed since the last (by their fingerprint,
 * or as the folder watcher names them) and forgets the documents gone.
 */
export class CorpusSearch {
  #index: SearchIndex | undefined;
  #saving: NodeJS.Timeout | undefined;
  /** The index's last write, settled when nothing is being written. */
  #written: Promise<void> = Promise.resolve();
  /** Whether the index has been checked against the whole document list since the folder last changed beyond telling. */
  #listed = false;
  /** Documents the folder watcher says changed since the last search. */
  readonly #stale = new Set<string>();

  /**
   * `indexFile`: where the index is kept between runs (read when the first search comes, written
   * a moment after a search that changed it, unless `readOnly`). `told`: the folder watcher calls
   * `changed` for every article it sees change, so a search re-reads only those; without it,
   * each search checks the whole document list (hundreds of milliseconds for 10,000 articles).
   */
  constructor(
    private readonly source: SearchSource,
    private readonly store: { indexFile?: string; readOnly?: boolean; told?: boolean } = {},
  ) {}

  /** Searches running now, each stopped by its controller. */
  readonly #running = new Set<AbortController>();

  /** Stops every search running now (each fails with `cancelled`); false if none was. */
  cancel(): boolean {
    for (const controller of this.#running) controller.abort();
    return this.#running.size > 0;
  }

  /** The folder watcher's news: these documents changed, or (none named) any may have. */
  changed(keys: readonly string[]): void {
    if (keys.length === 0) this.#listed = false;
    for (const key of keys) this.#stale.add(key);
  }

  async search(request: CorpusSearchRequest, signal?: AbortSignal): Promise<CorpusSearchResult> {
    const query = parsed(request.query);
    this.#index ??= await this.#load();
    const index = this.#index;
    // Statuses are in the list only; without a watcher, only the list tells what changed.
    const listing =
      !this.store.told || !this.#listed || request.statuses?.length
        ? (await this.source.listDocuments()).documents
        : undefined;
    const changed = listing
      ? await this.#bringUpToDate(index, listing, signal)
      : await this.#reindexStale(index, signal);
    if (listing) {
      this.#listed = true;
      this.#stale.clear();
    }
    if (changed) this.#saveSoon(index);
    const statusOf = listing && new Map(listing.map((d) => [d.key, d.status]));
    const wanted = new Set(index.keys().filter((key) => inScope(key, statusOf?.get(key), request)));
    const hits: SearchHit[] = [];
    const byDocument: Record<string, number> = {};
    let total = 0;
    let read = 0;
    for (const { key, count } of index.candidates(query)) {
      if (!wanted.has(key)) continue;
      // A one-word query is counted from the index: only the documents of the hits returned are read.
      if (count !== undefined && hits.length >= request.limit) {
        byDocument[key] = count;
        total += count;
        continue;
      }
      if (++read % YIELD_EVERY === 0) await yieldToEventLoop(signal);
      const { text } = await this.source.text(key);
      const found = findHits(text, query);
      if (found.length === 0) continue;
      byDocument[key] = found.length;
      total += found.length;
      for (const hit of found) {
        if (hits.length >= request.limit) break;
        hits.push({ key, start: hit.start, end: hit.end, ...keywordInContext(text, hit.start, hit.end) });
      }
    }
    return { query: request.query, total, documents: Object.keys(byDocument).length, byDocument, hits };
  }

  /** Indexes the texts new or changed since the index was made, forgets the documents gone; true if anything changed. */
  async #bringUpToDate(
    index: SearchIndex,
    documents: readonly DocumentSummary[],
    signal?: AbortSignal,
  ): Promise<boolean> {
    const present = new Set(documents.map((d) => d.key));
    let changed = false;
    for (const key of index.keys()) {
      if (present.has(key)) continue;
      index.remove(key);
      changed = true;
    }
    let read = 0;
    for (const { key, fingerprint } of documents) {
      if (index.versionOf(key) === fingerprint) continue;
      if (++read % YIELD_EVERY === 0) await yieldToEventLoop(signal);
      const loaded = await this.source.text(key);
      index.add(key, loaded.fingerprint, loaded.text);
      changed = true;
    }
    return changed;
  }

  /** Reads again the documents the watcher named: changed ones are indexed anew, gone ones forgotten. */
  async #reindexStale(index: SearchIndex, signal?: AbortSignal): Promise<boolean> {
    const keys = [...this.#stale];
    this.#stale.clear();
    let read = 0;
    for (const key of keys) {
      if (++read % YIELD_EVERY === 0) await yieldToEventLoop(signal);
      const loaded = await this.source.text(key).catch(() => undefined);
      if (!loaded) index.remove(key);
      else if (index.versionOf(key) !== loaded.fingerprint) index.add(key, loaded.fingerprint, loaded.text);
    }
    return keys.length > 0;
  }

  async #load(): Promise<SearchIndex> {
    const bytes = this.store.indexFile
      ? await readFile(this.store.indexFile).catch(() => undefined)
      : undefined;
    const parts = bytes && decodeIndex(bytes);
    return parts ? SearchIndex.fromParts(parts) : new SearchIndex();
  }

  /**
   * Writes at once an index still waiting to be written, and resolves when nothing is being
   * written any more: the project's folder may then be closed, moved or removed.
   */
  close(): Promise<void> {
    if (this.#saving) {
      clearTimeout(this.#saving);
      this.#saving = undefined;
      if (this.#index) this.#write(this.#index);
    }
    return this.#written;
  }

  /** Writes the index a moment after the last search that changed it: a burst of edits is one write. */
  #saveSoon(index: SearchIndex): void {
    if (!this.store.indexFile || this.store.readOnly) return;
    clearTimeout(this.#saving);
    this.#saving = setTimeout(() => {
      this.#saving = undefined;
      this.#write(index);
    }, SAVE_AFTER_MS);
    this.#saving.unref();
  }

  #write(index: SearchIndex): void {
    const file = this.store.indexFile!;
    const bytes = encodeIndex(index.toParts());
    // One write after another; derived data, so a failed write only means indexing again next time.
    this.#written = this.#written.then(() =>
      writeFileAtomic(file, bytes, { durable: false }).catch(() => {}),
    );
  }
}

/** A query that cannot be searched is the request's fault, said in the words of search-query.ts. */
function parsed(input: string) {
  try {
    return parseSearchQuery(input);
  } catch (error) {
    if (error instanceof SearchQueryError) throw new ApiError('bad-request', error.message);
    throw error;
  }
}

function inScope(key: string, status: DocumentStatus | undefined, request: CorpusSearchRequest): boolean {
  if (request.folder && !key.startsWith(request.folder)) return false;
  return !request.statuses?.length || (status !== undefined && request.statuses.includes(status));
}

function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve) => setImmediate(resolve));
}
