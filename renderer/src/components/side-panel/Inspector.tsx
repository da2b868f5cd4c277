import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import type { Annotation } from '../../../../shared/model/annotation';
import { clearedByRecoding } from '../../../../shared/model/annotation-rules';
import { roleOf } from '../../../../shared/model/codebook-tree';
import { type AnnotationChanges, selectAnnotationById } from '../../store/annotations-slice';
import { useStore } from '../../store/context';
import { FigureValueEditor } from '../editors/FigureValueEditor';
import { formatFigureValue } from '../editors/format-figure';
import { type NewStakeholder, type StakeholderChoice, StakeholderPicker } from '../editors/StakeholderPicker';
import { CodeOptions } from './CodeOptions';
import { DraftTextArea } from './DraftTextArea';
import './Inspector.css';
import { RelationsSection } from './RelationsSection';
import { useCodebook, useStakeholders } from './use-project-data';

/** The selected annotation: its passage, code, stakeholder or value, note, links and history. */
export function Inspector() {
  const selectedId = useStore((s) => s.selectedAnnotationId);
  // A new tag selects its annotation: the inspector follows in a render of its own, so the
  // keypress's frame carries the new highlight without waiting for these forms to be built.
  const shownId = useDeferredValue(selectedId);
  const annotation = useStore(useMemo(() => selectAnnotationById(shownId), [shownId]));
  if (!annotation) return null;
  // Until it follows, it shows the annotation selected before: a note typed there meanwhile would
  // go to that one, cut off when the new inspector comes. So it takes no input until then. The
  // wrapper changes, not the memoised inspector, which is not drawn again for it.
  const following = shownId !== selectedId;
  return (
    <div className="inspector-frame" inert={following} aria-busy={following}>
      {/* Keyed by annotation, so drafts and open editors never carry over to another one. */}
      <AnnotationInspector key={annotation.id} annotation={annotation} />
    </div>
  );
}

/** Memoised: while the selection's change is deferred, the inspector of the one before stays as it is. */
const AnnotationInspector = memo(function AnnotationInspector({ annotation }: { annotation: Annotation }) {
  const codebook = useCodebook();
  const annotator = useStore((s) => s.project?.annotator);
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const editAnnotation = useStore((s) => s.editAnnotation);
  const removeAnnotation = useStore((s) => s.removeAnnotation);
  const headingId = useId();
  const own = annotation.author === annotator;
  const role = roleOf(codebook, annotation.code);
  const { id } = annotation;

  const changeCode = (code: string) => {
    // A stakeholder or value belongs to codes of that role; the project refuses it on any other.
    const changes: AnnotationChanges = { code, ...clearedByRecoding(codebook, annotation, code) };
    void editAnnotation(id, changes);
  };

  return (
    <section className="inspector" aria-labelledby={headingId}>
      <header className="inspector-header">
        <h2 id={headingId} className="inspector-heading">
          Annotation
        </h2>
        <button
          type="button"
          className="sp-icon-button"
          aria-label="Close inspector"
          onClick={() => selectAnnotation(null)}
        >
          ✕
        </button>
      </header>
      <Quote annotation={annotation} />
      {!own && (
        <p className="inspector-notice">This is {annotation.author}’s annotation: only they can change it.</p>
      )}
      <label className="sp-field">
        Code
        <select value={annotation.code} disabled={!own} onChange={(e) => changeCode(e.target.value)}>
          <CodeOptions codes={codebook.codes} />
        </select>
      </label>
      {role === 'stakeholder' && <StakeholderField annotation={annotation} editable={own} />}
      {role === 'figure' && <FigureField annotation={annotation} editable={own} />}
      <DraftTextArea
        label="Note"
        value={annotation.note ?? ''}
        disabled={!own}
        onSave={(note) => void editAnnotation(id, { note: note === '' ? null : note })}
      />
      <RelationsSection annotation={annotation} editable={own} />
      <dl className="inspector-meta">
        <dt>Author</dt>
        <dd>{annotation.author}</dd>
        <dt>Created</dt>
        <dd>
          <Time iso={annotation.created} />
        </dd>
        {annotation.modified !== annotation.created && (
          <>
            <dt>Modified</dt>
            <dd>
              <Time iso={annotation.modified} />
            </dd>
          </>
        )}
      </dl>
      {own && (
        <button
          type="button"
          className="button button-danger inspector-delete"
          onClick={() => void removeAnnotation(id)}
        >
          Delete annotation
        </button>
      )}
    </section>
  );
});

/** The quote in its context: what comes before and after is dimmed. */
function Quote({ annotation }: { annotation: Annotation }) {
  const textLength = useStore((s) => s.reader.document?.length ?? 0);
  const { prefix, quote, suffix, start, end } = annotation.target;
  return (
    <blockquote className="inspector-quote">
      <span className="quote-context">
        {start > prefix.length && '…'}
        {prefix}
      </span>
      <mark className="quote-text">{quote}</mark>
      <span className="quote-context">
        {suffix}
        {end + suffix.length < textLength && '…'}
      </span>
    </blockquote>
  );
}

/** The register entry the passage mentions; the picker opens at once when there is none yet. */
function StakeholderField({ annotation, editable }: { annotation: Annotation; editable: boolean }) {
  const stakeholders = useStakeholders();
  const editAnnotation = useStore((s) => s.editAnnotation);
  const updateStakeholder = useStore((s) => s.updateStakeholder);
  const addStakeholder = useStore((s) => s.addStakeholder);
  const [changing, setChanging] = useState(false);
  const picking = editable && (changing || !annotation.stakeholderId);
  const [busy, setBusy] = useState(false);
  const linked = stakeholders.find((s) => s.id === annotation.stakeholderId);

  const link = async (stakeholderId: string) => {
    await editAnnotation(annotation.id, { stakeholderId });
    setChanging(false);
  };
  const onPick = async ({ stakeholder, addAlias }: StakeholderChoice) => {
    setBusy(true);
    if (addAlias) await updateStakeholder(stakeholder.id, { aliases: [...stakeholder.aliases, addAlias] });
    await link(stakeholder.id);
    setBusy(false);
  };
  const onCreate = async ({ name, kind }: NewStakeholder) => {
    setBusy(true);
    const created = await addStakeholder({ name, kind });
    if (created) await link(created.id);
    setBusy(false);
  };

  if (picking) {
    return (
      <div className="inspector-editor">
        <StakeholderPicker
          stakeholders={stakeholders}
          quote={annotation.target.quote}
          currentId={annotation.stakeholderId}
          busy={busy}
          onPick={(choice) => void onPick(choice)}
          onCreate={(draft) => void onCreate(draft)}
          onCancel={annotation.stakeholderId ? () => setChanging(false) : undefined}
        />
      </div>
    );
  }
  return (
    <div className="inspector-value">
      <span className="inspector-value-label">Stakeholder</span>
      <span className="inspector-value-text">
        {linked
          ? linked.name
          : annotation.stakeholderId
            ? `${annotation.stakeholderId} (not in the register)`
            : 'None'}
      </span>
      {editable && (
        <button type="button" className="button" onClick={() => setChanging(true)}>
          Change…
        </button>
      )}
    </div>
  );
}

/** The figure's normalised value; the editor opens at once when there is none yet. */
function FigureField({ annotation, editable }: { annotation: Annotation; editable: boolean }) {
  const editAnnotation = useStore((s) => s.editAnnotation);
  const [changing, setChanging] = useState(false);
  const editing = editable && (changing || !annotation.value);

  if (editing) {
    return (
      <div className="inspector-editor">
        <FigureValueEditor
          initial={annotation.value}
          saveLabel="Save value"
          onSave={(value) => {
            void editAnnotation(annotation.id, { value });
            setChanging(false);
          }}
          onCancel={annotation.value ? () => setChanging(false) : undefined}
        />
      </div>
    );
  }
  return (
    <div className="inspector-value">
      <span className="inspector-value-label">Value</span>
      <span className="inspector-value-text">
        {annotation.value ? formatFigureValue(annotation.value) : 'None'}
        {annotation.value?.measures && (
          <span className="inspector-measures"> ({annotation.value.measures})</span>
        )}
      </span>
      {editable && (
        <button type="button" className="button" onClick={() => setChanging(true)}>
          {annotation.value ? 'Edit…' : 'Add…'}
        </button>
      )}
    </div>
  );
}

// Made once: toLocaleString with options builds a new formatter on every call, tens of ms each.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Time({ iso }: { iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)}</time>;
}
