import { type FormEvent, useMemo, useState } from 'react';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { useStore } from '../../store/context';
import { ModalDialog } from '../dialog/ModalDialog';
import { SaveError } from './FormParts';
import { useStakeholders } from './use-project-data';
import { useSaveAction } from './use-save-action';

/** Folds one stakeholder into another, saying first how many mentions move. */
export function MergeDialog({ from, onClose }: { from: Stakeholder; onClose: () => void }) {
  const stakeholders = useStakeholders();
  const mentions = useStore((s) => s.mentionCounts[from.id] ?? 0);
  const targets = useMemo(
    () => stakeholders.filter((s) => s.id !== from.id).sort((a, b) => a.name.localeCompare(b.name)),
    [stakeholders, from.id],
  );
  const [intoId, setIntoId] = useState(targets[0]?.id ?? '');
  const into = targets.find((s) => s.id === intoId);
  const { error, run } = useSaveAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (into && (await run((s) => s.mergeStakeholders(from.id, into.id)))) onClose();
  };

  return (
    <ModalDialog title={`Merge “${from.name}” into…`} onClose={onClose}>
      <form onSubmit={submit}>
        <label className="sp-field">
          Merge into
          <select value={intoId} onChange={(e) => setIntoId(e.target.value)}>
            {targets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {into && (
          <p className="merge-summary">
            {mentions === 1 ? '1 mention' : `${mentions} mentions`} of {from.name} will count as{' '}
            {mentions === 1 ? 'a mention' : 'mentions'} of {into.name}. “{from.name}”
            {from.aliases.length > 0 ? ' and its aliases become aliases' : ' becomes an alias'} of {into.name}
            , and {from.name} leaves the register.
          </p>
        )}
        <SaveError message={error} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!into}>
            Merge
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
