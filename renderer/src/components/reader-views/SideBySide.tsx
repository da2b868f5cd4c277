import { useCallback, useRef } from 'react';
import type { HighlightPainter } from '../../reader/highlights';
import { scrollRangeIntoView } from '../../reader/scroll-into-view';
import { useStore } from '../../store/context';
import { selectSideBySideComparison } from '../../store/reader-views-slice';
import { ComparisonColumn } from './ComparisonColumn';
import { ComparisonSummary } from './ComparisonSummary';
import './reader-views.css';

/**
 * Two annotators' work on the same text, in two columns of equal width in the one scrolling
 * pane: the same text at the same width breaks into the same lines, so the columns' paragraphs
 * stay level and scroll together without any scroll syncing. Each passage is painted by how it
 * compares with the other column's (shared/compare/), with the summary of the pairs above.
 */
export function SideBySide({ text }: { text: string }) {
  const compared = useStore(selectSideBySideComparison);
  const leftPainter = useRef<HighlightPainter | null>(null);

  const scrollTo = useCallback((start: number, end: number) => {
    const range = leftPainter.current?.rangeFor(start, end);
    if (range) scrollRangeIntoView(range, 'center');
  }, []);

  if (!compared) {
    return (
      <p className="empty-state">
        Nobody else has annotated this document yet: there is nothing to set side by side.
      </p>
    );
  }
  const { left, right, comparison } = compared;
  return (
    <div className="side-by-side">
      <ComparisonSummary compared={compared} onChoose={scrollTo} />
      <div className="side-by-side-columns">
        <ComparisonColumn
          side="left"
          annotator={left}
          text={text}
          annotations={compared.leftAnnotations}
          kinds={comparison.kindsA}
          painterOut={leftPainter}
        />
        <ComparisonColumn
          side="right"
          annotator={right}
          text={text}
          annotations={compared.rightAnnotations}
          kinds={comparison.kindsB}
        />
      </div>
    </div>
  );
}
