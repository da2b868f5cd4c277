import { useEffect, useMemo } from 'react';
import { queryInWords } from '../../../../shared/analysis/query-words';
import { namedQuery, type QueryExportFormat } from '../../store/coding-query-slice';
import { useStore } from '../../store/context';
import { QueryForm } from './QueryForm';
import { QueryResults } from './QueryResults';
import { CSV_TYPE, ViewHeader } from './ViewHeader';

const TYPES: Record<QueryExportFormat, [label: string, extension: string, type: string]> = {
  csv: ['Export CSV', 'csv', CSV_TYPE],
  markdown: ['Export Markdown', 'md', 'text/markdown;charset=utf-8'],
  html: ['Export HTML', 'html', 'text/html;charset=utf-8'],
};

/**
 * The coding query: the passages of some codes, with or without another code or a stakeholder
 * near them, within the limits chosen; each shown in its sentence and opening its article. Run
 * when first shown with codes chosen, and on Run query; exported as gloss query writes it.
 */
export function CodingQueryView() {
  const fetched = useStore((s) => s.codingQuery);
  const hasCodes = useStore((s) => s.codingQueryForm.codes.length > 0);
  const run = useStore((s) => s.runCodingQuery);
  const exportText = useStore((s) => s.codingQueryExport);

  // Only on first showing: later changes of the form wait for Run query.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once, when the view is shown.
  useEffect(() => {
    if (hasCodes && !fetched.answer && !fetched.loading && !fetched.error) void run();
  }, []);

  // The day in UTC, as gloss query gives it.
  const exports = (Object.keys(TYPES) as QueryExportFormat[]).map((format) => {
    const [label, extension, type] = TYPES[format];
    const name = `coding-query.${extension}`;
    return { label, name, type, text: () => exportText(format, new Date().toISOString().slice(0, 10)) };
  });

  return (
    <div className="analysis-view">
      <QueryForm />
      <ViewHeader
        what="The query"
        fetched={fetched}
        refresh={run}
        exports={exports}
        refreshLabel="Run query"
        canRefresh={hasCodes}
        askWhenShown={false}
      />
      <QuerySummary />
      {fetched.answer && <QueryResults passages={fetched.answer.passages} />}
    </div>
  );
}

/** What the list shows: the query it answers, in words, and how many passages in how many documents. */
function QuerySummary() {
  const fetched = useStore((s) => s.codingQuery);
  const project = useStore((s) => s.project);
  const words = useMemo(
    () => (fetched.asked ? queryInWords(namedQuery(fetched.asked, { project })) : ''),
    [fetched.asked, project],
  );
  if (!fetched.answer) return null;
  const passages = fetched.answer.passages;
  const documents = new Set(passages.map((p) => p.key)).size;
  return (
    <p className="analysis-rule query-summary">
      <strong>
        {passages.length} passage{passages.length === 1 ? '' : 's'} in {documents} document
        {documents === 1 ? '' : 's'}.
      </strong>{' '}
      {words}
    </p>
  );
}
