import { type MouseEvent, type RefObject, useRef } from 'react';
import type { PairKind } from '../../../../shared/compare';
import type { Annotation } from '../../../../shared/model/annotation';
import { type AnnotationIndex, innermost, lazyAnnotationIndex } from '../../reader/annotation-index';
import type { HighlightPainter } from '../../reader/highlights';
import { characterAt } from '../../reader/hit-test';
import { useStore } from '../../store/context';
import { Paragraphs } from '../ArticleParagraphs';
import type { ColumnSide } from './pair-kinds';
import { useComparisonHighlights } from './use-comparison-highlights';

/**
 * Characters on a line of a column, half the reader's width (about 54 measured in a 1600 px
 * window): skipped chunks then take about their real height, so the browser lays out the chunks
 * on screen and not twice as many, and the scrollbar is right.
 */
const COLUMN_CHARACTERS_PER_LINE = 50;

/**
 * One annotator's column: the text with their passages painted by kind. A click on a passage
 * selects its annotation, so the side panel shows it (read-only unless it is mine); nothing is
 * tagged here.
 */
export function ComparisonColumn({
  side,
  annotator,
  text,
  annotations,
  kinds,
  painter,
}: {
  side: ColumnSide;
  annotator: string;
  text: string;
  annotations: readonly Annotation[];
  kinds: readonly PairKind[];
  /** Where the column's painter is kept, for the caller to scroll and mark with. */
  painter: RefObject<HighlightPainter | null>;
}) {
  const section = useRef<HTMLElement>(null);
  useComparisonHighlights(section, text, side, annotations, kinds, painter);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const me = useStore((s) => s.project?.annotator);
  const indexed = useRef<{ list: readonly Annotation[]; index: AnnotationIndex } | null>(null);

  const onClick = (event: MouseEvent) => {
    const blocks = painter.current?.blocks;
    // A drag selects text to copy, not a passage.
    if (!blocks || !window.getSelection()?.isCollapsed) return;
    const at = characterAt(blocks, event.clientX, event.clientY);
    if (indexed.current?.list !== annotations)
      indexed.current = { list: annotations, index: lazyAnnotationIndex(annotations) };
    const hit = at === undefined ? undefined : innermost(indexed.current.index.at(at));
    selectAnnotation(hit?.id ?? null);
  };

  return (
    <div className="comparison-column" data-side={side} data-annotator={annotator}>
      <h2 className="comparison-column-heading">
        {annotator}
        {annotator === me && <span className="comparison-column-me"> (you)</span>}
        <span className="comparison-column-count">
          {annotations.length} {annotations.length === 1 ? 'passage' : 'passages'}
        </span>
      </h2>
      {/* The summary's rows reach every pair by keyboard; the click is a shortcut for the pointer. */}
      <section
        ref={section}
        className="article-text"
        aria-label={`${annotator}’s annotations`}
        onClick={onClick}
      >
        <Paragraphs text={text} charactersPerLine={COLUMN_CHARACTERS_PER_LINE} />
      </section>
    </div>
  );
}
