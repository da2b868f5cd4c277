import { useMemo } from 'react';
import type { CooccurrenceMatrix } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { cellName } from './cooccurrence-words';

/**
 * The matrix as a table: a row per stakeholder, a column per concern code. A number is a
 * button that lists its passages below; pressed again, it closes them. Empty cells show 0.
 */
export function CooccurrenceTable({
  matrix,
  describedBy,
  passagesId,
}: {
  matrix: CooccurrenceMatrix;
  /** The sentence saying what the numbers count. */
  describedBy: string;
  /** The list of the open cell's passages, which each cell's button controls. */
  passagesId: string;
}) {
  const selected = useStore((s) => s.analysis.selectedCell);
  const select = useStore((s) => s.selectAnalysisCell);
  const counts = useMemo(
    () => new Map(matrix.cells.map((cell) => [`${cell.stakeholderId}\n${cell.code}`, cell.count])),
    [matrix],
  );
  return (
    // A matrix of many concern codes is wider than the panel: it scrolls sideways on its own.
    <div className="analysis-table-scroll">
      <table className="analysis-table" aria-describedby={describedBy}>
        <caption>Concern passages near each stakeholder</caption>
        <thead>
          <tr>
            <th scope="col">Stakeholder</th>
            {matrix.codes.map((code) => (
              <th key={code.id} scope="col">
                {code.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.stakeholders.map((stakeholder) => (
            <tr key={stakeholder.id}>
              <th scope="row">{stakeholder.name}</th>
              {matrix.codes.map((code) => {
                const count = counts.get(`${stakeholder.id}\n${code.id}`) ?? 0;
                const open = selected?.stakeholderId === stakeholder.id && selected.code === code.id;
                return (
                  <td key={code.id}>
                    {count === 0 ? (
                      <span className="analysis-zero">0</span>
                    ) : (
                      <button
                        type="button"
                        className="analysis-cell"
                        aria-label={cellName(stakeholder.name, code.name, count)}
                        aria-expanded={open}
                        aria-controls={open ? passagesId : undefined}
                        onClick={() => select(open ? null : { stakeholderId: stakeholder.id, code: code.id })}
                      >
                        {count}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
