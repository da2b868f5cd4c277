import { useEffect, useRef } from 'react';
import type { DocumentSummary } from '../../../../shared/model/document';
import { useStore } from '../../store/context';
import {
  annotatorsOnScreen,
  selectDoneCount,
  selectOwnAnnotator,
  selectVisibleDocuments,
} from '../../store/document-filter-slice';
import { STATUS_LABELS } from '../document-status';
import { ErrorNotice } from '../ErrorNotice';
import { FileProblems } from '../FileProblems';
import { AnnotatorChips } from './AnnotatorChips';
import { DocumentFilters } from './DocumentFilters';
import { VirtualList, type VirtualListHandle } from './VirtualList';

/** Pixels per row; styles.css lays a row out to fit (.document-row). */
const ROW_HEIGHT = 68;

/**
 * The documents of the folder, filtered by text, status and annotator, with the project's progress
 * and who has worked on each.
 * Choosing one (click, Enter or Space) opens it in the reader. Only the rows in view are drawn.
 */
export function DocumentList() {
  const total = useStore((s) => s.documents.length);
  const visible = useStore(selectVisibleDocuments);
  const loaded = useStore((s) => s.documentsLoaded);
  const error = useStore((s) => s.documentsError);
  const problems = useStore((s) => s.problems);
  const extraction = useStore((s) => s.extraction);
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
      {extraction && (
        <p className="extraction-progress" role="status">
          <progress aria-label="Reading new files" max={extraction.total} value={extraction.done} /> Reading
          new files: {extraction.done} of {extraction.total}
        </p>
      )}
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

function DocumentRow({ document, selected }: { document: DocumentSummary; selected: boolean }) {
  const selectDocument = useStore((s) => s.selectDocument);
  const me = useStore(selectOwnAnnotator);
  const count = document.annotationCount;
  return (
    <button
      type="button"
      className="row-button document-row"
      aria-current={selected ? 'true' : undefined}
      onClick={() => void selectDocument(document.key)}
    >
      <span className="document-title">{document.title}</span>
      <span className="document-key-line">
        <span className="document-key">{document.key}</span>
        <AnnotatorChips work={annotatorsOnScreen(document, me)} me={me} />
      </span>
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
