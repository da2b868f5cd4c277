import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../../shared/model/annotation';
import type { Code } from '../../../../shared/model/codebook';
import type { RelationType } from '../../../../shared/model/relation';
import { useStore } from '../../store/context';
import type { NewRelation } from '../../store/relations-slice';
import { useCombobox } from '../editors/use-combobox';
import '../editors/editors.css';

/** Options shown at once; typing narrows a longer list. */
const SHOWN = 50;

/**
 * Links the selected annotation to another of the document's: the type, which way the link goes,
 * and the other annotation from a list filtered by quote or code (↑/↓ move, Enter links, Escape
 * cancels) or by clicking its passage in the reader. Only the researcher's own annotations are
 * offered: a link joins two of them.
 */
export function LinkAnnotationForm({
  annotation,
  candidates,
  codes,
  types,
  onLink,
  onCancel,
}: {
  annotation: Annotation;
  /** The annotations that can be linked to, in text order. */
  candidates: readonly Annotation[];
  codes: readonly Code[];
  types: readonly RelationType[];
  onLink(relation: NewRelation): void;
  onCancel(): void;
}) {
  const [type, setType] = useState(types[0]?.id ?? '');
  const [outgoing, setOutgoing] = useState(true);
  const [query, setQuery] = useState('');
  const codeNames = useMemo(() => new Map(codes.map((c) => [c.id, c.name])), [codes]);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return candidates.filter((a) => {
      const text = `${a.target.quote} ${codeNames.get(a.code) ?? a.code}`.toLowerCase();
      return a.id !== annotation.id && words.every((word) => text.includes(word));
    });
  }, [candidates, codeNames, query, annotation.id]);
  const shown = matches.slice(0, SHOWN);
  const typeName = types.find((t) => t.id === type)?.name ?? type;

  const linkTo = (other: Annotation | undefined) => {
    if (!other || !type) return;
    onLink(
      outgoing ? { type, from: annotation.id, to: other.id } : { type, from: other.id, to: annotation.id },
    );
  };
  // Escape is handled by the form, so that it cancels from the type and direction fields too.
  const combobox = useCombobox({ query, onQueryChange: setQuery, options: shown, onChoose: linkTo });

  // A click on a passage in the reader picks it, with the type and direction chosen here.
  const setLinkTargetPicker = useStore((s) => s.setLinkTargetPicker);
  const pickInReader = useRef<(id: string) => void>(() => {});
  pickInReader.current = (id) => linkTo(candidates.find((a) => a.id === id && a.id !== annotation.id));
  useEffect(() => {
    setLinkTargetPicker((id) => pickInReader.current(id));
    return () => setLinkTargetPicker(null);
  }, [setLinkTargetPicker]);

  return (
    <form
      className="link-form editor-form"
      aria-label="Link to another annotation"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        combobox.chooseActive();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <div className="editor-row">
        <label className="editor-field">
          <span className="editor-label">Type</span>
          <select className="editor-input" value={type} onChange={(e) => setType(e.target.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id} title={t.description}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="editor-field">
          <span className="editor-label">Direction</span>
          <select
            className="editor-input"
            value={outgoing ? 'from' : 'to'}
            onChange={(e) => setOutgoing(e.target.value === 'from')}
          >
            <option value="from">This {typeName} the other</option>
            <option value="to">The other {typeName} this</option>
          </select>
        </label>
      </div>
      <label className="editor-label" htmlFor={combobox.inputProps.id}>
        Other annotation
      </label>
      <input
        className="editor-input"
        {...combobox.inputProps}
        placeholder="Filter, or click a passage in the text"
        // biome-ignore lint/a11y/noAutofocus: the form opens because the researcher asked to link.
        autoFocus
      />
      <div
        {...combobox.listboxProps}
        className="picker-options"
        role="listbox"
        aria-label="Annotations to link"
      >
        {shown.map((other, index) => (
          <div
            key={other.id}
            {...combobox.optionProps(index)}
            role="option"
            tabIndex={-1}
            className="picker-option"
          >
            <span className="link-option-quote">{other.target.quote}</span>
            <span className="picker-option-meta">{codeNames.get(other.code) ?? other.code}</span>
          </div>
        ))}
      </div>
      {shown.length === 0 && (
        <p className="editor-hint">
          {candidates.length <= 1 ? 'Tag another passage to link this one to.' : 'No annotation matches.'}
        </p>
      )}
      {matches.length > shown.length && (
        <p className="editor-hint">{matches.length - shown.length} more: type to narrow the list.</p>
      )}
      <div className="editor-actions">
        <button type="submit" className="editor-button editor-button-primary" disabled={shown.length === 0}>
          Link
        </button>
        <button type="button" className="editor-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
