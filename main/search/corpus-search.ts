import type { CorpusSearchResult, SearchHit } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import { findHits } from '../../shared/search/find-hits';
import { keywordInContext } from '../../shared/search/keyword-in-context';
import { parseSearchQuery, SearchQueryError } from '../../shared/search/search-query';
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
  readonly #index = new SearchIndex();

  constructor(private readonly source: SearchSource) {}

  async search(request: CorpusSearchRequest, signal?: AbortSignal): Promise<CorpusSearchResult> {
    const query = parsed(request.query);
    const { documents } = await this.source.listDocuments();
    await this.#bringUpToDate(documents, signal);
    const wanted = new Set(documents.filter((d) => inScope(d, request)).map((d) => d.key));
    const hits: SearchHit[] = [];
    const byDocument: Record<string, number> = {};
    let total = 0;
    let read = 0;
    for (const key of this.#index.candidates(query)) {
      if (!wanted.has(key)) continue;
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

  async #bringUpToDate(documents: readonly DocumentSummary[], signal?: AbortSignal): Promise<void> {
    const present = new Set(documents.map((d) => d.key));
    for (const key of this.#index.keys()) if (!present.has(key)) this.#index.remove(key);
    let read = 0;
    for (const { key, fingerprint } of documents) {
      if (this.#index.versionOf(key) === fingerprint) continue;
      if (++read % YIELD_EVERY === 0) await yieldToEventLoop(signal);
      const loaded = await this.source.text(key);
      this.#index.add(key, loaded.fingerprint, loaded.text);
    }
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
