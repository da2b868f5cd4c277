import { useEffect, useMemo } from 'react';
import { queryInWords } from '../../../../shared/analysis/query-words';
import { namedQuery, type QueryExportFormat } from '../../store/coding-query-slice';
import { useStore } from '../../store/context';
import { downloadText } from '../download-text';
import { QueryForm } from './QueryForm';
import { QueryResults } from './QueryResults';
import { ViewHeader } from './ViewHeader';

const FILES: Record<QueryExportFormat, { name: string; type: string; label: string }> = {
  csv: { name: 'coding-query.csv', type: 'text/csv;charset=utf-8', label: 'Export CSV' },
  markdown: { name: 'coding-query.md', type: 'text/markdown;charset=utf-8', label: 'Export Markdown' },
  html: { name: 'coding-query.html', type: 'text/html;charset=utf-8', label: 'Export HTML' },
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

  const download = async (format: QueryExportFormat) => {
    const text = await exportText(format, new Date().toISOString().slice(0, 10));
    downloadText(FILES[format].name, text, FILES[format].type);
  };

  return (
    <div className="analysis-view">
      <QueryForm />
      <ViewHeader
        what="The query"
        refreshLabel="Run query"
        canRefresh={hasCodes}
        loading={fetched.loading}
        error={fetched.error}
        onRefresh={() => void run()}
      >
        {(Object.keys(FILES) as QueryExportFormat[]).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={!fetched.answer}
            onClick={() => void download(format)}
          >
            {FILES[format].label}
          </button>
        ))}
      </ViewHeader>
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
