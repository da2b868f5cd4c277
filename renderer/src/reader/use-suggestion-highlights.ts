import { type RefObject, useEffect } from 'react';
import type { Suggestion } from '../../../shared/model/suggestion';
import { useStore } from '../store/context';
import { type HighlightPainter, supportsHighlights } from './highlights';
import { scrollRangeIntoView } from './scroll-into-view';
import { blockIndexAt, rangeFor, staticRangeFor } from './text-positions';
import { watchVisibleBlocks } from './visible-blocks';

/** Highlight names; their dashed look is in components/Reader.css. */
export const SUGGESTION_HIGHLIGHT = 'gloss-suggestion';
export const SELECTED_SUGGESTION_HIGHLIGHT = 'gloss-suggestion-selected';

const NO_SUGGESTIONS: Suggestion[] = [];

/**
 * Draws the open document's suggestions, dashed, apart from the annotations' colours: only those
 * in and near the paragraphs on screen are registered (a long article can have thousands of
 * figures, and Chromium rechecks every registered range on each repaint). The selected suggestion
 * is marked and scrolled into view.
 */
export function useSuggestionHighlights(painter: RefObject<HighlightPainter | null>, text: string): void {
  // A colleague's view shows their work alone: my suggestions are mine to review in my views.
  const list = useStore((s) =>
    s.suggestions.key === s.reader.key && s.readerView.view !== 'colleague'
      ? s.suggestions.list
      : NO_SUGGESTIONS,
  );
  const selected = useStore((s) => s.selectedSuggestionId);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text means a new painter and new blocks.
  useEffect(() => {
    const blocks = painter.current?.blocks;
    if (!blocks || !supportsHighlights()) return;
    const placed = list.map((suggestion) => ({
      range: staticRangeFor(blocks, suggestion.start, suggestion.end),
      first: blockIndexAt(blocks, suggestion.start),
      last: blockIndexAt(blocks, suggestion.end - 1),
    }));
    const highlight = new Highlight();
    CSS.highlights.set(SUGGESTION_HIGHLIGHT, highlight);
    const stop = watchVisibleBlocks(blocks, (window) => {
      highlight.clear();
      for (const { range, first, last } of placed) {
        if (range && first <= window.to && last >= window.from) highlight.add(range);
      }
    });
    // Without a layout (jsdom) the window is never reported: show them all.
    if (typeof IntersectionObserver !== 'function')
      for (const { range } of placed) if (range) highlight.add(range);
    return () => {
      stop();
      CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
    };
  }, [list, painter, text]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    const blocks = painter.current?.blocks;
    const suggestion = list.find((s) => s.id === selected);
    if (!blocks || !suggestion) return;
    const range = rangeFor(blocks, suggestion.start, suggestion.end);
    if (!range) return;
    if (typeof range.getClientRects === 'function') scrollRangeIntoView(range, 'center');
    if (!supportsHighlights()) return;
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(SELECTED_SUGGESTION_HIGHLIGHT, highlight);
    return () => {
      CSS.highlights.delete(SELECTED_SUGGESTION_HIGHLIGHT);
    };
  }, [selected, list, painter, text]);
}
