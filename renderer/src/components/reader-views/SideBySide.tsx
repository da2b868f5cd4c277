import { useCallback, useLayoutEffect, useRef } from 'react';
import { type PassagePair, pairBounds } from '../../../../shared/compare';
import type { Annotation } from '../../../../shared/model/annotation';
import { type HighlightPainter, MARKS, supportsHighlights } from '../../reader/highlights';
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
 * compares with the other column's (shared/compare/), with the summary of the pairs above;
 * choosing a pair there or a passage in a column selects its annotation for the side panel.
 */
export function SideBySide({ text }: { text: string }) {
  const compared = useStore(selectSideBySideComparison);
  const selectedId = useStore((s) => s.selectedAnnotationId);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const leftPainter = useRef<HighlightPainter | null>(null);
  const rightPainter = useRef<HighlightPainter | null>(null);

  const choose = useCallback(
    (pair: PassagePair<Annotation>) => {
      selectAnnotation((pair.a ?? pair.b).id);
      const { start, end } = pairBounds(pair);
      const range = leftPainter.current?.rangeFor(start, end);
      if (range) scrollRangeIntoView(range, 'center');
    },
    [selectAnnotation],
  );

  // The selected annotation is marked in its own column. The columns' painters each keep their
  // own marks, which would replace one another under the one name: the mark is drawn here.
  const scrolledTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!compared || !selectedId || !supportsHighlights()) return;
    const left = compared.leftAnnotations.find((a) => a.id === selectedId);
    const right = left ? undefined : compared.rightAnnotations.find((a) => a.id === selectedId);
    const annotation = left ?? right;
    const painter = left ? leftPainter.current : rightPainter.current;
    const range = annotation && painter?.rangeFor(annotation.target.start, annotation.target.end);
    if (!range) return;
    // A new selection (j and k, a click) is brought into view; a new comparison does not scroll.
    if (scrolledTo.current !== selectedId) scrollRangeIntoView(range, 'center');
    scrolledTo.current = selectedId;
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(MARKS.selected, highlight);
    return () => {
      CSS.highlights.delete(MARKS.selected);
    };
  }, [compared, selectedId]);

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
      <ComparisonSummary compared={compared} onChoose={choose} />
      <div className="side-by-side-columns">
        <ComparisonColumn
          side="left"
          annotator={left}
          text={text}
          annotations={compared.leftAnnotations}
          kinds={comparison.kindsA}
          painter={leftPainter}
        />
        <ComparisonColumn
          side="right"
          annotator={right}
          text={text}
          annotations={compared.rightAnnotations}
          kinds={comparison.kindsB}
          painter={rightPainter}
        />
      </div>
    </div>
  );
}
