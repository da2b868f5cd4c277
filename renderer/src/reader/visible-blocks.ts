import type { BlockWindow } from './highlights';
import type { TextBlock } from './text-positions';

/** How far beyond the visible part of the text paragraphs count as near, in screen heights each way. */
const NEAR = 1.5;

/**
 * Watches which paragraphs are on screen or near it (in the scrolling pane that holds them) and
 * reports them as one window of paragraph indexes, at once and whenever scrolling or resizing
 * moves it. Returns the function that stops watching.
 *
 * Found by binary search over the paragraphs' positions once per scrolled frame, rather than by an
 * IntersectionObserver on every paragraph: observing thousands of targets cost 10–20 ms of every
 * frame, scrolled or not, which alone broke the one-frame budget for showing a new tag.
 * Without a layout engine (jsdom: no IntersectionObserver either) it reports nothing.
 */
export function watchVisibleBlocks(
  blocks: readonly TextBlock[],
  onWindow: (window: BlockWindow) => void,
): () => void {
  const elements = blocks.map((block) => block.node.parentElement);
  const first = elements[0];
  if (typeof IntersectionObserver !== 'function' || !first) return () => {};
  const scroller = scrollContainerOf(first);
  const target: EventTarget = scroller ?? window;
  let frame = 0;
  let last = { from: 0, to: -1 };

  /** The paragraphs within `margin` screen heights of the visible part. */
  const around = (margin: number) => {
    const viewTop = scroller ? scroller.getBoundingClientRect().top : 0;
    const viewHeight = scroller ? scroller.clientHeight : window.innerHeight;
    const top = viewTop - margin * viewHeight;
    const bottom = viewTop + (1 + margin) * viewHeight;
    const from = firstIndex(
      elements.length,
      (i) => (elements[i]?.getBoundingClientRect().bottom ?? top) >= top,
    );
    const to =
      firstIndex(elements.length, (i) => (elements[i]?.getBoundingClientRect().top ?? bottom) > bottom) - 1;
    return to < from ? { from: 0, to: -1 } : { from, to };
  };
  // The window moves only once the screen nears its edge (half a screen left), not on every small
  // scroll or size correction, so ranges are not re-registered while the researcher is tagging.
  const update = () => {
    frame = 0;
    const needed = around(NEAR / 3);
    if (needed.to < 0 || (needed.from >= last.from && needed.to <= last.to)) return;
    last = around(NEAR);
    onWindow(last);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  target.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  // The first window at once, so a new text's highlights are made for it alone, not all first.
  update();
  return () => {
    cancelAnimationFrame(frame);
    target.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
  };
}

/** The first index in [0, length) for which `test` holds, `test` being false then true; length if none. */
export function firstIndex(length: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The nearest ancestor that scrolls its content (null: the window). */
function scrollContainerOf(element: Element): Element | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return null;
}
