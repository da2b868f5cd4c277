import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { mappingLines } from '../../../../shared/import-mapping';
import { alreadyThereNotice, importHeadline } from '../../../../shared/import-summary';
import { useStore } from '../../store/context';
import type { ChosenFile } from '../../store/import-slice';
import { ModalDialog } from '../dialog/ModalDialog';
import { DialogButton } from './DialogButton';
import { FormatSelect } from './FormatSelect';

/** The header's Import… button and its dialog. */
export function ImportButton() {
  return <DialogButton name="import" label="Import…" dialog={(close) => <ImportDialog onClose={close} />} />;
}

/**
 * Brings in another tool's work: a format, the files (or, for brat, a folder) and the project
 * folder the texts go into. Main checks all of it first; the dialog lists every problem, or what
 * was added.
 */
function ImportDialog({ onClose }: { onClose: () => void }) {
  const { formats, running, outcome, error } = useStore((s) => s.importing);
  const load = useStore((s) => s.loadImportFormats);
  const run = useStore((s) => s.runImport);
  const reset = useStore((s) => s.resetImport);
  const offeredNow = useStore((s) => s.offeredImport);
  // As it was when the dialog opened (the store drops it when the dialog closes).
  const [offered] = useState(offeredNow);
  const offeredFile = offered && 'file' in offered ? offered : null;
  const [format, setFormat] = useState(offeredFile?.format ?? 'brat');
  const [folder, setFolder] = useState(false);
  const [into, setInto] = useState('imported');
  const [chosen, setChosen] = useState<File[]>(() =>
    offeredFile ? [new File([offeredFile.file.bytes as Uint8Array<ArrayBuffer>], offeredFile.file.path)] : [],
  );
  const picker = useRef<HTMLInputElement>(null);
  const hintId = useId();

  useEffect(() => {
    reset();
    void load();
  }, [load, reset]);
  // A file opened with Gloss is offered to this dialog only: closed, it is done with.
  const dropOffered = useStore((s) => s.dropOfferedImport);
  useEffect(() => dropOffered, [dropOffered]);

  // A folder is chosen through the same input with the browsers' directory attribute.
  useEffect(() => {
    picker.current?.toggleAttribute('webkitdirectory', folder);
  }, [folder]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0 || running) return;
    const files: ChosenFile[] = await Promise.all(
      chosen.map(async (file) => ({
        path: file.webkitRelativePath || file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      })),
    );
    // Empty: the project's own folder, where texts already there take the annotations.
    await run(format, into.trim().replace(/^\/+|\/+$/g, ''), files);
  };

  return (
    <ModalDialog title="Import another tool's work" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} aria-busy={running}>
        {offeredFile && (
          <p role="status">
            Opened with Gloss: <strong>{offeredFile.file.path}</strong>. Choose where its texts go, then
            Import.
          </p>
        )}
        {offered && 'error' in offered && (
          <p className="field-error" role="alert">
            The file opened with Gloss could not be read: {offered.error.message}
          </p>
        )}
        <FormatSelect formats={formats} value={format} onChange={setFormat} />
        <label className="modal-choice">
          <input type="checkbox" checked={folder} onChange={(event) => setFolder(event.target.checked)} />
          Choose a folder (brat: .txt and .ann files)
        </label>
        <label className="sp-field">
          <span>{folder ? 'Folder' : 'Files'}</span>
          <input
            ref={picker}
            type="file"
            multiple
            onChange={(event) => setChosen([...(event.target.files ?? [])])}
          />
        </label>
        <label className="sp-field">
          <span>Into the project folder</span>
          <input value={into} onChange={(event) => setInto(event.target.value)} aria-describedby={hintId} />
        </label>
        <p id={hintId}>
          New texts become articles there (leave it empty for the project's own folder). A text whose article
          is there already, with the same text, brings only its annotations; no article is overwritten.
        </p>
        {running && <p role="status">Checking and importing…</p>}
        {error && (
          <p className="field-error" role="alert">
            The import failed: {error.message}
          </p>
        )}
        {outcome && !outcome.ok && (
          <div role="alert">
            <p>Nothing was imported. Problems in the input:</p>
            <ul className="import-problems">
              {outcome.problems.map((problem, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown once and never reordered.
                <li key={index}>
                  {problem.file}
                  {problem.line === undefined ? '' : `:${problem.line}`}: {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.ok && (
          <p role="status">
            {importHeadline(outcome)}
            {outcome.codesAdded.length > 0 ? `; new codes: ${outcome.codesAdded.join(', ')}` : ''}.
            {alreadyThereNotice(outcome) ? ` ${alreadyThereNotice(outcome)}.` : ''}
          </p>
        )}
        {outcome?.ok && mappingLines(outcome).length > 0 && (
          <ul className="import-mapping" aria-label="How the lines were read">
            {mappingLines(outcome).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={chosen.length === 0 || running}>
            Import
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
