import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useStore } from '../../store/context';
import { ModalDialog } from '../dialog/ModalDialog';
import { DialogButton } from './DialogButton';
import { FormatSelect } from './FormatSelect';

type Which = 'all' | 'done' | 'open';

/** The header's Export… button and its dialog. */
export function ExportButton() {
  return <DialogButton name="export" label="Export…" dialog={(close) => <ExportDialog onClose={close} />} />;
}

/**
 * Exports the annotated dataset: a format, which documents, and the format's options. The files
 * go into a new folder under the project's .gloss/exports/ (the screens choose no paths); the
 * dialog shows reading progress and then where they are.
 */
function ExportDialog({ onClose }: { onClose: () => void }) {
  const { formats, running, progress, result, error } = useStore((s) => s.exporting);
  const load = useStore((s) => s.loadExportFormats);
  const run = useStore((s) => s.runExport);
  const reset = useStore((s) => s.resetExport);
  const openKey = useStore((s) => s.reader.key);
  const codes = useStore((s) => s.project?.codebook.codes);
  const groups = useMemo(() => codes?.filter((c) => c.parentId === null), [codes]);
  const [format, setFormat] = useState('jsonl');
  const [which, setWhich] = useState<Which>('all');
  const [bom, setBom] = useState(false);
  const [group, setGroup] = useState('');
  const [chosenCodes, setChosenCodes] = useState<string[]>([]);
  const [annotators, setAnnotators] = useState('');
  const ids = useId();

  useEffect(() => {
    reset();
    void load();
  }, [load, reset]);

  const chosen = formats?.find((f) => f.id === format);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || running) return;
    void run({
      format: chosen.id,
      documents: which === 'open' && openKey ? [openKey] : which === 'open' ? 'all' : which,
      ...(chosenCodes.length > 0 ? { codes: chosenCodes } : {}),
      ...(annotatorList(annotators).length > 0 ? { annotators: annotatorList(annotators) } : {}),
      ...(chosen.id === 'csv' && bom ? { bom: true } : {}),
      ...(chosen.id === 'conll' && group ? { group } : {}),
    });
  };

  return (
    <ModalDialog title="Export the dataset" onClose={onClose}>
      <form onSubmit={submit} aria-busy={running}>
        <FormatSelect formats={formats} value={format} onChange={setFormat} />
        {chosen && chosen.offsets !== 'none' && <p>Offsets count {chosen.offsets}.</p>}
        <fieldset>
          <legend>Documents</legend>
          {(
            [
              ['all', 'All documents'],
              ['done', 'Only those marked done'],
              ['open', 'The open document'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="modal-choice">
              <input
                type="radio"
                name={`${ids}-documents`}
                value={value}
                checked={which === value}
                disabled={value === 'open' && !openKey}
                onChange={() => setWhich(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="sp-field">
          <span>Codes (none chosen: all; a group takes its codes)</span>
          <select
            multiple
            size={6}
            value={chosenCodes}
            onChange={(event) =>
              setChosenCodes([...event.target.selectedOptions].map((option) => option.value))
            }
          >
            {(codes ?? []).map((code) => (
              <option key={code.id} value={code.id}>
                {code.parentId === null ? code.name : `\u2003${code.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="sp-field">
          <span>Annotators (comma-separated; empty: all)</span>
          <input value={annotators} onChange={(event) => setAnnotators(event.target.value)} />
        </label>
        {chosen?.id === 'csv' && (
          <label className="modal-choice">
            <input type="checkbox" checked={bom} onChange={(event) => setBom(event.target.checked)} />
            Start with a byte-order mark (for Excel)
          </label>
        )}
        {chosen?.id === 'conll' && (
          <label className="sp-field">
            <span>Tag the codes of</span>
            <select value={group} onChange={(event) => setGroup(event.target.value)}>
              <option value="">the stakeholder group</option>
              {(groups ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {running && (
          <p>
            <progress
              aria-label="Reading documents"
              max={Math.max(progress?.total ?? 1, 1)}
              value={progress?.done ?? 0}
            />{' '}
            {progress ? `${progress.done} of ${progress.total} documents` : 'Starting…'}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            The export failed: {error.message}
          </p>
        )}
        {result && (
          <p role="status">
            Exported {result.documents} document{result.documents === 1 ? '' : 's'} and {result.annotations}{' '}
            annotation{result.annotations === 1 ? '' : 's'} to <code>{result.folder}/</code>
            {result.files.length <= 3 ? ` (${result.files.join(', ')})` : ` (${result.files.length} files)`}.
          </p>
        )}
        {result && result.orphansLeftOut > 0 && (
          <p className="field-error">
            {result.orphansLeftOut === 1
              ? '1 orphaned annotation was left out: it was not found again after its article changed.'
              : `${result.orphansLeftOut} orphaned annotations were left out: they were not found again after their articles changed.`}{' '}
            Re-attach or delete them under Annotations, then export again.
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={!chosen || running}>
            Export
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function annotatorList(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}
