import { type RefObject, useEffect, useRef } from 'react';
import { useStore } from '../store/context';
import { afterNextPaint } from './after-paint';
import { splitParagraphs } from './paragraphs';
import { scrollingAncestor } from './scroll-into-view';
import { firstIndex } from './visible-blocks';

/** Scrolling is remembered at most this often; the last position is written when the page goes away. */
const REMEMBER_EVERY_MS = 300;

/**
 * Keeps the researcher's place in the open text (`section`, the article's paragraphs): scrolls
 * back to the remembered paragraph when the store asks (`placeToResume`), and remembers the
 * paragraph at the top of the reader while scrolling and whenever another annotation is selected.
 */
export function useReadingPlace(section: RefObject<HTMLElement | null>, text: string): void {
  const key = useStore((s) => s.reader.key);
  const place = useStore((s) => s.placeToResume);
  const placeResumed = useStore((s) => s.placeResumed);
  const rememberPlace = useStore((s) => s.rememberPlace);
  const selectedAnnotationId = useStore((s) => s.selectedAnnotationId);
  // The document this text is, as of the last render: a place measured in it is its place only.
  const shownKey = useRef(key);
  shownKey.current = key;
  const remember = (element: HTMLElement) => {
    if (shownKey.current !== null) rememberPlace(shownKey.current, topParagraphStart(element));
  };

  useEffect(() => {
    const element = section.current;
    if (!place || !element) return;
    const paragraph = place.key === key ? paragraphAt(element, text, place.paragraphStart) : null;
    if (paragraph) {
      // Paragraphs of a section of text the browser skips (content-visibility) have no boxes yet:
      // the section is brought to the top first, and the paragraph once that frame is drawn.
      scrollToTop(paragraph.parentElement ?? paragraph);
      afterNextPaint(() => {
        if (paragraph.isConnected) scrollToTop(paragraph);
      });
    }
    placeResumed();
  }, [place, key, text, section, placeResumed]);

  // Measured once the frame is drawn: finding the top paragraph reads styles and layout, which in
  // the frame of a new tag (it selects the tag) would force them before the highlight is painted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text or selection is the trigger.
  useEffect(() => {
    const element = section.current;
    if (element) return afterNextPaint(() => remember(element));
  }, [text, selectedAnnotationId, section]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text restarts the watch.
  useEffect(() => {
    const element = section.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rememberNow = () => {
      clearTimeout(timer);
      timer = undefined;
      remember(element);
    };
    // Scroll events do not bubble: caught on the way down, from whichever pane holds the text.
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && event.target.contains(element))
        timer ??= setTimeout(rememberNow, REMEMBER_EVERY_MS);
    };
    // Where the text is as the page goes away, whether or not its last scroll event came yet.
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('pagehide', rememberNow);
    return () => {
      // Not written now: the store already names the next document, not this one.
      clearTimeout(timer);
      document.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('pagehide', rememberNow);
    };
  }, [text, section]);
}

/** The <p> of the paragraph holding UTF-16 offset `offset` (the text may have changed since). */
function paragraphAt(section: HTMLElement, text: string, offset: number): HTMLElement | null {
  const paragraphs = splitParagraphs(text);
  const index = firstIndex(paragraphs.length, (i) => paragraphs[i]!.start > offset) - 1;
  const start = paragraphs[Math.max(0, index)]?.start;
  return start === undefined ? null : section.querySelector<HTMLElement>(`p[data-start="${start}"]`);
}

function scrollToTop(element: HTMLElement): void {
  const scroller = scrollingAncestor(element);
  if (!scroller) return;
  const delta = element.getBoundingClientRect().top - viewTop(scroller);
  if (Math.abs(delta) >= 1) scroller.scrollBy({ top: delta, behavior: 'instant' });
}

/**
 * The offset where the paragraph at the top edge of the reader starts. Found among the text's
 * sections first, then inside the one section: the paragraphs of sections the browser skips
 * (off screen, content-visibility) have no boxes of their own.
 */
function topParagraphStart(section: HTMLElement): number {
  const scroller = scrollingAncestor(section);
  if (!scroller) return 0;
  const top = viewTop(scroller);
  /** The first of `elements` reaching below the top of the view (the last if none does). */
  const firstBelowTop = (elements: HTMLCollection) =>
    elements[
      Math.min(
        firstIndex(elements.length, (i) => (elements[i]?.getBoundingClientRect().bottom ?? top) > top),
        elements.length - 1,
      )
    ];
  const chunk = firstBelowTop(section.children);
  if (!chunk) return 0;
  const paragraph = firstBelowTop(chunk.children);
  return Number(paragraph?.getAttribute('data-start') ?? 0) || 0;
}

/** Where the visible part of `scroller` begins on screen. */
function viewTop(scroller: HTMLElement): number {
  return scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
}
