/**
 * Scrolling to a range of text. Ranges have no scrollIntoView, so the nearest scrolling
 * ancestor is moved by hand: `center` for "show me this annotation", `nearest` for following
 * the keyboard caret (moving only when it would leave the view).
 */
export function scrollRangeIntoView(range: Range, block: 'center' | 'nearest'): void {
  const start = range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  const scroller = element ? scrollingAncestor(element) : null;
  if (!scroller) return;
  const target = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const margin = 48;
  let delta = 0;
  if (block === 'center') {
    if (target.top < view.top + margin || target.bottom > view.bottom - margin)
      delta = target.top + target.height / 2 - (view.top + view.height / 2);
  } else if (target.top < view.top + margin) {
    delta = target.top - view.top - margin;
  } else if (target.bottom > view.bottom - margin) {
    delta = target.bottom - view.bottom + margin;
  }
  if (delta !== 0) scroller.scrollBy({ top: delta, behavior: 'instant' });
}

/** The nearest ancestor that scrolls, or the page's scrolling element. */
export function scrollingAncestor(element: Element): HTMLElement | null {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (!(at instanceof HTMLElement)) continue;
    const overflow = getComputedStyle(at).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && at.scrollHeight > at.clientHeight) return at;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}
