import { useId, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../../shared/model/annotation';
import type { Relation } from '../../../../shared/model/relation';
import { useStore } from '../../store/context';
import { documentRelations } from '../../store/relations-slice';
import { DraftTextArea } from './DraftTextArea';
import { LinkAnnotationForm } from './LinkAnnotationForm';
import './RelationsSection.css';
import { useCodebook } from './use-project-data';

/**
 * The selected annotation's relations to others of the document: which way each goes, its type and
 * the other passage (choosing it goes there). The researcher's own relations can be retyped, noted and
 * deleted, and "Link…" makes a new one. Every change is undoable like any edit.
 */
export function RelationsSection({ annotation, editable }: { annotation: Annotation; editable: boolean }) {
  const headingId = useId();
  const relations = useStore(documentRelations);
  const annotations = useStore((s) => s.reader.annotations);
  const annotator = useStore((s) => s.project?.annotator);
  const error = useStore((s) => s.relationsError);
  const link = useStore((s) => s.link);
  const codebook = useCodebook();
  const [linking, setLinking] = useState(false);
  const linkButton = useRef<HTMLButtonElement>(null);
  const mine = useMemo(
    () => relations.filter((r) => r.from === annotation.id || r.to === annotation.id),
    [relations, annotation.id],
  );
  // Looked up for the few related ones only, and the own list built only while linking: a
  // document can hold 10,000 annotations, and this re-renders on every new tag.
  const others = useMemo(() => {
    const wanted = new Set(mine.map((r) => (r.from === annotation.id ? r.to : r.from)));
    if (wanted.size === 0) return new Map<string, Annotation>();
    return new Map(annotations.filter((a) => wanted.has(a.id)).map((a) => [a.id, a]));
  }, [mine, annotations, annotation.id]);
  const ownAnnotations = useMemo(
    () => (linking ? annotations.filter((a) => a.author === annotator) : []),
    [linking, annotations, annotator],
  );

  const closeForm = () => {
    setLinking(false);
    // After the form has gone and the button is back.
    requestAnimationFrame(() => linkButton.current?.focus());
  };

  return (
    <section className="relations" aria-labelledby={headingId}>
      <h3 id={headingId} className="relations-heading">
        Relations
      </h3>
      {error && <p className="field-error">Relations could not be loaded: {error.message}</p>}
      {mine.length === 0 ? (
        !linking && <p className="inspector-notice">No relations to other annotations yet.</p>
      ) : (
        <ul className="relation-list">
          {mine.map((relation) => (
            <RelationItem
              key={relation.id}
              relation={relation}
              self={annotation.id}
              other={others.get(relation.from === annotation.id ? relation.to : relation.from)}
              editable={editable && relation.author === annotator}
            />
          ))}
        </ul>
      )}
      {editable &&
        (linking ? (
          <LinkAnnotationForm
            annotation={annotation}
            candidates={ownAnnotations}
            codes={codebook.codes}
            types={codebook.relationTypes}
            onCancel={closeForm}
            onLink={(relation) => {
              void link(relation);
              closeForm();
            }}
          />
        ) : (
          <button
            ref={linkButton}
            type="button"
            className="button relations-link"
            disabled={codebook.relationTypes.length === 0}
            title={
              codebook.relationTypes.length === 0 ? 'Add a relation type to the codebook first' : undefined
            }
            onClick={() => setLinking(true)}
          >
            Link…
          </button>
        ))}
    </section>
  );
}

function RelationItem({
  relation,
  self,
  other,
  editable,
}: {
  relation: Relation;
  /** The selected annotation, one of the relation's ends. */
  self: string;
  /** The annotation at the other end; undefined if it is not in the document (any more). */
  other: Annotation | undefined;
  editable: boolean;
}) {
  const codebook = useCodebook();
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollToAnnotation = useStore((s) => s.scrollToAnnotation);
  const editRelation = useStore((s) => s.editRelation);
  const unlink = useStore((s) => s.unlink);
  const [notes, setNotes] = useState(false);
  const outgoing = relation.from === self;
  const typeName = codebook.relationTypes.find((t) => t.id === relation.type)?.name ?? relation.type;
  const codeName = other ? (codebook.codes.find((c) => c.id === other.code)?.name ?? other.code) : '';
  const otherName = other ? `“${other.target.quote}”` : 'a missing annotation';
  const sentence = outgoing ? `This ${typeName} ${otherName}` : `${otherName} ${typeName} this`;

  const goToOther = () => {
    if (!other) return;
    selectAnnotation(other.id);
    scrollToAnnotation(other.id);
  };

  const otherButton = (
    <button
      type="button"
      className="relation-other"
      disabled={!other}
      aria-label={other ? `Go to “${other.target.quote}” (${codeName})` : undefined}
      onClick={goToOther}
    >
      <span className="relation-other-quote">{other ? other.target.quote : 'missing annotation'}</span>
      {other && <span className="relation-other-code">{codeName}</span>}
    </button>
  );

  return (
    <li className="relation-item" data-relation-id={relation.id}>
      <div className="relation-line">
        <span className="relation-direction" aria-hidden="true">
          {outgoing ? '→' : '←'}
        </span>
        <span className="visually-hidden">
          {outgoing ? 'Relation from this to ' : 'Relation to this from '}
        </span>
        {editable ? (
          <select
            className="relation-type"
            aria-label={`Type of the relation: ${sentence}`}
            value={relation.type}
            onChange={(event) => void editRelation(relation.id, { type: event.target.value })}
          >
            {codebook.relationTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {!codebook.relationTypes.some((t) => t.id === relation.type) && (
              <option value={relation.type}>{relation.type}</option>
            )}
          </select>
        ) : (
          <span className="relation-type">{typeName}</span>
        )}
        {otherButton}
        {editable && (
          <>
            <button
              type="button"
              className="sp-icon-button"
              aria-label={`${relation.note ? 'Edit the note' : 'Add a note'}: ${sentence}`}
              aria-expanded={notes}
              title={relation.note ? 'Edit note' : 'Add note'}
              onClick={() => setNotes(!notes)}
            >
              ✎
            </button>
            <button
              type="button"
              className="sp-icon-button"
              aria-label={`Delete relation: ${sentence}`}
              title="Delete relation"
              onClick={() => void unlink(relation.id)}
            >
              ✕
            </button>
          </>
        )}
      </div>
      {notes && editable ? (
        <DraftTextArea
          label="Relation note"
          value={relation.note ?? ''}
          rows={2}
          onSave={(note) => void editRelation(relation.id, { note: note === '' ? null : note })}
        />
      ) : (
        relation.note && <p className="relation-note">{relation.note}</p>
      )}
      {!editable && relation.author && <p className="relation-author">by {relation.author}</p>}
    </li>
  );
}
