import { groupOpen, type SuggestionGroup } from '../../../../shared/model/suggestion-group';
import { useStore } from '../../store/context';
import { VirtualList } from '../document-list/VirtualList';
import { count } from './review-queue-text';
import { useShownRow } from './use-shown-row';

/** Pixels per row; ReviewQueue.css lays a row out to fit (.review-group-row). */
const ROW_HEIGHT = 44;

/** Every group of the queue, the most mentions first, to jump to; the one shown is marked. */
export function ReviewGroupList({ groups }: { groups: readonly SuggestionGroup[] }) {
  const shownId = useStore((s) => s.reviewGroupId);
  const show = useStore((s) => s.showReviewGroup);
  const shownIndex = shownId === null ? -1 : groups.findIndex((g) => g.id === shownId);

  const list = useShownRow(shownIndex);

  return (
    <VirtualList
      ref={list}
      className="review-group-list"
      label="Groups to review"
      items={groups}
      rowHeight={ROW_HEIGHT}
      itemKey={(g) => g.id}
      renderRow={(group, index) => (
        <button
          type="button"
          className="row-button review-group-row"
          aria-current={index === shownIndex ? 'true' : undefined}
          onClick={() => void show(group.id)}
        >
          <span className="review-group-row-head">
            <span className="review-group-row-label">{group.label}</span>
            <span className="review-group-row-detail">{group.detail}</span>
          </span>
          <span className="review-group-row-counts">
            {`${count(group.mentions)} in ${count(group.documents)} · `}
            <span className="review-group-row-state">{rowState(group)}</span>
          </span>
        </button>
      )}
    />
  );
}

function rowState(group: SuggestionGroup): string {
  if (!groupOpen(group)) return 'done';
  if (group.skipped) return 'skipped';
  return group.reviewed > 0 ? `${count(group.reviewed)} of ${count(group.mentions)} decided` : 'open';
}
