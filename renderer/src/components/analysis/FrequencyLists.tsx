import { useMemo } from 'react';
import type { CodeFrequencies } from '../../../../shared/api';
import { useStore } from '../../store/context';

/** Titles listed under each group before "and N more". */
const LISTED = 50;

export function FolderCounts({
  f,
  count,
}: {
  f: CodeFrequencies;
  count: (counts: Record<string, number>) => number;
}) {
  return (
    <table className="analysis-table view-table">
      <caption>Annotations per folder</caption>
      <thead>
        <tr>
          <th scope="col">Folder</th>
          <th scope="col" className="numeric">
            Annotations
          </th>
        </tr>
      </thead>
      <tbody>
        {f.folders.map((folder) => (
          <tr key={folder.folder}>
            <th scope="row">{folder.folder || 'The project’s own folder'}</th>
            <td>{count(folder.counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For each group of codes, the documents with none of its codes yet: what is left to code. */
export function DocumentsWithout({ f }: { f: CodeFrequencies }) {
  const documents = useStore((s) => s.documents);
  const select = useStore((s) => s.selectDocument);
  const titles = useMemo(() => new Map(documents.map((d) => [d.key, d.title])), [documents]);
  const names = new Map(f.codes.map((c) => [c.id, c.name]));
  return (
    <section className="analysis-passages" aria-label="Documents left to code">
      <h3 className="analysis-passages-heading">Left to code</h3>
      {f.withoutGroup.map(({ groupId, keys }) => (
        <details key={groupId} className="without-group">
          <summary>
            No {names.get(groupId) ?? groupId} yet: {keys.length} document{keys.length === 1 ? '' : 's'}
          </summary>
          <ul className="without-list">
            {keys.slice(0, LISTED).map((key) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => void select(key)}>
                  {titles.get(key) || key}
                </button>
              </li>
            ))}
            {keys.length > LISTED && <li className="analysis-rule">and {keys.length - LISTED} more</li>}
          </ul>
        </details>
      ))}
    </section>
  );
}
