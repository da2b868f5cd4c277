import { type FormEvent, type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { CurationItem } from '../../../../shared/api';
import { useStore } from '../../store/context';
import type { CurationPair } from '../../store/curation-slice';

interface Bounds {
  id: string;
  label: string;
  start: number;
  end: number;
}

/**
 * The curator's own version of a disagreement: a code, and bounds taken from either reading,
 * from both together, from where they overlap, or from the text selected in the reader. Enter
 * saves it as the decision, Escape goes back to the decisions.
 */
export function CurationEditForm({ item, pair }: { item: CurationItem; pair: CurationPair }) {
  const codes = useStore((s) => s.project?.codebook.codes);
  const selection = useStore((s) => s.pendingSelection);
  const edit = useStore((s) => s.editCuration);
  const setEditing = useStore((s) => s.setCurationEditing);
  const text = useStore((s) => s.reader.document?.text ?? '');
  const bounds = useMemo(() => boundsOf(item, pair, selection), [item, pair, selection]);
  const [code, setCode] = useState(item.a?.code ?? item.b?.code ?? '');
  const [chosen, setChosen] = useState(bounds.at(-1)?.id === 'selection' ? 'selection' : bounds[0]?.id);
  const ids = useId();
  const passage = bounds.find((b) => b.id === chosen) ?? bounds[0];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passage && code) edit({ code, start: passage.start, end: passage.end });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setEditing(false);
  };
  return (
    <form className="curation-edit" aria-label="The curated passage" onSubmit={submit} onKeyDown={onKeyDown}>
      <label className="sp-field">
        Code
        {/* biome-ignore lint/a11y/noAutofocus: the form opens on the curator's key, to be filled in at once. */}
        <select autoFocus value={code} onChange={(event) => setCode(event.target.value)}>
          {(codes ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.parentId === null ? c.name : `\u2003${c.name}`}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Passage</legend>
        {bounds.map((b) => (
          <label key={b.id} className="modal-choice">
            <input
              type="radio"
              name={`${ids}-bounds`}
              checked={passage?.id === b.id}
              onChange={() => setChosen(b.id)}
            />
            {b.label}
          </label>
        ))}
      </fieldset>
      {passage && text && (
        <p className="curation-edit-quote">
          <mark>{text.slice(passage.start, passage.end)}</mark>
        </p>
      )}
      <div className="curation-actions">
        <button type="submit" className="button primary">
          Save the curated passage
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function boundsOf(
  item: CurationItem,
  pair: CurationPair,
  selection: { start: number; end: number } | null,
): Bounds[] {
  const { a, b } = item;
  const bounds: Bounds[] = [];
  if (a) bounds.push({ id: 'a', label: `${pair.a}’s passage`, start: a.start, end: a.end });
  if (b) bounds.push({ id: 'b', label: `${pair.b}’s passage`, start: b.start, end: b.end });
  if (a && b && (a.start !== b.start || a.end !== b.end)) {
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    bounds.push({
      id: 'union',
      label: 'Both together',
      start: Math.min(a.start, b.start),
      end: Math.max(a.end, b.end),
    });
    if (start < end) bounds.push({ id: 'overlap', label: 'Where they overlap', start, end });
  }
  if (selection && selection.start < selection.end)
    bounds.push({ id: 'selection', label: 'The text selected in the reader', ...selection });
  return bounds;
}
