import type { ReactNode } from 'react';

/** One row of the table: a code (null: all codes pooled), its name, its measures. */
export interface CodeMeasuresRow<M> {
  id: string | null;
  name: string;
  measures: M;
}

/**
 * The agreement tables' shape: a row per code (codeRows, in codebook order, then all codes) and
 * a column per measure, each cell drawn by `cell`; the pair's table and the group's differ only
 * in their measures, headings and what a number does.
 */
export function CodeMeasuresTable<M, K extends string>({
  className,
  caption,
  measures,
  heading,
  rows,
  cell,
}: {
  className: string;
  caption: ReactNode;
  measures: readonly K[];
  heading(measure: K): ReactNode;
  rows: readonly CodeMeasuresRow<M>[];
  cell(row: CodeMeasuresRow<M>, measure: K): ReactNode;
}) {
  return (
    <div className="analysis-table-scroll">
      <table className={`analysis-table view-table ${className}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {measures.map((measure) => (
              <th key={measure} scope="col" className="numeric">
                {heading(measure)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? ''} data-code={row.id ?? ''}>
              <th scope="row" className="text-cell">
                {row.name}
              </th>
              {measures.map((measure) => (
                <td key={measure} className="numeric">
                  {cell(row, measure)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
