import type { DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import { useStore } from '../store/context';
import { ErrorNotice } from './ErrorNotice';
import { FileProblems } from './FileProblems';

const STATUS_LABELS: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};

/** The documents of the folder; choosing one (click, Enter or Space) opens it in the reader. */
export function DocumentList() {
  const documents = useStore((s) => s.documents);
  const loaded = useStore((s) => s.documentsLoaded);
  const error = useStore((s) => s.documentsError);
  const problems = useStore((s) => s.problems);

  return (
    <div className="document-list">
      <h2 className="panel-heading">Documents</h2>
      {error && <ErrorNotice error={error} />}
      {loaded && !error && documents.length === 0 && (
        <p className="empty-state">No documents in this folder</p>
      )}
      {documents.length > 0 && (
        <ul>
          {documents.map((document) => (
            <DocumentRow key={document.key} document={document} />
          ))}
        </ul>
      )}
      <SkippedFiles />
      <FileProblems problems={problems} />
    </div>
  );
}

function DocumentRow({ document }: { document: DocumentSummary }) {
  const selected = useStore((s) => s.selectedKey === document.key);
  const selectDocument = useStore((s) => s.selectDocument);
  const count = document.annotationCount;
  return (
    <li>
      <button
        type="button"
        className="document-row"
        aria-current={selected ? 'true' : undefined}
        onClick={() => void selectDocument(document.key)}
      >
        <span className="document-title">{document.title}</span>
        <span className="document-key">{document.key}</span>
        <span className="document-meta">
          <span className={`status status-${document.status}`}>{STATUS_LABELS[document.status]}</span>
          {' · '}
          {count === 1 ? '1 annotation' : `${count} annotations`}
        </span>
      </button>
    </li>
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
