import { type RefObject, useCallback, useId, useMemo, useRef } from 'react';
import type { CorpusSearchResult, SearchHit } from '../../../../shared/api';
import { useStore } from '../../store/context';
import type { SearchHitOrder } from '../../store/search-hit-order';
import { type ConcordanceRow, loadedHits, MAX_CONCORDANCE_ROWS } from '../../store/search-pages';
import { selectConcordanceRows } from '../../store/search-slice';
import { VirtualList, type VirtualListHandle } from '../document-list/VirtualList';
import { HitsPerDocument } from './HitsPerDocument';
import { SearchTagging } from './SearchTagging';

/** Pixels per row; SearchTab.css lays a row out to fit (.search-hit). */
const ROW_HEIGHT = 48;

const ORDERS: readonly { id: SearchHitOrder; label: string }[] = [
  { id: 'document', label: 'By document' },
  { id: 'wordBefore', label: 'By the word before' },
  { id: 'wordAfter', label: 'By the word after' },
];

/**
 * The last search's count (or its progress, with Cancel, while it runs), what to tag, the hits
 * per document, the order of the hits, and the hits as concordance lines.
 */
export function SearchResults() {
  const result = useStore((s) => s.search.result);
  const list = useRef<VirtualListHandle>(null);
  const setOrder = useStore((s) => s.setSearchOrder);
  // A document's first hit, in the search's order: its row is brought into view and focused.
  const jump = useCallback(
    (index: number) => {
      setOrder('document');
      requestAnimationFrame(() => {
        list.current?.scrollToIndex(index);
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>(`.search-hits [data-index="${index}"] button`)?.focus(),
        );
      });
    },
    [setOrder],
  );
  return (
    <>
      <SearchStatus />
      {result && result.total > 0 && (
        <>
          <SearchTagging />
          <HitsPerDocument result={result} onJump={jump} />
          <HitOrder />
          <Concordance list={list} />
        </>
      )}
    </>
  );
}

const PHASES = { indexing: 'Indexing', scanning: 'Searching' } as const;

function SearchStatus() {
  const result = useStore((s) => s.search.result);
  const loading = useStore((s) => s.search.loading);
  const progress = useStore((s) => s.search.progress);
  const stopped = useStore((s) => s.search.stopped);
  const order = useStore((s) => s.search.order);
  const pages = useStore((s) => s.search.pages);
  const cancel = useStore((s) => s.cancelSearch);
  if (loading) {
    return (
      <div className="search-progress">
        <p className="search-summary" aria-live="polite">
          {progress
            ? `${PHASES[progress.phase]} ${progress.done} of ${plural(progress.total, 'article')}…`
            : 'Searching…'}
        </p>
        {progress && (
          <progress aria-label="Search progress" max={Math.max(progress.total, 1)} value={progress.done} />
        )}
        <button
          type="button"
          className="button"
          onClick={() => void cancel()}
          title="Stop the search (Escape)"
        >
          Cancel
        </button>
      </div>
    );
  }
  const text = stopped
    ? 'Search stopped'
    : result
      ? summary(result, order === 'document' ? undefined : loadedHits(pages).length)
      : '';
  return (
    <p className="search-summary" aria-live="polite">
      {text}
    </p>
  );
}

function summary({ total, documents }: CorpusSearchResult, sortedLoaded?: number): string {
  if (total === 0) return 'No hits';
  const counted = `${plural(total, 'hit')} in ${plural(documents, 'document')}`;
  if (sortedLoaded !== undefined && sortedLoaded < total) {
    return `${counted}; the ${sortedLoaded} loaded so far are sorted, more as you scroll`;
  }
  return total > MAX_CONCORDANCE_ROWS ? `${counted}, the first ${MAX_CONCORDANCE_ROWS} listed` : counted;
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function HitOrder() {
  const order = useStore((s) => s.search.order);
  const setOrder = useStore((s) => s.setSearchOrder);
  const id = useId();
  return (
    <div className="search-order">
      <label htmlFor={id}>Sort</label>
      <select id={id} value={order} onChange={(event) => setOrder(event.target.value as SearchHitOrder)}>
        {ORDERS.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Concordance({ list }: { list: RefObject<VirtualListHandle | null> }) {
  const rows = useStore(selectConcordanceRows);
  const order = useStore((s) => s.search.order);
  const showRows = useStore((s) => s.showSearchRows);
  const openedAt = useStore((s) =>
    s.pendingSelection && s.reader.key
      ? `${s.reader.key}\n${s.pendingSelection.start}\n${s.pendingSelection.end}`
      : null,
  );
  const openedIndex = useMemo(
    () => rows.findIndex((row) => row.hit !== undefined && hitId(row.hit) === openedAt),
    [rows, openedAt],
  );
  const onRowsShown = useCallback((first: number, last: number) => void showRows(first, last), [showRows]);
  return (
    <VirtualList
      ref={list}
      className="search-hits"
      label="Search hits"
      items={rows}
      rowHeight={ROW_HEIGHT}
      // In the search's order a row keeps its place while its hit loads, and so its focus.
      itemKey={(row) => (order === 'document' || !row.hit ? `#${row.index}` : hitId(row.hit))}
      onRowsShown={onRowsShown}
      renderRow={(row, index) => (
        <HitRow
          row={row}
          opened={index === openedIndex}
          tabStop={index === (openedIndex === -1 ? 0 : openedIndex)}
        />
      )}
    />
  );
}

const hitId = (hit: SearchHit) => `${hit.key}\n${hit.start}\n${hit.end}`;

/** One concordance line: the context each side of the hit, the hit marked, its document, and Tag. */
function HitRow({ row, opened, tabStop }: { row: ConcordanceRow; opened: boolean; tabStop: boolean }) {
  const openSearchHit = useStore((s) => s.openSearchHit);
  const chooseSearchTag = useStore((s) => s.chooseSearchTag);
  const { hit } = row;
  if (!hit) {
    return (
      <div className="search-hit-row">
        <button
          type="button"
          className="row-button search-hit search-hit-loading"
          aria-label={`Hit ${row.index + 1}, loading`}
          aria-busy="true"
          tabIndex={tabStop ? 0 : -1}
        >
          <span className="search-hit-key">Loading…</span>
        </button>
      </div>
    );
  }
  const line = [hit.left, hit.text, hit.right].map((part) => part.trim()).filter(Boolean);
  return (
    <div className="search-hit-row">
      <button
        type="button"
        className="row-button search-hit"
        aria-label={`${line.join(', ')}, in ${hit.key}`}
        aria-current={opened ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => void openSearchHit(hit)}
      >
        <span className="search-hit-left">
          {/* A trailing space would be moved to the far side in a right-to-left box (bidi rule L1); a no-break space is not. */}
          <bdi>{hit.left.replace(/ $/, '\u00a0')}</bdi>
        </span>
        <mark className="search-hit-text">{hit.text}</mark>
        <span className="search-hit-right">{hit.right}</span>
        <span className="search-hit-key">{hit.key}</span>
      </button>
      <button
        type="button"
        className="sp-icon-button search-hit-tag"
        aria-label={`Tag this hit: “${hit.text}” in ${hit.key}`}
        title="Tag this hit…"
        tabIndex={tabStop ? 0 : -1}
        onClick={() => chooseSearchTag({ scope: 'hit', hit })}
      >
        Tag
      </button>
    </div>
  );
}
