import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Code } from '../../../../shared/model/codebook';
import { roleOf, subtreeIds } from '../../../../shared/model/codebook-tree';
import { useStore } from '../../store/context';
import { ModalDialog } from '../dialog/ModalDialog';
import { CodeOptions } from './CodeOptions';
import { codableOptions } from './codebook-view';
import { SaveError } from './FormParts';
import { useCodebook } from './use-project-data';
import { useSaveAction } from './use-save-action';

/**
 * Confirms deleting a code and its children. When they are in use (in the open document, or,
 * as the project answers, in another), asks whether to move those annotations to another code
 * or remove them. Only this annotator's files change.
 */
export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const codebook = useCodebook();
  const { codes } = codebook;
  const annotations = useStore((s) => s.reader.annotations);
  const codeFilter = useStore((s) => s.codeFilter);
  const setCodeFilter = useStore((s) => s.setCodeFilter);
  const { error, run } = useSaveAction();
  const removed = useMemo(() => subtreeIds(codebook, code.id), [codebook, code.id]);
  const children = codes.filter((c) => c.id !== code.id && removed.has(c.id));
  const usedHere = annotations.filter((a) => removed.has(a.code)).length;
  // The first code of the same kind (a concern for a concern) is the likeliest home for its annotations.
  const targets = codableOptions(codes, removed).flatMap((group) => group.options.map((o) => o.code.id));
  const role = roleOf(codebook, code.id);
  const firstTarget = targets.find((id) => roleOf(codebook, id) === role) ?? targets[0] ?? '';

  // Set when the project refused to delete a code this document does not use: others do.
  const [usedElsewhere, setUsedElsewhere] = useState(false);
  const [action, setAction] = useState<'reassign' | 'remove'>(firstTarget ? 'reassign' : 'remove');
  const [target, setTarget] = useState(firstTarget);
  const choiceName = useId();
  const needsChoice = usedHere > 0 || usedElsewhere;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const choice = !needsChoice
      ? ({ action: 'refuse-if-used' } as const)
      : action === 'reassign'
        ? ({ action: 'reassign', to: target } as const)
        : ({ action: 'remove' } as const);
    if (await run((s) => s.deleteCode(code.id, choice))) {
      if (codeFilter.some((id) => removed.has(id)))
        setCodeFilter(codeFilter.filter((id) => !removed.has(id)));
      onClose();
    } else if (!needsChoice) {
      setUsedElsewhere(true);
    }
  };

  return (
    <ModalDialog title={`Delete “${code.name}”?`} onClose={onClose}>
      <form onSubmit={submit}>
        {children.length > 0 && (
          <p>
            {children.length === 1 ? 'Its code goes with it: ' : `Its ${children.length} codes go with it: `}
            {children.map((c) => c.name).join(', ')}.
          </p>
        )}
        {usedHere > 0 && (
          <p>
            {usedHere === 1
              ? 'It is used by 1 annotation in this document'
              : `It is used by ${usedHere} annotations in this document`}
            , and perhaps in others.
          </p>
        )}
        <SaveError message={error} />
        {needsChoice ? (
          <fieldset>
            <legend>Its annotations</legend>
            <div className="modal-choice">
              <input
                type="radio"
                id={`${choiceName}-reassign`}
                name={choiceName}
                checked={action === 'reassign'}
                disabled={!firstTarget}
                onChange={() => setAction('reassign')}
              />
              <label htmlFor={`${choiceName}-reassign`}>Move its annotations to</label>
              <select
                aria-label="Code to move them to"
                value={target}
                disabled={action !== 'reassign'}
                onChange={(e) => setTarget(e.target.value)}
              >
                <CodeOptions codes={codes} exclude={removed} />
              </select>
            </div>
            <div className="modal-choice">
              <input
                type="radio"
                id={`${choiceName}-remove`}
                name={choiceName}
                checked={action === 'remove'}
                onChange={() => setAction('remove')}
              />
              <label htmlFor={`${choiceName}-remove`}>Remove its annotations</label>
            </div>
            <p className="modal-note">Only your own annotation files are changed.</p>
          </fieldset>
        ) : (
          <p>No annotation in this document uses it.</p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-danger">
            Delete
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
