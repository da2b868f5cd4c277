import { useDeferredValue, useMemo } from 'react';
import { useStore } from '../../store/context';
import { selectShownAnnotations } from '../../store/reader-views-slice';
import { AnnotationList } from './AnnotationList';
import { CodeOptions } from './CodeOptions';
import { DocumentDateField } from './DocumentDateField';
import { DraftTextArea } from './DraftTextArea';
import { OrphansSection } from './OrphansSection';
import './AnnotationsTab.css';
import { useCodebook } from './use-project-data';

/** The open document's note and annotations, filtered by code. */
export function AnnotationsTab() {
  const hasDocument = useStore((s) => s.reader.document !== null);
  // The list and its count follow a new tag in a render of their own, after the frame that
  // shows its highlight: with 10,000 annotations that frame has no time to spare.
  // Those of the reader's view: mine, a colleague's, everyone's, or the two side by side.
  const annotations = useDeferredValue(useStore(selectShownAnnotations));
  const codeFilter = useStore((s) => s.codeFilter);
  // The store keeps annotations in text order (start, then end), so filtering keeps that order.
  const shown = useMemo(() => {
    if (codeFilter.length === 0) return annotations;
    const codes = new Set(codeFilter);
    return annotations.filter((a) => codes.has(a.code));
  }, [annotations, codeFilter]);

  if (!hasDocument) return <p className="empty-state">Open a document to see its annotations.</p>;

  return (
    <div className="annotations-tab">
      <DocumentNote />
      <DocumentDateField />
      <OrphansSection />
      <CodeFilter />
      <p className="list-count" aria-live="polite">
        {codeFilter.length === 0
          ? annotations.length === 1
            ? '1 annotation'
            : `${annotations.length} annotations`
          : `${shown.length} of ${annotations.length}`}
      </p>
      {annotations.length === 0 ? (
        <p className="empty-state">Select a passage in the text and choose a code to tag it.</p>
      ) : (
        <AnnotationList annotations={shown} />
      )}
    </div>
  );
}

function DocumentNote() {
  const key = useStore((s) => s.reader.key);
  const note = useStore((s) => s.reader.document?.note ?? '');
  const setDocumentNote = useStore((s) => s.setDocumentNote);
  return (
    <div className="document-note">
      {/* Keyed by document so a draft never carries over to the next document. */}
      <DraftTextArea
        key={key}
        label="Document note"
        value={note}
        rows={2}
        placeholder="Your note on this article"
        onSave={(text) => void setDocumentNote(text, key ?? undefined)}
      />
    </div>
  );
}

/** The codes listed, as removable chips, and a select to add one. */
function CodeFilter() {
  const codes = useCodebook().codes;
  const codeFilter = useStore((s) => s.codeFilter);
  const setCodeFilter = useStore((s) => s.setCodeFilter);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const chosen = useMemo(() => new Set(codeFilter), [codeFilter]);

  return (
    <div className="code-filter">
      <select
        aria-label="Show only annotations of"
        value=""
        onChange={(event) => {
          if (event.target.value) setCodeFilter([...codeFilter, event.target.value]);
        }}
      >
        <option value="">{codeFilter.length === 0 ? 'All codes' : 'Add a code…'}</option>
        <CodeOptions codes={codes} exclude={chosen} />
      </select>
      {codeFilter.length > 0 && (
        <ul className="filter-chips" aria-label="Codes shown">
          {codeFilter.map((id) => {
            const code = byId.get(id);
            const name = code?.name ?? id;
            return (
              <li key={id}>
                <button
                  type="button"
                  className="filter-chip"
                  aria-label={`Stop filtering by ${name}`}
                  onClick={() => setCodeFilter(codeFilter.filter((c) => c !== id))}
                >
                  {code && <span className="swatch" style={{ background: code.color }} aria-hidden="true" />}
                  {name}
                  <span aria-hidden="true"> ×</span>
                </button>
              </li>
            );
          })}
          {codeFilter.length > 1 && (
            <li>
              <button type="button" className="filter-chip filter-clear" onClick={() => setCodeFilter([])}>
                Show all
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
