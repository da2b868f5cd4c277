import { type RefObject, useEffect, useRef } from 'react';
import { useStore } from '../store/context';
import type { PassageInDocument, UiSlice } from '../store/ui-slice';
import { selectSpan } from './dom-selection';
import type { HighlightPainter } from './highlights';
import { scrollRangeIntoView } from './scroll-into-view';

/** How long a passage scrolled to stays flashed. */
const FLASH_MS = 1200;

/**
 * Serves the store's scroll requests: brings the annotation or passage asked for into view and
 * flashes it. An annotation is selected (the annotation list, next/previous, a stakeholder's
 * page). A passage (a search hit) becomes the pending selection, in the store and as the
 * window's selection, with focus in the text: the palette's code keys tag it at once, and
 * Shift+arrows adjust it. A request made while its document loads is served once it is drawn.
 */
export function useScrollRequests(
  section: RefObject<HTMLElement | null>,
  painter: RefObject<HighlightPainter | null>,
  text: string,
): void {
  const request = useStore((s) => s.scrollRequest);
  const handled = useRef(0);
  // The annotations only while a request waits: one made while the document loads is served once
  // they are drawn, and a new tag (no request waiting) does not re-render the article's body.
  const waitingOn = useStore((s) =>
    s.scrollRequest && s.scrollRequest.serial !== handled.current ? s.reader.annotations : null,
  );
  const shownKey = useStore((s) => s.reader.document?.key);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const setPendingSelection = useStore((s) => s.setPendingSelection);
  const stopFlash = useRef<() => void>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the annotations drawn and the text shown are triggers.
  useEffect(() => {
    const current = painter.current;
    if (!request || handled.current === request.serial || !current) return;
    const { passage } = request;
    // A passage is served in its own document only: the painter may still be the last one's.
    if (passage && passage.key !== shownKey) return;
    const range = passage ? current.rangeFor(passage.start, passage.end) : current.rangeOf(request.id);
    if (!range) return;
    handled.current = request.serial;
    if (passage) selectPassage(passage, section.current, current, setPendingSelection);
    else selectAnnotation(request.id);
    scrollRangeIntoView(range, 'center');
    stopFlash.current?.();
    current.mark('flash', range);
    const timer = setTimeout(() => current.mark('flash', undefined), FLASH_MS);
    stopFlash.current = () => {
      clearTimeout(timer);
      current.mark('flash', undefined);
    };
  }, [request, waitingOn, shownKey, text, painter, section, selectAnnotation, setPendingSelection]);
  // The flash ends early when the next request comes or the text goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request is the trigger.
  useEffect(
    () => () => {
      stopFlash.current?.();
      stopFlash.current = undefined;
    },
    [request],
  );
}

function selectPassage(
  passage: PassageInDocument,
  section: HTMLElement | null,
  painter: HighlightPainter,
  setPendingSelection: UiSlice['setPendingSelection'],
): void {
  const { start, end, quote } = passage;
  // Set again here: a new text clears the pending selection when it is drawn, after the store
  // action that opened the document has already set it.
  setPendingSelection({ start, end, quote });
  section?.focus({ preventScroll: true });
  selectSpan(window.getSelection(), painter.blocks, { start, end });
}
