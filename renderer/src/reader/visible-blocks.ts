import type { BlockWindow } from './highlights';
import type { TextBlock } from './text-positions';

/** How far beyond the visible part of the text paragraphs count as near: 1.5 screens each way. */
const NEAR = '150% 0px';

/**
 * Watches which paragraphs are on screen or near it (in the scrolling pane that holds them) and
 * reports them as one window of paragraph indexes, at once and whenever scrolling or resizing
 * moves it. Paragraphs on screen are always one run, so the window is their first and last.
 * Returns the function that stops watching; without IntersectionObserver it reports nothing.
 */
export function watchVisibleBlocks(
  blocks: readonly TextBlock[],
  onWindow: (window: BlockWindow) => void,
): () => void {
  const elements = blocks.map((block) => block.node.parentElement);
  const first = elements[0];
  if (typeof IntersectionObserver !== 'function' || !first) return () => {};
  const indexOf = new Map<Element, number>();
  const near = new Set<number>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const index = indexOf.get(entry.target);
        if (index === undefined) continue;
        if (entry.isIntersecting) near.add(index);
        else near.delete(index);
      }
      let from = Number.POSITIVE_INFINITY;
      let to = -1;
      for (const index of near) {
        if (index < from) from = index;
        if (index > to) to = index;
      }
      onWindow(to < 0 ? { from: 0, to: -1 } : { from, to });
    },
    { root: scrollContainerOf(first), rootMargin: NEAR },
  );
  elements.forEach((element, index) => {
    if (!element) return;
    indexOf.set(element, index);
    observer.observe(element);
  });
  return () => observer.disconnect();
}

/** The nearest ancestor that scrolls its content (null: the window). */
function scrollContainerOf(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return null;
}
