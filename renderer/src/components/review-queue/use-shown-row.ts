import { useEffect, useRef } from 'react';
import type { VirtualListHandle } from '../document-list/VirtualList';

/**
 * A VirtualList's handle that keeps the row shown (`index`; -1: none) scrolled into view, once
 * the frame showing the step is drawn: moving a list's scroll position lays the page out there and
 * then, which held a decision's frame back by half its time.
 */
export function useShownRow(index: number) {
  const list = useRef<VirtualListHandle>(null);
  useEffect(() => {
    if (index === -1) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scroll = () => list.current?.scrollToIndex(index);
    if (typeof requestAnimationFrame !== 'function') return scroll();
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(scroll, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [index]);
  return list;
}
