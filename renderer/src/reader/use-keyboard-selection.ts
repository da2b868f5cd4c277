import { type KeyboardEvent, type RefObject, useCallback } from 'react';
import { useStoreApi } from '../store/context';
import { caretMoveFor, placeCaret, selectedSpan, selectionIsIn } from './dom-selection';
import type { HighlightPainter } from './highlights';
import { scrollRangeIntoView } from './scroll-into-view';
import { snapSelection } from './word-snap';

/**
 * Selecting text without a mouse: with focus in the article, arrow keys move a caret and
 * Shift+arrows grow the selection (Ctrl/Alt: by word), through `Selection.modify`, which follows
 * the text's own layout (lines, bidirectional text). The first arrow puts the caret at the start
 * of the text, or of the selected annotation. Every change updates the pending selection.
 */
export function useKeyboardSelection(
  section: RefObject<HTMLElement | null>,
  painter: RefObject<HighlightPainter | null>,
  text: string,
): (event: KeyboardEvent) => void {
  const store = useStoreApi();
  return useCallback(
    (event: KeyboardEvent) => {
      const move = caretMoveFor(event);
      const element = section.current;
      const blocks = painter.current?.blocks;
      const selection = window.getSelection();
      if (!move || !element || !blocks || !selection || event.target !== element) return;
      if (typeof selection.modify !== 'function') return;
      event.preventDefault();
      const state = store.getState();
      if (!selectionIsIn(selection, element)) {
        const selected = state.reader.annotations.find((a) => a.id === state.selectedAnnotationId);
        placeCaret(selection, blocks, selected?.target.start ?? blocks[0]?.start ?? 0);
      } else {
        selection.modify(move.alter, move.direction, move.granularity);
      }
      if (selection.focusNode) {
        const focus = new Range();
        focus.setStart(selection.focusNode, selection.focusOffset);
        scrollRangeIntoView(focus, 'nearest');
      }
      const span = selectedSpan(selection, element, blocks);
      const snapped =
        span && snapSelection(text, span.start, span.end, state.project?.settings.snapToWords ?? true);
      state.setPendingSelection(
        snapped ? { ...snapped, quote: text.slice(snapped.start, snapped.end) } : null,
      );
    },
    [section, painter, text, store],
  );
}
