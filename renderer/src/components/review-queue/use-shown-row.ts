import { useEffect, useRef } from 'react';
import type { VirtualListHandle } from '../document-list/VirtualList';

/** A VirtualList's handle that keeps the row shown (`index`; -1: none) scrolled into view. */
export function useShownRow(index: number) {
  const list = useRef<VirtualListHandle>(null);
  useEffect(() => {
    if (index !== -1) list.current?.scrollToIndex(index);
  }, [index]);
  return list;
}
