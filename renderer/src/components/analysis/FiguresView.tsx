import { useMemo, useState } from 'react';
import { figureValueWords } from '../../../../shared/analysis/query-report';
import type { FiguresTable } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { FigureTotals } from './FigureTotals';
import { SHOWN_ROWS } from './FrequenciesView';
import { SortableHeader, type SortOrder, sortRows } from './SortableHeader';
import { CSV_TYPE, ViewHeader } from './ViewHeader';

export type FigureRow = FiguresTable['figures'][number] & {
  codeName: string;
  stakeholder: string;
  unit: string;
};
type Column = 'value' | 'title' | 'date' | 'stakeholder' | 'code';
const COLUMNS: readonly [Column, string][] = [
  ['value', 'Value'],
  ['code', 'Code'],
  ['stakeholder', 'Stakeholder'],
  ['title', 'Document'],
  ['date', 'Date'],
];
const ANY = '';

/**
 * Every figure annotation with its value, what it measures, the stakeholder it describes, its
 * document and date: sortable by column, filtered by code, currency or unit, stakeholder and
 * text; each quote opens its passage. Totals per currency or unit, and per stakeholder, below.
 */
export function FiguresView() {
  const fetched = useStore((s) => s.figures);
  const refresh = useStore((s) => s.refreshFigures);
  const csvText = useStore((s) => s.figuresCsvText);
  return (
    <div className="analysis-view">
      <ViewHeader
        what="The figures"
        fetched={fetched}
        refresh={refresh}
        exports={[{ label: 'Export CSV', name: 'figures.csv', type: CSV_TYPE, text: csvText }]}
      />
      {fetched.answer &&
        (fetched.answer.figures.length === 0 ? (
          <p className="analysis-empty">No figure is tagged yet.</p>
        ) : (
          <>
            <FigureRows table={fetched.answer} />
            <FigureTotals table={fetched.answer} />
          </>
        ))}
    </div>
  );
}

function FigureRows({ table }: { table: FiguresTable }) {
  const project = useStore((s) => s.project);
  const goToPassage = useStore((s) => s.goToPassage);
  const [order, setOrder] = useState<SortOrder<Column>>({ by: 'value', descending: true });
  const [filter, setFilter] = useState({ code: ANY, unit: ANY, stakeholder: ANY, text: '' });
  const rows = useMemo<FigureRow[]>(() => {
    const codes = new Map(project?.codebook.codes.map((c) => [c.id, c.name]));
    const register = new Map(project?.stakeholders.map((s) => [s.id, s.name]));
    return table.figures.map((f) => ({
      ...f,
      codeName: codes.get(f.code) ?? f.code,
      stakeholder: f.stakeholderId ? (register.get(f.stakeholderId) ?? '') : '',
      unit: f.value?.currency ?? f.value?.unit ?? '',
    }));
  }, [table, project]);
  const choices = (pick: (row: FigureRow) => string) =>
    [...new Set(rows.map(pick))].filter(Boolean).sort((a, b) => a.localeCompare(b));
  const shown = useMemo(() => {
    const text = filter.text.trim().toLowerCase();
    const kept = rows.filter(
      (r) =>
        (filter.code === ANY || r.codeName === filter.code) &&
        (filter.unit === ANY || r.unit === filter.unit) &&
        (filter.stakeholder === ANY || r.stakeholder === filter.stakeholder) &&
        (!text || `${r.quote} ${r.title} ${r.value?.measures ?? ''}`.toLowerCase().includes(text)),
    );
    return sortRows(kept, order, (r, by) =>
      by === 'value' ? r.value?.min : by === 'code' ? r.codeName : by === 'title' ? r.title : r[by],
    );
  }, [rows, filter, order]);
  const select = (key: keyof typeof filter, label: string, values: string[]) => (
    <label className="sp-field">
      {label}
      <select value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}>
        <option value={ANY}>Any</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="view-filters">
        {select(
          'code',
          'Code',
          choices((r) => r.codeName),
        )}
        {select(
          'unit',
          'Currency or unit',
          choices((r) => r.unit),
        )}
        {select(
          'stakeholder',
          'Stakeholder',
          choices((r) => r.stakeholder),
        )}
        <label className="sp-field">
          Text
          <input
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
      </div>
      <p className="analysis-rule" role="status">
        {shown.length} of {rows.length} figures
        {shown.length > SHOWN_ROWS ? `; the first ${SHOWN_ROWS} shown, Export CSV gives them all` : ''}.
      </p>
      <div className="analysis-table-scroll">
        <table className="analysis-table view-table figures-table">
          <caption>Figures</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {COLUMNS.map(([column, name]) => (
                <SortableHeader
                  key={column}
                  column={column}
                  order={order}
                  onSort={setOrder}
                  numeric={column === 'value'}
                >
                  {name}
                </SortableHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN_ROWS).map((r) => (
              <tr key={`${r.key}\n${r.annotationId}`} data-annotation-id={r.annotationId}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => void goToPassage(r)}>
                    {r.quote}
                  </button>
                </th>
                <td>{r.value ? figureValueWords(r.value) : '—'}</td>
                <td className="text-cell">{r.codeName}</td>
                <td className="text-cell">{r.stakeholder}</td>
                <td className="text-cell">{r.title}</td>
                <td className="text-cell">{r.date?.slice(0, 10) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
