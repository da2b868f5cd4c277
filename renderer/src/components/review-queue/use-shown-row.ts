import { useEffect, useRef } from 'react';
import { afterNextPaint } from '../../reader/after-paint';
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
    return afterNextPaint(() => list.current?.scrollToIndex(index));
  }, [index]);
  return list;
}
