import { type FormEvent, useId, useState } from 'react';
import type { AnnotatorInfo } from '../../../../shared/api';
import type { ApiErrorShape } from '../../../../shared/api-error';
import { useStore } from '../../store/context';
import { ModalDialog } from '../dialog/ModalDialog';

/**
 * Asks who is annotating: on first start (offering the system user's name), to change it, or when
 * another computer uses the name in this project. Main checks the name against the project's
 * annotators; a refusal is shown with the way out when it is the same person elsewhere.
 */
export function AnnotatorDialog({ info, onClose }: { info: AnnotatorInfo; onClose: () => void }) {
  const choose = useStore((s) => s.chooseAnnotator);
  const [name, setName] = useState(info.chosen ? info.name : info.suggested);
  const [refusal, setRefusal] = useState<ApiErrorShape | null>(info.taken ? takenNotice(info) : null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const first = !info.chosen;

  const save = async (sameAnnotator: boolean) => {
    if (busy) return;
    setBusy(true);
    const refused = await choose(name, sameAnnotator);
    setBusy(false);
    if (refused) setRefusal(refused);
    else onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <ModalDialog title={first ? 'Who is annotating?' : 'Who you annotate as'} onClose={onClose}>
      <form onSubmit={submit} aria-busy={busy}>
        <p>
          {first
            ? 'Gloss saves your annotations under your name, in files of your own in each project, so colleagues sharing the folder keep their work apart.'
            : 'The project opens again as the annotator you name; what was saved under the old name stays there.'}
        </p>
        <div className="sp-field">
          <label htmlFor={inputId}>Your name</label>
          <input
            id={inputId}
            value={name}
            // biome-ignore lint/a11y/noAutofocus: the dialog asks this one thing
            autoFocus
            maxLength={64}
            onChange={(event) => {
              setName(event.target.value);
              setRefusal(null);
            }}
          />
        </div>
        {refusal && (
          <p className="field-error" role="alert">
            {refusal.message}
          </p>
        )}
        <div className="modal-actions">
          {refusal?.code === 'conflict' && (
            <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
              This is me on another computer
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {first ? 'Not now' : 'Cancel'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The project was opened only to read because another computer uses the name here. */
function takenNotice(info: AnnotatorInfo): ApiErrorShape {
  const { computer, since } = info.taken!;
  return {
    code: 'conflict',
    message: `"${info.name}" is already an annotator of this project, on another computer (${computer || 'unnamed'}, since ${since.slice(0, 10)}). The project is open only to read until you choose another name, or say that is you.`,
  };
}
