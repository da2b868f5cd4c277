import { useId, useMemo } from 'react';
import type { CorpusSearchResult, SearchHit } from '../../../../shared/api';
import { useStore } from '../../store/context';
import type { SearchHitOrder } from '../../store/search-hit-order';
import { selectOrderedHits } from '../../store/search-slice';
import { VirtualList } from '../document-list/VirtualList';

/** Pixels per row; SearchTab.css lays a row out to fit (.search-hit). */
const ROW_HEIGHT = 48;

const ORDERS: readonly { id: SearchHitOrder; label: string }[] = [
  { id: 'document', label: 'By document' },
  { id: 'wordBefore', label: 'By the word before' },
  { id: 'wordAfter', label: 'By the word after' },
];

/** The last search's count, the order of its hits, and the hits as concordance lines. */
export function SearchResults() {
  const result = useStore((s) => s.search.result);
  const loading = useStore((s) => s.search.loading);
  return (
    <>
      <p className="search-summary" aria-live="polite">
        {loading ? 'Searching…' : result ? summary(result) : ''}
      </p>
      {result && result.hits.length > 0 && (
        <>
          <HitOrder />
          <Concordance />
        </>
      )}
    </>
  );
}

function summary({ total, documents, hits }: CorpusSearchResult): string {
  if (total === 0) return 'No hits';
  const counted = `${plural(total, 'hit')} in ${plural(documents, 'document')}`;
  return total > hits.length ? `${counted}, showing the first ${hits.length}` : counted;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

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

function Concordance() {
  const hits = useStore(selectOrderedHits);
  const openedAt = useStore((s) =>
    s.pendingSelection && s.reader.key
      ? `${s.reader.key}\n${s.pendingSelection.start}\n${s.pendingSelection.end}`
      : null,
  );
  const openedIndex = useMemo(() => hits.findIndex((hit) => hitId(hit) === openedAt), [hits, openedAt]);
  return (
    <VirtualList
      className="search-hits"
      label="Search hits"
      items={hits}
      rowHeight={ROW_HEIGHT}
      itemKey={hitId}
      renderRow={(hit, index) => (
        <HitRow
          hit={hit}
          opened={index === openedIndex}
          tabStop={index === (openedIndex === -1 ? 0 : openedIndex)}
        />
      )}
    />
  );
}

const hitId = (hit: SearchHit) => `${hit.key}\n${hit.start}\n${hit.end}`;

/** One concordance line: the context each side of the hit, the hit marked, and its document. */
function HitRow({ hit, opened, tabStop }: { hit: SearchHit; opened: boolean; tabStop: boolean }) {
  const openSearchHit = useStore((s) => s.openSearchHit);
  const line = [hit.left, hit.text, hit.right].map((part) => part.trim()).filter(Boolean);
  return (
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
  );
}
