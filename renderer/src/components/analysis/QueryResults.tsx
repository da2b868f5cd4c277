import { useMemo } from 'react';
import { figureValueWords, quoteInSentence } from '../../../../shared/analysis/query-report';
import type { CodingQueryResult } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { VirtualList } from '../document-list/VirtualList';
import { PassageRow } from '../side-panel/PassageRow';

/** Pixels per row; analysis-views.css cuts a row's lines to fit (.query-row). */
const ROW_HEIGHT = 96;

type Passage = CodingQueryResult['passages'][number];

/**
 * The passages found, each in its sentence with its document, code, value, annotator and note;
 * a click opens the article with the passage selected. Only the rows in view are drawn, so a
 * hundred thousand passages scroll as a hundred do.
 */
export function QueryResults({ passages }: { passages: Passage[] }) {
  const codes = useStore((s) => s.project?.codebook.codes);
  const names = useMemo(() => new Map(codes?.map((c) => [c.id, c.name])), [codes]);
  if (passages.length === 0) return <p className="analysis-empty">No passage meets the query.</p>;
  return (
    <VirtualList
      className="query-results"
      label="Passages found"
      items={passages}
      rowHeight={ROW_HEIGHT}
      itemKey={(p) => `${p.key}\n${p.annotationId}`}
      renderRow={(p) => {
        const placed = quoteInSentence(p.sentence, p.quote);
        const detail = [names.get(p.code) ?? p.code, ...(p.value ? [figureValueWords(p.value)] : [])];
        return (
          <div className="query-row">
            <PassageRow
              passage={{
                key: p.key,
                annotationId: p.annotationId,
                author: p.author,
                quote: placed?.quote ?? p.quote,
                prefix: placed?.before ?? '',
                suffix: placed?.after ?? '',
              }}
              title={p.title || p.key}
              detail={detail.join(' · ')}
              note={p.note}
            />
          </div>
        );
      }}
    />
  );
}
