import { useMemo } from 'react';
import type { SuggestionGroup } from '../../../../shared/model/suggestion-group';
import { useStore } from '../../store/context';
import { VirtualList } from '../document-list/VirtualList';
import { count } from './review-queue-text';
import { useShownRow } from './use-shown-row';

/** Pixels per row; ReviewQueue.css lays a row out to fit (.review-document). */
const ROW_HEIGHT = 28;

const DECISION_MARK = { accepted: '✓ accepted', rejected: '✕ rejected' } as const;

/** The group's documents, the most mentions first, each a button that shows the group there. */
export function ReviewGroupDocuments({
  group,
  shownKey,
}: {
  group: SuggestionGroup;
  shownKey: string | null;
}) {
  const documents = useStore((s) => s.documents);
  const show = useStore((s) => s.showReviewGroup);
  const titles = useMemo(() => new Map(documents.map((d) => [d.key, d.title])), [documents]);
  const shownIndex = group.byDocument.findIndex((d) => d.key === shownKey);

  const list = useShownRow(shownIndex);

  return (
    <VirtualList
      ref={list}
      className="review-documents"
      label={`Documents of ${group.label}`}
      items={group.byDocument}
      rowHeight={ROW_HEIGHT}
      itemKey={(d) => d.key}
      renderRow={(d, index) => (
        <button
          type="button"
          className="row-button review-document"
          aria-current={index === shownIndex ? 'true' : undefined}
          onClick={() => void show(group.id, d.key)}
        >
          <span className="review-document-title">{titles.get(d.key) ?? d.key}</span>
          <span className="review-document-key">{d.key}</span>
          <span className="review-document-count">{count(d.count)}</span>
          {d.decision && <span className="review-document-decision">{DECISION_MARK[d.decision]}</span>}
        </button>
      )}
    />
  );
}
