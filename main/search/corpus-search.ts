import { readFile } from 'node:fs/promises';
import type { CorpusSearchResult, SearchHit } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import { findHits, type TextHit } from '../../shared/search/find-hits';
import { keywordInContext } from '../../shared/search/keyword-in-context';
import { parseSearchQuery, type SearchQuery, SearchQueryError } from '../../shared/search/search-query';
import { forEachLimited } from '../project/for-each-limited';
import { writeFileAtomic } from '../storage/atomic-write';
import { decodeIndex, encodeIndex } from './index-file';
import { Pace } from './pace';
import { SearchIndex } from './search-index';

/** What corpus search needs of a project: its documents, and the text of each. */
export interface SearchSource {
  listDocuments(): Promise<{ documents: DocumentSummary[] }>;
  text(key: string): Promise<{ text: string; fingerprint: string }>;
  /** A document with every annotator's annotations: for the filters on what is coded. */
  openDocument(key: string): Promise<{
    document: { text: string; fingerprint: string };
    annotations: readonly CodedPassage[];
  }>;
}

/** What the filters on coding need of an annotation. */
interface CodedPassage {
  code: string;
  target: { start: number; end: number };
}

export interface CorpusSearchRequest {
  query: string;
  /** At most this many hits are returned (all are counted). */
  limit: number;
  /** Hits before this one, in document order, are counted but not returned. */
  offset?: number;
  /** Only documents under this folder (a key prefix ending in "/"), or "" for all. */
  folder?: string;
  statuses?: readonly DocumentStatus[];
  /** Only hits inside a passage coded with one of these codes. */
  insideCodes?: ReadonlySet<string>;
  /** Only hits no annotation touches. */
  uncoded?: boolean;
}

export interface SearchProgress {
  phase: 'indexing' | 'scanning';
  done: number;
  total: number;
}

/** How long after a search that changed the index it is written, so a burst of edits is one write. */
const SAVE_AFTER_MS = 1_000;

/** Articles read at once while indexing. */
const READS_IN_FLIGHT = 8;

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
  /** Counts the index's changes, so a scan's hits are not paged through after its texts changed. */
  #generation = 0;
  /**
   * The hits of the last regular expression or filter on what is coded, so the screens' later
   * pages of it (offset > 0) do not read every article again; a first page always scans anew.
   */
  #lastScan: LastScan | undefined;

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

  /**
   * Counts every hit of the request's query and returns those from `offset` to `offset + limit`.
   * Indexing and reading texts report `progress` a few times a second; `cancel()` stops it.
   */
  async search(
    request: CorpusSearchRequest,
    progress: (progress: SearchProgress) => void = () => {},
  ): Promise<CorpusSearchResult> {
    const query = parsed(request.query);
    const controller = new AbortController();
    this.#running.add(controller);
    try {
      const pace = new Pace(controller.signal, progress);
      const { index, statusOf } = await this.#upToDate(request, pace);
      const wanted = (key: string) => inScope(key, statusOf?.get(key), request);
      const coded = request.insideCodes !== undefined || request.uncoded === true;
      const counts = query.kind === 'words' ? index.count(query, wanted) : undefined;
      const found =
        counts && !coded
          ? await this.#page(index, counts, query, request, pace)
          : await this.#scan(
              counts?.map(([key]) => key) ?? index.keys().filter(wanted),
              query,
              request,
              pace,
            );
      return { query: request.query, ...found, documents: Object.keys(found.byDocument).length };
    } catch (error) {
      if (controller.signal.aborted)
        throw new ApiError('cancelled', `The search for ${request.query} was stopped.`);
      throw error;
    } finally {
      this.#running.delete(controller);
    }
  }

  /** The index with every change since the last search in it, and the statuses when the list was read. */
  async #upToDate(request: CorpusSearchRequest, pace: Pace) {
    this.#index ??= await this.#load();
    const index = this.#index;
    // Statuses are in the list only; without a watcher, only the list tells what changed.
    const listing =
      !this.store.told || !this.#listed || request.statuses?.length
        ? (await this.source.listDocuments()).documents
        : undefined;
    const changed = listing
      ? await this.#bringUpToDate(index, listing, pace)
      : await this.#reindexStale(index, pace);
    if (listing) {
      this.#listed = true;
      this.#stale.clear();
    }
    if (changed) {
      this.#generation++;
      this.#saveSoon(index);
    }
    return { index, statusOf: listing && new Map(listing.map((d) => [d.key, d.status])) };
  }

  /**
   * Hits counted by the index: only the documents holding the hits from `offset` on are read. An
   * article changed since it was indexed (the watcher has not said so yet) is indexed again and
   * its hits counted from its text.
   */
  async #page(
    index: SearchIndex,
    counts: readonly [string, number][],
    query: SearchQuery,
    request: CorpusSearchRequest,
    pace: Pace,
  ): Promise<Found> {
    const found: Found = { total: 0, byDocument: Object.fromEntries(counts), hits: [] };
    const first = request.offset ?? 0;
    for (const [key, count] of counts) {
      const before = found.total;
      found.total += count;
      if (found.total <= first || found.hits.length >= request.limit) continue;
      await pace.step();
      const { text, fingerprint } = await this.source.text(key);
      const hits = findHits(text, query);
      if (fingerprint !== index.versionOf(key)) {
        index.add(key, fingerprint, text);
        this.#generation++;
        this.#saveSoon(index);
        found.total += hits.length - count;
        if (hits.length > 0) found.byDocument[key] = hits.length;
        else delete found.byDocument[key];
      }
      takePage(found.hits, key, text, hits, first - before, request.limit);
    }
    return found;
  }

  /** Hits found by reading every document in scope: a regular expression, or a filter on what is coded. */
  async #scan(
    candidates: readonly string[],
    query: SearchQuery,
    request: CorpusSearchRequest,
    pace: Pace,
  ): Promise<Found> {
    const first = request.offset ?? 0;
    const asked = scanOf(request, this.#generation);
    const earlier = this.#lastScan;
    if (first > 0 && earlier?.asked === asked) return this.#pageOf(earlier, first, request.limit);
    const found: Found & { places: TextHit[]; keys: string[] } = {
      total: 0,
      byDocument: {},
      hits: [],
      places: [],
      keys: [],
    };
    const coded = request.insideCodes !== undefined || request.uncoded === true;
    for (const [done, key] of candidates.entries()) {
      await pace.step({ phase: 'scanning', done, total: candidates.length });
      const { text, annotations } = coded
        ? await this.#withAnnotations(key)
        : { text: (await this.source.text(key)).text, annotations: [] };
      const hits = coded ? keepCoded(findHits(text, query), annotations, request) : findHits(text, query);
      if (hits.length === 0) continue;
      const before = found.total;
      found.total += hits.length;
      found.byDocument[key] = hits.length;
      takePage(found.hits, key, text, hits, first - before, request.limit);
      for (const hit of hits) {
        found.places.push(hit);
        found.keys.push(key);
      }
    }
    pace.report({ phase: 'scanning', done: candidates.length, total: candidates.length });
    const { places, keys, ...result } = found;
    this.#lastScan = { asked, places, keys, total: result.total, byDocument: result.byDocument };
    return result;
  }

  /** A later page of the last scan: only the documents of its hits are read again. */
  async #pageOf(scan: LastScan, first: number, limit: number): Promise<Found> {
    const hits: SearchHit[] = [];
    for (let i = first; i < Math.min(first + limit, scan.places.length); ) {
      const key = scan.keys[i]!;
      const { text } = await this.source.text(key);
      for (; i < Math.min(first + limit, scan.places.length) && scan.keys[i] === key; i++) {
        const { start, end } = scan.places[i]!;
        hits.push({ key, start, end, ...keywordInContext(text, start, end) });
      }
    }
    return { total: scan.total, byDocument: scan.byDocument, hits };
  }

  async #withAnnotations(key: string) {
    const { document, annotations } = await this.source.openDocument(key);
    return { text: document.text, annotations };
  }

  /** Indexes the texts new or changed since the index was made, forgets the documents gone; true if anything changed. */
  async #bringUpToDate(
    index: SearchIndex,
    documents: readonly DocumentSummary[],
    pace: Pace,
  ): Promise<boolean> {
    const present = new Set(documents.map((d) => d.key));
    let changed = false;
    for (const key of index.keys()) {
      if (present.has(key)) continue;
      index.remove(key);
      changed = true;
    }
    const stale = documents.filter((d) => index.versionOf(d.key) !== d.fingerprint);
    let done = 0;
    // Several reads in flight: the disk reads the next articles while this one is indexed.
    await forEachLimited(stale, READS_IN_FLIGHT, async ({ key }) => {
      pace.tick({ phase: 'indexing', done: done++, total: stale.length });
      const loaded = await this.source.text(key);
      index.add(key, loaded.fingerprint, loaded.text);
    });
    if (stale.length > 0) pace.report({ phase: 'indexing', done: stale.length, total: stale.length });
    return changed || stale.length > 0;
  }

  /** Reads again the documents the watcher named: changed ones are indexed anew, gone ones forgotten. */
  async #reindexStale(index: SearchIndex, pace: Pace): Promise<boolean> {
    const keys = [...this.#stale];
    this.#stale.clear();
    for (const [done, key] of keys.entries()) {
      await pace.step({ phase: 'indexing', done, total: keys.length });
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

/** What a scan found, every hit's place, and what it was asked (scanOf). */
interface LastScan {
  asked: string;
  places: TextHit[];
  /** The document of each place. */
  keys: string[];
  total: number;
  byDocument: Record<string, number>;
}

/** A scan's request without its page, and the index's generation it ran at. */
function scanOf(request: CorpusSearchRequest, generation: number): string {
  const { query, folder, statuses, insideCodes, uncoded } = request;
  return JSON.stringify([generation, query, folder, statuses, insideCodes && [...insideCodes], uncoded]);
}

interface Found {
  total: number;
  byDocument: Record<string, number>;
  hits: SearchHit[];
}

/** Adds to `page` the hits of one document from its `skip`th on, until the page holds `limit`. */
function takePage(
  page: SearchHit[],
  key: string,
  text: string,
  hits: readonly TextHit[],
  skip: number,
  limit: number,
): void {
  for (let i = Math.max(0, skip); i < hits.length && page.length < limit; i++) {
    const { start, end } = hits[i]!;
    page.push({ key, start, end, ...keywordInContext(text, start, end) });
  }
}

/** The hits inside a passage of one of the codes, or that no annotation touches. */
function keepCoded(
  hits: readonly TextHit[],
  annotations: readonly CodedPassage[],
  request: CorpusSearchRequest,
): TextHit[] {
  return hits.filter((hit) => {
    const touching = annotations.filter(({ target }) => target.start < hit.end && target.end > hit.start);
    if (request.uncoded && touching.length > 0) return false;
    const codes = request.insideCodes;
    return (
      !codes ||
      touching.some(
        ({ code, target }) => codes.has(code) && target.start <= hit.start && target.end >= hit.end,
      )
    );
  });
}
