import { useEffect, useId, useRef } from 'react';
import type { DocumentStatus } from '../../../../shared/model/document';
import { DOCUMENT_STATUSES } from '../../../../shared/model/vocabulary';
import { useStore } from '../../store/context';
import { STATUS_LABELS } from '../document-status';
import { FolderSelect } from '../FolderSelect';
import { AllCodeOptions } from './CodeOptions';
import { SearchResults } from './SearchResults';
import { useCodebook } from './use-project-data';
import './SearchTab.css';

/**
 * Corpus search: a query over every article (or a folder's, those of a status, inside passages
 * of a code or not yet coded), and its hits as a keyword-in-context concordance; choosing a hit
 * opens it in the reader, ready to tag, and "Tag" proposes hits as suggestions to review.
 */
export function SearchTab() {
  const loading = useStore((s) => s.search.loading);
  const cancel = useStore((s) => s.cancelSearch);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape stops a running search from anywhere in the tab.
    <div
      className="search-tab"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !loading) return;
        event.preventDefault();
        event.stopPropagation();
        void cancel();
      }}
    >
      <SearchForm />
      <SearchResults />
    </div>
  );
}

const ANY_STATUS = 'any';

function SearchForm() {
  const query = useStore((s) => s.search.query);
  const folder = useStore((s) => s.search.folder);
  const statuses = useStore((s) => s.search.statuses);
  const insideCode = useStore((s) => s.search.insideCode);
  const uncoded = useStore((s) => s.search.uncoded);
  const codes = useCodebook().codes;
  const error = useStore((s) => s.search.error);
  const focusInput = useStore((s) => s.search.focusInput);
  const setQuery = useStore((s) => s.setSearchQuery);
  const setFilters = useStore((s) => s.setSearchFilters);
  const runSearch = useStore((s) => s.runSearch);
  const inputFocused = useStore((s) => s.searchInputFocused);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    if (!focusInput) return;
    input.current?.focus();
    input.current?.select();
    inputFocused();
  }, [focusInput, inputFocused]);

  // A filter changed after a search shows that search's hits under the new filter at once.
  const filter = (changes: Parameters<typeof setFilters>[0]) => {
    setFilters(changes);
    if (query.trim() !== '') void runSearch();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to jsdom and to browsers before 2023; the role makes the same landmark everywhere.
    <form
      role="search"
      aria-label="Corpus search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        void runSearch();
      }}
    >
      <div className="search-query">
        <label className="visually-hidden" htmlFor={`${ids}-query`}>
          Search the articles
        </label>
        <input
          ref={input}
          id={`${ids}-query`}
          type="search"
          placeholder="Words, prefix* or /regex/"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      {error && (
        <p id={`${ids}-error`} className="search-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="search-filters">
        <FolderSelect value={folder} onChange={(folder) => filter({ folder })} all="All folders" />
        <label className="sp-field">
          Status
          <select
            value={statuses[0] ?? ANY_STATUS}
            onChange={(event) => {
              const value = event.target.value;
              filter({ statuses: value === ANY_STATUS ? [] : [value as DocumentStatus] });
            }}
          >
            <option value={ANY_STATUS}>Any</option>
            {DOCUMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="search-filters">
        <label className="sp-field">
          Inside passages coded
          <select
            value={insideCode}
            disabled={uncoded}
            onChange={(event) => filter({ insideCode: event.target.value })}
          >
            <option value="">Anywhere</option>
            <AllCodeOptions codes={codes} />
          </select>
        </label>
        <label className="search-uncoded">
          <input
            type="checkbox"
            checked={uncoded}
            onChange={(event) =>
              filter(event.target.checked ? { uncoded: true, insideCode: '' } : { uncoded: false })
            }
          />
          Not yet coded
        </label>
      </div>
    </form>
  );
}
