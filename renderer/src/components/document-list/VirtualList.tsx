import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';

export interface VirtualListHandle {
  /** Scrolls just enough to show row `index` (nothing when it is in view). */
  scrollToIndex(index: number): void;
  /** Shows row `index` and moves focus to its first control, once it is drawn. */
  focusIndex(index: number): void;
}

interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is this tall, in CSS pixels; rows must not grow (styles.css clips them). */
  rowHeight: number;
  itemKey(item: T): string;
  /** The row's content, inside its <li>. */
  renderRow(item: T, index: number): ReactNode;
  label: string;
  className?: string;
  /** Rows drawn beyond each edge of the view, so fast scrolling shows no gap. */
  overscan?: number;
  /** Told which rows are drawn (`first` to `last`, exclusive) whenever that changes: rows to load. */
  onRowsShown?(first: number, last: number): void;
  ref?: Ref<VirtualListHandle>;
}

/** Used until the list has been measured (and where nothing is laid out, as under jsdom). */
const FALLBACK_HEIGHT = 800;

/**
 * A list of fixed-height rows that draws only the rows in view (plus `overscan`), so 10,000
 * rows cost what 20 do. Up, Down, Home, End, Page Up and Page Down move focus between rows,
 * scrolling as needed, since rows out of view do not exist to be tabbed to.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  itemKey,
  renderRow,
  label,
  className,
  overscan = 8,
  onRowsShown,
  ref,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || FALLBACK_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  /**
   * Where the list is scrolled, as its scroll events and its own moves told, and how many rows it
   * has: read without asking the browser, which would lay the page out there and then (5 ms on
   * the review queue's 7,000 groups, in a step that must show within a frame).
   */
  const scrolled = useRef(0);
  const rows = useRef(items.length);
  rows.current = items.length;
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = viewport.current;
      if (!element) return;
      const top = index * rowHeight;
      const current = Math.min(scrolled.current, Math.max(0, rows.current * rowHeight - height));
      let next = current;
      if (top < next) next = top;
      else if (top + rowHeight > next + height) next = top + rowHeight - height;
      if (next !== current) {
        element.scrollTop = next;
        scrolled.current = next;
        setScrollTop(next);
      }
    },
    [rowHeight, height],
  );
  /** A row to focus once a render has drawn it (it may be out of view when asked). */
  const pendingFocus = useRef<number | null>(null);
  const focusDrawn = useCallback(() => {
    const index = pendingFocus.current;
    const row = index === null ? null : viewport.current?.querySelector(`[data-index="${index}"]`);
    const control = row?.querySelector<HTMLElement>('button, a, [tabindex]');
    if (!control) return;
    pendingFocus.current = null;
    control.focus({ preventScroll: true });
  }, []);
  const focusIndex = useCallback(
    (index: number) => {
      pendingFocus.current = index;
      scrollToIndex(index);
      focusDrawn();
    },
    [scrollToIndex, focusDrawn],
  );
  // After every render, in case it drew the row waiting for focus.
  useEffect(() => focusDrawn());
  useImperativeHandle(ref, () => ({ scrollToIndex, focusIndex }), [scrollToIndex, focusIndex]);

  // A list made shorter (a filter typed) may leave the last scroll position past its end until
  // the browser's scroll event says where it clamped it.
  const top = Math.min(scrollTop, Math.max(0, items.length * rowHeight - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);

  useEffect(() => {
    if (last > first) onRowsShown?.(first, last);
  }, [first, last, onRowsShown]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: items.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, target));
    // Draw the target row now, so it can take focus in this same keypress.
    flushSync(() => scrollToIndex(next));
    viewport.current
      ?.querySelector<HTMLElement>(`[data-index="${next}"]`)
      ?.querySelector<HTMLElement>('button, a, [tabindex]')
      ?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys move focus between the rows' own buttons inside.
    <div
      ref={viewport}
      className={className ? `virtual-list ${className}` : 'virtual-list'}
      onScroll={(event) => {
        scrolled.current = event.currentTarget.scrollTop;
        setScrollTop(scrolled.current);
      }}
      onKeyDown={onKeyDown}
    >
      <ul aria-label={label} style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={itemKey(item)}
              data-index={index}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              style={{ height: rowHeight, transform: `translateY(${index * rowHeight}px)` }}
            >
              {renderRow(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
