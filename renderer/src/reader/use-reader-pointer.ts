import { type MouseEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import { useStore, useStoreApi } from '../store/context';
import { selectShownAnnotations } from '../store/reader-views-slice';
import { type AnnotationIndex, innermost, lazyAnnotationIndex } from './annotation-index';
import { isBackwards, selectedSpan, selectSpan } from './dom-selection';
import type { HighlightPainter } from './highlights';
import { characterAt } from './hit-test';
import { snapSelection } from './word-snap';

/** The annotations under the pointer and the character's box (viewport coordinates), for the tooltip. */
export interface Hover {
  annotations: Annotation[];
  rect: DOMRect;
}

/**
 * The mouse in the article text: a drag selects a passage to tag (snapped to words, spaces
 * trimmed); a click selects the innermost annotation under the pointer, or none; hovering names
 * the annotations under the pointer. Highlights are not DOM nodes, so the pointer is hit-tested
 * against the text with an interval index over the annotations.
 */
export function useReaderPointer(
  section: RefObject<HTMLElement | null>,
  painter: RefObject<HighlightPainter | null>,
  text: string,
) {
  const store = useStoreApi();
  const snapToWords = useStore((s) => s.project?.settings.snapToWords ?? true);
  const setPendingSelection = useStore((s) => s.setPendingSelection);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const pickLinkTarget = useStore((s) => s.linkTargetPicker);
  // Read from the store when the pointer asks, not subscribed to: a new tag must not re-render
  // the article's body (and everything drawn over it) in the frame that shows its highlight.
  const indexed = useRef<{ list: readonly Annotation[]; index: AnnotationIndex } | null>(null);
  const index = () => {
    // Only those of the reader's view: a hidden annotation is neither hovered nor clicked.
    const list = selectShownAnnotations(store.getState());
    if (indexed.current?.list !== list) indexed.current = { list, index: lazyAnnotationIndex(list) };
    return indexed.current.index;
  };
  const [hover, setHover] = useState<Hover | null>(null);
  const frame = useRef(0);
  const pointer = useRef({ x: 0, y: 0 });

  const annotationsAt = (x: number, y: number): { at: number; list: Annotation[] } | undefined => {
    const blocks = painter.current?.blocks;
    const at = blocks ? characterAt(blocks, x, y) : undefined;
    return at === undefined ? undefined : { at, list: index().at(at) };
  };

  const finishPointer = (up: globalThis.MouseEvent) => {
    const element = section.current;
    const blocks = painter.current?.blocks;
    if (!element || !blocks) return;
    const selection = window.getSelection();
    const span = selectedSpan(selection, element, blocks);
    if (span) {
      const snapped = snapSelection(text, span.start, span.end, snapToWords);
      // Show exactly what will be tagged.
      if (snapped) selectSpan(selection, blocks, snapped, isBackwards(selection));
      setPendingSelection(snapped ? { ...snapped, quote: text.slice(snapped.start, snapped.end) } : null);
      return;
    }
    setPendingSelection(null);
    const hit = annotationsAt(up.clientX, up.clientY);
    const clicked = innermost(hit?.list ?? [])?.id ?? null;
    // While the inspector links an annotation, a click chooses the other end instead.
    if (clicked && pickLinkTarget) pickLinkTarget(clicked);
    else selectAnnotation(clicked);
  };

  const probe = () => {
    frame.current = 0;
    const hit = annotationsAt(pointer.current.x, pointer.current.y);
    const list = hit?.list ?? [];
    setHover((current) => {
      if (list.length === 0) return null;
      if (current && sameAnnotations(current.annotations, list)) return current;
      const width = (text.codePointAt(hit?.at ?? 0) ?? 0) > 0xffff ? 2 : 1;
      const range = hit ? painter.current?.rangeFor(hit.at, hit.at + width) : undefined;
      return range ? { annotations: list, rect: range.getBoundingClientRect() } : null;
    });
  };

  // The tooltip is placed in the viewport: it goes when the text scrolls under it.
  useEffect(() => {
    if (!hover) return;
    const hide = () => setHover(null);
    window.addEventListener('scroll', hide, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', hide, { capture: true });
  }, [hover]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return {
    hover,
    onMouseDown(event: MouseEvent) {
      if (event.button !== 0) return;
      setHover(null);
      window.addEventListener('mouseup', finishPointer, { once: true });
    },
    onMouseMove(event: MouseEvent) {
      pointer.current = { x: event.clientX, y: event.clientY };
      if (event.buttons !== 0) return;
      if (!frame.current) frame.current = requestAnimationFrame(probe);
    },
    onMouseLeave() {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      setHover(null);
    },
  };
}

function sameAnnotations(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  return a.length === b.length && a.every((annotation, i) => annotation === b[i]);
}
