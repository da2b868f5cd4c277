import { type RefObject, useEffect, useRef } from 'react';
import { useStore } from '../../store/context';
import type { FocusableList } from '../../store/ui-slice';
import type { VirtualListHandle } from '../document-list/VirtualList';

/**
 * Moves focus to a list's selected row when the store asks (focusSelectedRow), as soon as that
 * row is the selected one: the keys that step through the list (n, j) select first and the list
 * catches up in a later render, so each request waits for it and is then done once.
 */
export function useRowFocus(
  list: FocusableList,
  selectedIndex: number,
  handle: RefObject<VirtualListHandle | null>,
): void {
  const request = useStore((s) => (s.rowFocus?.list === list ? s.rowFocus.serial : null));
  const done = useRef<number | null>(null);
  useEffect(() => {
    if (request === null || request === done.current || selectedIndex === -1) return;
    done.current = request;
    handle.current?.focusIndex(selectedIndex);
  }, [request, selectedIndex, handle]);
}
