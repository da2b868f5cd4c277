import { figureValueWords } from '../../../../shared/analysis/query-report';
import type { FiguresTable } from '../../../../shared/api';
import { useStore } from '../../store/context';

/**
 * The figures' values added up where that means something: by currency or unit (never money in
 * two currencies together), over all figures and per stakeholder, each as a range from the sum of
 * the low ends to the sum of the high ends.
 */
export function FigureTotals({ table }: { table: FiguresTable }) {
  const stakeholders = useStore((s) => s.project?.stakeholders);
  const names = new Map(stakeholders?.map((s) => [s.id, s.name]));
  const totals = [...table.totals].sort(
    (a, b) =>
      Number(a.stakeholderId !== undefined) - Number(b.stakeholderId !== undefined) ||
      (names.get(a.stakeholderId ?? '') ?? '').localeCompare(names.get(b.stakeholderId ?? '') ?? ''),
  );
  if (totals.length === 0) return null;
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table view-table">
        <caption>Totals by currency or unit</caption>
        <thead>
          <tr>
            <th scope="col">Stakeholder</th>
            <th scope="col">Currency or unit</th>
            <th scope="col" className="numeric">
              Figures
            </th>
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={`${t.stakeholderId ?? ''}\n${t.currency ?? ''}\n${t.unit ?? ''}`}>
              <th scope="row">
                {t.stakeholderId ? (names.get(t.stakeholderId) ?? t.stakeholderId) : 'All figures'}
              </th>
              <td className="text-cell">{t.currency ?? t.unit ?? 'no unit'}</td>
              <td>{t.count}</td>
              <td>
                {figureValueWords({
                  min: t.min,
                  max: t.max,
                  qualifier: 'exactly',
                  ...(t.currency ? { currency: t.currency } : {}),
                  ...(t.unit ? { unit: t.unit } : {}),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
