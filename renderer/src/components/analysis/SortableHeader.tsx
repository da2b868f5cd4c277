import type { ReactNode } from 'react';

export interface SortOrder<Key extends string> {
  by: Key;
  descending: boolean;
}

/**
 * A column header that sorts its table: a button inside the <th>, which says its order with
 * aria-sort. Pressed once it sorts by its column, again it reverses the order.
 */
export function SortableHeader<Key extends string>({
  column,
  order,
  onSort,
  children,
  numeric = false,
}: {
  column: Key;
  order: SortOrder<Key>;
  onSort(order: SortOrder<Key>): void;
  children: ReactNode;
  /** Numbers sort largest first the first time, and sit on the right. */
  numeric?: boolean;
}) {
  const active = order.by === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (order.descending ? 'descending' : 'ascending') : undefined}
      className={numeric ? 'numeric' : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ by: column, descending: active ? !order.descending : numeric })}
      >
        {children}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  );
}

/** Compares two values of a column, text by the reader's language (accents and case as people sort them), absent last. */
function compareCells(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** Rows sorted by a column, keeping absent values last whichever way. */
export function sortRows<Row, Key extends string>(
  rows: readonly Row[],
  order: SortOrder<Key>,
  cell: (row: Row, key: Key) => string | number | undefined,
): Row[] {
  return [...rows].sort((x, y) => {
    const a = cell(x, order.by);
    const b = cell(y, order.by);
    const missing = a === undefined || a === '' || b === undefined || b === '';
    const c = compareCells(a, b);
    return order.descending && !missing ? -c : c;
  });
}
