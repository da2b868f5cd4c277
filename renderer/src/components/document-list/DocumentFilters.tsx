import { useMemo } from 'react';
import type { DocumentStatus } from '../../../../shared/model/document';
import { DOCUMENT_FILTER_ID } from '../../keyboard/global-shortcuts';
import { useStore } from '../../store/context';
import {
  type StatusFilter,
  selectAnnotatorChoices,
  selectOwnAnnotator,
} from '../../store/document-filter-slice';
import { STATUS_LABELS } from '../document-status';

const STATUSES = Object.keys(STATUS_LABELS) as DocumentStatus[];

/** The list's filters: text and this annotator's status, then who has worked on a document and how far. */
export function DocumentFilters() {
  const filter = useStore((s) => s.documentFilter);
  const setFilter = useStore((s) => s.setDocumentFilter);
  const documents = useStore((s) => s.documents);
  const counts = useMemo(() => {
    const byStatus: Record<DocumentStatus, number> = { todo: 0, 'in-progress': 0, done: 0 };
    for (const d of documents) byStatus[d.status]++;
    return byStatus;
  }, [documents]);

  return (
    <>
      <div className="document-filters">
        <label className="visually-hidden" htmlFor={DOCUMENT_FILTER_ID}>
          Filter documents
        </label>
        <input
          id={DOCUMENT_FILTER_ID}
          type="search"
          placeholder="Filter documents"
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          value={filter.text}
          onChange={(event) => setFilter({ text: event.target.value })}
        />
        <label className="visually-hidden" htmlFor="document-status-filter">
          Status
        </label>
        <select
          id="document-status-filter"
          value={filter.status}
          onChange={(event) => setFilter({ status: event.target.value as StatusFilter })}
        >
          <option value="all">All ({documents.length})</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]} ({counts[status]})
            </option>
          ))}
        </select>
      </div>
      <AnnotatorFilter />
    </>
  );
}

/**
 * "Documents bob has worked on", "documents bob has done": with the status filter above (this
 * annotator's own), it finds the documents two coders have both finished.
 */
function AnnotatorFilter() {
  const choices = useStore(selectAnnotatorChoices);
  const me = useStore(selectOwnAnnotator);
  const annotator = useStore((s) => s.documentFilter.annotator);
  const annotatorStatus = useStore((s) => s.documentFilter.annotatorStatus);
  const setFilter = useStore((s) => s.setDocumentFilter);
  if (choices.length === 0 && annotator === null) return null;
  // A chosen annotator stays offered when a new listing no longer has them, so the choice shows.
  const offered = annotator === null || choices.some((c) => c.name === annotator);
  return (
    <div className="document-filters annotator-filter">
      <label className="visually-hidden" htmlFor="document-annotator-filter">
        Annotator
      </label>
      <select
        id="document-annotator-filter"
        value={annotator ?? ''}
        onChange={(event) =>
          setFilter(
            event.target.value === ''
              ? { annotator: null, annotatorStatus: 'all' }
              : { annotator: event.target.value },
          )
        }
      >
        <option value="">Anyone</option>
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name === me ? `${c.name} (you)` : c.name} ({c.documents})
          </option>
        ))}
        {!offered && <option value={annotator}>{annotator} (0)</option>}
      </select>
      <label className="visually-hidden" htmlFor="document-annotator-status-filter">
        Annotator’s status
      </label>
      <select
        id="document-annotator-status-filter"
        value={annotatorStatus}
        disabled={annotator === null}
        onChange={(event) => setFilter({ annotatorStatus: event.target.value as StatusFilter })}
      >
        <option value="all">Worked on</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </div>
  );
}
