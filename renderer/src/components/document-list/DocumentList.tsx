import { useEffect, useMemo, useRef } from 'react';
import type { DocumentStatus, DocumentSummary } from '../../../../shared/model/document';
import { DOCUMENT_FILTER_ID } from '../../keyboard/global-shortcuts';
import { useStore } from '../../store/context';
import {
  type StatusFilter,
  selectDoneCount,
  selectVisibleDocuments,
} from '../../store/document-filter-slice';
import { STATUS_LABELS } from '../document-status';
import { ErrorNotice } from '../ErrorNotice';
import { FileProblems } from '../FileProblems';
import { VirtualList, type VirtualListHandle } from './VirtualList';

/** Pixels per row; styles.css lays a row out to fit (.document-row). */
const ROW_HEIGHT = 68;

/**
 * The documents of the folder, filtered by text and status, with the project's progress.
 * Choosing one (click, Enter or Space) opens it in the reader. Only the rows in view are drawn.
 */
export function DocumentList() {
  const total = useStore((s) => s.documents.length);
  const visible = useStore(selectVisibleDocuments);
  const loaded = useStore((s) => s.documentsLoaded);
  const error = useStore((s) => s.documentsError);
  const problems = useStore((s) => s.problems);
  const selectedKey = useStore((s) => s.selectedKey);
  const list = useRef<VirtualListHandle>(null);

  // Bring the open document into view when `]`/`[` (or anything else) selects it: once per
  // selection, so a count changing elsewhere does not pull the list back while it is scrolled.
  const shownKey = useRef<string | null>(null);
  useEffect(() => {
    if (selectedKey === shownKey.current) return;
    const index = visible.findIndex((d) => d.key === selectedKey);
    if (index === -1) return;
    list.current?.scrollToIndex(index);
    shownKey.current = selectedKey;
  }, [visible, selectedKey]);

  return (
    <div className="document-list">
      <h2 className="panel-heading">Documents</h2>
      {error && <ErrorNotice error={error} />}
      {loaded && !error && total === 0 && <p className="empty-state">No documents in this folder</p>}
      {total > 0 && (
        <>
          <ProjectProgress />
          <DocumentFilters />
          {visible.length === 0 ? (
            <p className="empty-state">No documents match</p>
          ) : (
            <VirtualList
              ref={list}
              className="document-rows"
              label={visible.length === total ? 'All documents' : `${visible.length} of ${total} documents`}
              items={visible}
              rowHeight={ROW_HEIGHT}
              itemKey={(d) => d.key}
              renderRow={(d) => <DocumentRow document={d} selected={d.key === selectedKey} />}
            />
          )}
        </>
      )}
      <SkippedFiles />
      <FileProblems problems={problems} />
    </div>
  );
}

function ProjectProgress() {
  const done = useStore(selectDoneCount);
  const total = useStore((s) => s.documents.length);
  return (
    <div className="project-progress">
      <span id="project-progress-text">
        {done} of {total} done
      </span>
      <progress max={total} value={done} aria-labelledby="project-progress-text" />
    </div>
  );
}

function DocumentFilters() {
  const filter = useStore((s) => s.documentFilter);
  const setFilter = useStore((s) => s.setDocumentFilter);
  const documents = useStore((s) => s.documents);
  const counts = useMemo(() => {
    const byStatus: Record<DocumentStatus, number> = { todo: 0, 'in-progress': 0, done: 0 };
    for (const d of documents) byStatus[d.status]++;
    return byStatus;
  }, [documents]);

  return (
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
        {(Object.keys(STATUS_LABELS) as DocumentStatus[]).map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]} ({counts[status]})
          </option>
        ))}
      </select>
    </div>
  );
}

function DocumentRow({ document, selected }: { document: DocumentSummary; selected: boolean }) {
  const selectDocument = useStore((s) => s.selectDocument);
  const count = document.annotationCount;
  return (
    <button
      type="button"
      className="row-button document-row"
      aria-current={selected ? 'true' : undefined}
      onClick={() => void selectDocument(document.key)}
    >
      <span className="document-title">{document.title}</span>
      <span className="document-key">{document.key}</span>
      <span className="document-meta">
        <span className={`status status-${document.status}`}>{STATUS_LABELS[document.status]}</span>
        {' · '}
        {count === 1 ? '1 annotation' : `${count} annotations`}
        {document.date && (
          <>
            {' · '}
            <time dateTime={document.date}>{document.date}</time>
          </>
        )}
      </span>
    </button>
  );
}

function SkippedFiles() {
  const skipped = useStore((s) => s.skipped);
  if (skipped.length === 0) return null;
  return (
    <details className="skipped-files">
      <summary>{skipped.length} skipped</summary>
      <ul>
        {skipped.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>: {file.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
