import { type RefObject, useLayoutEffect, useMemo, useRef } from 'react';
import type { PairKind } from '../../../../shared/compare';
import type { Annotation } from '../../../../shared/model/annotation';
import { HighlightPainter } from '../../reader/highlights';
import { textBlocksIn } from '../../reader/text-positions';
import { watchVisibleBlocks } from '../../reader/visible-blocks';
import { type ColumnSide, comparisonPaintCode } from './pair-kinds';

/**
 * Paints one side-by-side column the way the single reader paints (reader/highlights.ts): CSS
 * Custom Highlights over the paragraphs' text nodes, nothing inserted into the text, only the
 * paragraphs near the screen registered, and a change repainting only what moved. Two columns
 * are two painters over two copies of the text, so they cost what one reader costs, twice.
 *
 * Each annotation is painted by its kind in the comparison (`kinds[i]` for `annotations[i]`).
 * A new comparison gives new objects of the same passages; the painter keeps every range whose
 * bounds and kind stayed, so a colleague's file changing repaints only what changed.
 */
export function useComparisonHighlights(
  section: RefObject<HTMLElement | null>,
  text: string,
  side: ColumnSide,
  annotations: readonly Annotation[],
  kinds: readonly PairKind[],
  /** Where the painter is kept while the column's text is drawn (the caller scrolls with it). */
  painter: RefObject<HighlightPainter | null>,
): void {
  const painted = useMemo(
    () => annotations.map((a, i) => ({ ...a, code: comparisonPaintCode(side, kinds[i] ?? 'only-a') })),
    [annotations, kinds, side],
  );
  const latest = useRef(painted);
  latest.current = painted;

  // After React has written the paragraphs of `text`: their text nodes are what the ranges hold.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text is the trigger (new text nodes).
  useLayoutEffect(() => {
    const element = section.current;
    if (!element) return;
    const created = new HighlightPainter(textBlocksIn(element));
    painter.current = created;
    const stopWatching = watchVisibleBlocks(created.blocks, (window) => created.setWindow(window));
    created.update(latest.current);
    return () => {
      stopWatching();
      created.dispose();
      if (painter.current === created) painter.current = null;
    };
  }, [section, text, painter]);

  useLayoutEffect(() => {
    painter.current?.update(painted);
  }, [painted, painter]);
}
