import type { SearchHit } from '../../../shared/api';
import { orderHits, type SearchHitOrder } from './search-hit-order';

/** Hits asked for at a time: a screenful or two, so the first rows come at once. */
export const SEARCH_PAGE_SIZE = 100;
/**
 * Rows the concordance holds at most: 100,000 rows of 48 px are under the tallest box browsers
 * draw (about 33 million px in Chromium); the count above says how many more there are.
 */
export const MAX_CONCORDANCE_ROWS = 100_000;

/** Loaded pages of a search's hits, by page number (page n holds hits n × SEARCH_PAGE_SIZE…). */
export type HitPages = Readonly<Record<number, readonly SearchHit[]>>;

/** A concordance row: the hit at `index`, or none yet while its page loads. */
export interface ConcordanceRow {
  index: number;
  hit: SearchHit | undefined;
}

/**
 * The rows to draw. In the search's own order (document by document) every hit has its row from
 * the start, so the scroll bar is the whole result and a row's page loads when it comes into
 * view. Ordered by a neighbouring word, only loaded hits can be sorted: the rows are those,
 * and more pages load as the list nears its end.
 */
export function concordanceRows(total: number, pages: HitPages, order: SearchHitOrder): ConcordanceRow[] {
  if (order === 'document') {
    const rows = Math.min(total, MAX_CONCORDANCE_ROWS);
    return Array.from({ length: rows }, (_, index) => ({
      index,
      hit: pages[Math.floor(index / SEARCH_PAGE_SIZE)]?.[index % SEARCH_PAGE_SIZE],
    }));
  }
  return orderHits(loadedHits(pages), order).map((hit, index) => ({ index, hit }));
}

export function loadedHits(pages: HitPages): SearchHit[] {
  return Object.keys(pages)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((page) => pages[page] ?? []);
}

/** The pages to load for rows `first` to `last` (exclusive) in view. */
export function pagesToShow(
  rows: { first: number; last: number },
  total: number,
  pages: HitPages,
  order: SearchHitOrder,
): number[] {
  const pageCount = Math.ceil(Math.min(total, MAX_CONCORDANCE_ROWS) / SEARCH_PAGE_SIZE);
  const missing = (page: number) => page < pageCount && pages[page] === undefined;
  if (order !== 'document') {
    // Sorted rows are the loaded hits: near their end, the first page not loaded yet.
    const loaded = loadedHits(pages).length;
    if (rows.last < loaded - SEARCH_PAGE_SIZE / 2) return [];
    const next = Array.from({ length: pageCount }, (_, page) => page).find(missing);
    return next === undefined ? [] : [next];
  }
  const wanted: number[] = [];
  const from = Math.floor(rows.first / SEARCH_PAGE_SIZE);
  const to = Math.floor(Math.max(rows.first, rows.last - 1) / SEARCH_PAGE_SIZE);
  for (let page = from; page <= to; page++) if (missing(page)) wanted.push(page);
  return wanted;
}
