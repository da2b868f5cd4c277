/** A cell of a chart's table: text, or a number (right-aligned, as numbers are in every table here). */
export type ChartTableCell = string | number;

/**
 * The numbers behind a chart as a plain table: a header row, and rows whose first cell names
 * the row. The same table for every chart, so each reads the same to a screen reader.
 */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  /** The header; a column whose first row holds a number is aligned as numbers are. */
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ChartTableCell[]; className?: string }[];
}) {
  const numeric = columns.map((_, i) => typeof rows[0]?.cells[i] === 'number');
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table view-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((name, i) => (
              <th key={name} scope="col" className={numeric[i] ? 'numeric' : undefined}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells: [first, ...rest], className }) => (
            <tr key={key} className={className}>
              <th scope="row">{first}</th>
              {rest.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, which do not move.
                <td key={i} className={typeof cell === 'number' ? undefined : 'text-cell'}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
