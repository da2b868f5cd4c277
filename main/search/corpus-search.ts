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
 * documents: each search indexes the texts that are new or changed since the last (by their
 * fingerprint) and forgets the documents gone.
 */
export class CorpusSearch {
  #index: SearchIndex | undefined;
  #saving: NodeJS.Timeout | undefined;

  /**
   * `indexFile`: where the index is kept between runs (read when the first search comes, written
   * a moment after a search that changed it, unless `readOnly`).
   */
  constructor(
    private readonly source: SearchSource,
    private readonly store: { indexFile?: string; readOnly?: boolean } = {},
  ) {}

  async search(request: CorpusSearchRequest, signal?: AbortSignal): Promise<CorpusSearchResult> {
    const query = parsed(request.query);
    const { documents } = await this.source.listDocuments();
    this.#index ??= await this.#load();
    if (await this.#bringUpToDate(this.#index, documents, signal)) this.#saveSoon(this.#index);
    const wanted = new Set(documents.filter((d) => inScope(d, request)).map((d) => d.key));
    const hits: SearchHit[] = [];
    const byDocument: Record<string, number> = {};
    let total = 0;
    let read = 0;
    for (const { key, count } of this.#index.candidates(query)) {
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

  async #load(): Promise<SearchIndex> {
    const bytes = this.store.indexFile
      ? await readFile(this.store.indexFile).catch(() => undefined)
      : undefined;
    const parts = bytes && decodeIndex(bytes);
    return parts ? SearchIndex.fromParts(parts) : new SearchIndex();
  }

  /** Writes the index a moment after the last search that changed it: a burst of edits is one write. */
  #saveSoon(index: SearchIndex): void {
    const file = this.store.indexFile;
    if (!file || this.store.readOnly) return;
    clearTimeout(this.#saving);
    this.#saving = setTimeout(() => {
      // Derived data: a failed write only means indexing again next time.
      writeFileAtomic(file, encodeIndex(index.toParts()), { durable: false }).catch(() => {});
    }, SAVE_AFTER_MS);
    this.#saving.unref();
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

function inScope(document: DocumentSummary, request: CorpusSearchRequest): boolean {
  if (request.folder && !document.key.startsWith(request.folder)) return false;
  return !request.statuses?.length || request.statuses.includes(document.status);
}

function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve) => setImmediate(resolve));
}
