import { useMemo, useState } from 'react';
import { codesUnder, frequenciesCsv, namedFrequencies } from '../../../../shared/analysis/frequencies-report';
import type { CodeFrequencies } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { AllCodeOptions } from '../side-panel/CodeOptions';
import { FrequenciesChart } from './FrequenciesChart';
import { DocumentsWithout, FolderCounts } from './FrequencyLists';
import { SortableHeader, type SortOrder, sortRows } from './SortableHeader';
import { CSV_TYPE, ViewHeader } from './ViewHeader';

const ALL_CODES = '';
/** Rows drawn in the table of documents; past that, sorting still covers every document. */
export const SHOWN_ROWS = 500;

/**
 * How often each code is used (a group with its codes): in all and in how many documents; per
 * folder and per document for one code or all of them; and for each group, the documents with
 * none of its codes yet. Counted when first shown and on Refresh.
 */
export function FrequenciesView() {
  const fetched = useStore((s) => s.frequencies);
  const refresh = useStore((s) => s.refreshFrequencies);

  const f = fetched.answer;
  return (
    <div className="analysis-view">
      <ViewHeader
        what="The frequencies"
        fetched={fetched}
        refresh={refresh}
        exports={[
          {
            label: 'Export CSV',
            name: 'code-frequencies.csv',
            type: CSV_TYPE,
            text: () => (f ? frequenciesCsv(namedFrequencies(f)) : ''),
          },
        ]}
      />
      {f && <FrequenciesChart f={f} />}
      {f && <FrequencyTables f={f} />}
    </div>
  );
}

function FrequencyTables({ f }: { f: CodeFrequencies }) {
  const [code, setCode] = useState(ALL_CODES);
  const codes = useStore((s) => s.project?.codebook.codes);
  // A document's or folder's count of one code with the codes under it, or of every annotation.
  const count = useMemo(() => {
    const ids = code === ALL_CODES ? f.codes.map((c) => c.id) : (codesUnder(f.codes).get(code) ?? []);
    return (counts: Record<string, number>) => ids.reduce((n, id) => n + (counts[id] ?? 0), 0);
  }, [f, code]);
  return (
    <>
      <CodeTotals f={f} />
      <label className="sp-field view-field">
        Count per folder and document
        <select value={code} onChange={(e) => setCode(e.target.value)}>
          <option value={ALL_CODES}>Every code</option>
          <AllCodeOptions codes={codes ?? []} />
        </select>
      </label>
      <FolderCounts f={f} count={count} />
      <DocumentCounts f={f} count={count} />
      <DocumentsWithout f={f} />
    </>
  );
}

function CodeTotals({ f }: { f: CodeFrequencies }) {
  return (
    <table className="analysis-table view-table">
      <caption>Annotations per code</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col" className="numeric">
            Annotations
          </th>
          <th scope="col" className="numeric">
            Documents
          </th>
        </tr>
      </thead>
      <tbody>
        {f.codes.map((c) => (
          <tr key={c.id} className={c.parentId ? 'in-group' : 'group-row'}>
            <th scope="row">{c.name}</th>
            <td>{c.total}</td>
            <td>{c.documents}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type DocumentColumn = 'title' | 'folder' | 'count';

function DocumentCounts({
  f,
  count,
}: {
  f: CodeFrequencies;
  count: (counts: Record<string, number>) => number;
}) {
  const documents = useStore((s) => s.documents);
  const select = useStore((s) => s.selectDocument);
  const [order, setOrder] = useState<SortOrder<DocumentColumn>>({ by: 'count', descending: true });
  const rows = useMemo(() => {
    const titles = new Map(documents.map((d) => [d.key, d.title]));
    const all = f.documents
      .map((d) => ({
        key: d.key,
        title: titles.get(d.key) || d.key,
        folder: d.key.includes('/') ? d.key.slice(0, d.key.lastIndexOf('/') + 1) : '',
        count: count(d.counts),
      }))
      .filter((d) => d.count > 0);
    return sortRows(all, order, (row, by) => row[by]);
  }, [f, documents, count, order]);
  return (
    <>
      <table className="analysis-table view-table">
        <caption>Annotations per document</caption>
        <thead>
          <tr>
            <SortableHeader column="title" order={order} onSort={setOrder}>
              Document
            </SortableHeader>
            <SortableHeader column="folder" order={order} onSort={setOrder}>
              Folder
            </SortableHeader>
            <SortableHeader column="count" order={order} onSort={setOrder} numeric>
              Annotations
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => void select(row.key)}>
                  {row.title}
                </button>
              </th>
              <td className="text-cell">{row.folder}</td>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_ROWS && (
        <p className="analysis-rule">
          The first {SHOWN_ROWS} of {rows.length} documents; Export CSV gives them all.
        </p>
      )}
    </>
  );
}
