import { useMemo } from 'react';
import type { CorpusSearchResult } from '../../../../shared/api';
import { useStore } from '../../store/context';

/** Documents listed, the most hits first; the count above says how many there are in all. */
const LISTED = 200;

/**
 * How many hits each document has, the most first; choosing one brings its first hit into view.
 * A document's first hit is where the hits of the documents before it (in the search's order,
 * which `byDocument` keeps) end.
 */
export function HitsPerDocument({
  result,
  onJump,
}: {
  result: CorpusSearchResult;
  onJump(index: number): void;
}) {
  const documents = useStore((s) => s.documents);
  const listed = useMemo(() => {
    const titles = new Map(documents.map((d) => [d.key, d.title]));
    let first = 0;
    const rows = Object.entries(result.byDocument).map(([key, count]) => {
      const row = { key, count, first, title: titles.get(key) ?? key };
      first += count;
      return row;
    });
    return rows.sort((a, b) => b.count - a.count || a.first - b.first).slice(0, LISTED);
  }, [result, documents]);
  return (
    <details className="search-per-document">
      <summary>Hits per document</summary>
      <ul aria-label="Hits per document">
        {listed.map((d) => (
          <li key={d.key}>
            <button type="button" className="row-button" title={d.key} onClick={() => onJump(d.first)}>
              <span className="search-per-document-title">{d.title}</span>
              <span className="search-per-document-count">{d.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
