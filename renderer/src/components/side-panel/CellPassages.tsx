import { useId, useMemo } from 'react';
import type { CooccurrenceMatrix } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { cellName } from './cooccurrence-words';
import { PassageRow } from './PassageRow';

/** The concern passages behind the chosen cell's number; each opens its article with it selected. */
export function CellPassages({ matrix, id }: { matrix: CooccurrenceMatrix; id: string }) {
  const selected = useStore((s) => s.analysis.selectedCell);
  const documents = useStore((s) => s.documents);
  const titles = useMemo(() => new Map(documents.map((d) => [d.key, d.title])), [documents]);
  const headingId = useId();
  const cell = selected
    ? matrix.cells.find((c) => c.stakeholderId === selected.stakeholderId && c.code === selected.code)
    : undefined;
  if (!cell) return null;
  const stakeholder =
    matrix.stakeholders.find((s) => s.id === cell.stakeholderId)?.name ?? cell.stakeholderId;
  const code = matrix.codes.find((c) => c.id === cell.code)?.name ?? cell.code;
  return (
    <section id={id} className="analysis-passages" aria-labelledby={headingId}>
      <h3 id={headingId} className="analysis-passages-heading">
        {cellName(stakeholder, code, cell.count)}
      </h3>
      <ul className="passage-list" aria-label={`${stakeholder} and ${code} passages`}>
        {cell.passages.map((passage) => (
          <li key={`${passage.key}\n${passage.annotationId}`}>
            <PassageRow passage={passage} title={titles.get(passage.key) || passage.key} />
          </li>
        ))}
      </ul>
    </section>
  );
}
