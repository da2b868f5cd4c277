import { useEffect, useMemo } from 'react';
import { useStore } from '../../store/context';

/**
 * The documents where search hits proposed from the Search tab wait for review, the most
 * first, each a button that opens it; counted again whenever the tab is shown.
 */
export function SearchProposalsPanel() {
  const waiting = useStore((s) => s.searchProposals.waiting);
  const load = useStore((s) => s.loadSearchProposals);
  const selectDocument = useStore((s) => s.selectDocument);
  const openKey = useStore((s) => s.reader.key);
  const documents = useStore((s) => s.documents);
  const titles = useMemo(() => new Map(documents.map((d) => [d.key, d.title])), [documents]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!waiting || waiting.total === 0) return null;
  const count = waiting.documents.length;
  return (
    <section className="suggestion-job" aria-labelledby="search-proposals-heading">
      <h2 id="search-proposals-heading">Search hits to review</h2>
      <p aria-live="polite">
        {waiting.total} search {waiting.total === 1 ? 'hit' : 'hits'} proposed in {count}{' '}
        {count === 1 ? 'document' : 'documents'}.
      </p>
      <ul className="suggestion-documents" aria-label="Documents with search hits to review">
        {waiting.documents.map((d) => (
          <li key={d.key}>
            <button
              type="button"
              className="row-button"
              aria-current={d.key === openKey ? 'true' : undefined}
              title={`${d.key}: ${d.queries.map((q) => `“${q}”`).join(', ')}`}
              onClick={() => void selectDocument(d.key)}
            >
              <span className="suggestion-document-title">{titles.get(d.key) ?? d.key}</span>
              <span className="suggestion-document-count">{d.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
