import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import type { Code } from '../../../shared/model/codebook';
import { useStoreApi } from '../store/context';
import { selectShownAnnotations } from '../store/reader-views-slice';
import type { GlossState } from '../store/slice';
import type { PendingSelection } from '../store/ui-slice';
import { HighlightPainter, setHighlightColors } from './highlights';
import { textBlocksIn } from './text-positions';
import { watchVisibleBlocks } from './visible-blocks';

/**
 * Keeps the reader's highlights in step with its annotations, the selected annotation and the
 * pending selection, and the codebook's colours; only the annotations of the reader's view
 * (mine, a colleague's or everyone's: store/reader-views-slice.ts). A new text gets a new painter
 * (its text nodes are new). Highlights live outside React, so the painter follows the store directly: a new tag
 * is painted in the store update that made it, whatever else re-renders for it, and only what
 * changed is repainted. Only paragraphs on screen or near it have their highlights registered.
 */
export function useHighlights(
  container: RefObject<HTMLElement | null>,
  text: string,
  codes: readonly Code[] | undefined,
): RefObject<HighlightPainter | null> {
  const store = useStoreApi();
  const painter = useRef<HighlightPainter | null>(null);

  useEffect(() => {
    if (codes) setHighlightColors(codes);
  }, [codes]);

  // Runs after React has written the paragraphs of `text`, so their text nodes exist.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = new HighlightPainter(textBlocksIn(element));
    painter.current = created;
    let pendingMarked: PendingSelection | null | undefined;
    const paint = (state: GlossState) => {
      // The store can hold the next document a moment before React draws its text.
      if (state.reader.document?.text !== text) return;
      created.update(selectShownAnnotations(state));
      const { selectedAnnotationId: selected, pendingSelection: pending } = state;
      created.mark('selected', selected ? created.rangeOf(selected) : undefined);
      if (pending !== pendingMarked) {
        created.mark('pending', pending ? created.rangeFor(pending.start, pending.end) : undefined);
        pendingMarked = pending;
      }
    };
    // The window first: only the annotations in it get ranges made and registered now.
    const stopWatching = watchVisibleBlocks(created.blocks, (window) => created.setWindow(window));
    paint(store.getState());
    const unsubscribe = store.subscribe((state, before) => {
      if (
        state.reader.annotations !== before.reader.annotations ||
        state.readerView !== before.readerView ||
        state.reader.document !== before.reader.document ||
        state.selectedAnnotationId !== before.selectedAnnotationId ||
        state.pendingSelection !== before.pendingSelection
      )
        paint(state);
    });
    return () => {
      unsubscribe();
      stopWatching();
      created.dispose();
      if (painter.current === created) painter.current = null;
    };
  }, [container, text, store]);

  return painter;
}
