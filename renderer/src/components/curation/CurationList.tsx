import { useStore } from '../../store/context';
import type { PlacedItem } from '../../store/curation-items';
import { type CurationPair, selectCurrentItem, selectPlacedItems } from '../../store/curation-slice';
import { VirtualList } from '../document-list/VirtualList';
import { pairKindLabel } from '../reader-views/pair-kinds';
import { Pause } from '../side-panel/PassageRow';

/** Pixels per row; curation.css cuts a row's lines to fit. */
const ROW_HEIGHT = 52;

const STATE_WORDS = { open: 'open', decided: 'decided', skipped: 'skipped' } as const;

/** Every disagreement of the walk-through, each with its state, to jump to; only the rows in view are drawn. */
export function CurationList({ pair }: { pair: CurationPair }) {
  const items = useStore(selectPlacedItems);
  if (items.length === 0) return null;
  return (
    <VirtualList
      className="curation-list"
      label={`Disagreements between ${pair.a} and ${pair.b}`}
      items={items}
      rowHeight={ROW_HEIGHT}
      itemKey={(placed) => `${placed.ref.key}\n${placed.ref.aId}\n${placed.ref.bId}`}
      renderRow={(placed) => <Row placed={placed} pair={pair} />}
    />
  );
}

function Row({ placed, pair }: { placed: PlacedItem; pair: CurationPair }) {
  const show = useStore((s) => s.showCurationItem);
  const current = useStore((s) => selectCurrentItem(s)?.position === placed.position);
  const { item, title } = placed;
  const quote = item.a?.quote ?? item.b?.quote ?? '';
  return (
    <button
      type="button"
      className="row-button curation-row"
      data-state={item.state}
      aria-current={current ? 'true' : undefined}
      onClick={() => void show(placed.ref)}
    >
      <span className="curation-row-state">{STATE_WORDS[item.state]}</span>
      <Pause />
      <span className="curation-row-kind">{pairKindLabel(item.kind, pair.a, pair.b)}</span>
      <Pause />
      <span className="curation-row-title">{title}</span>
      <Pause />
      <mark className="curation-row-quote">{quote}</mark>
    </button>
  );
}
