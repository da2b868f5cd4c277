import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../../shared/model/codebook';
import { ColorInput, NameInput, ShortcutInput } from './CodeFields';
import { type CodeNode, codeTree, siblingsOf } from './codebook-view';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { SaveError } from './FormParts';
import { NewCodeForm } from './NewCodeForm';
import { RelationTypesEditor } from './RelationTypesEditor';
import { useCodebook } from './use-project-data';
import { useSaveAction } from './use-save-action';

/**
 * The codebook in edit mode: rename, recolour, reorder (buttons or Alt+↑/↓), set shortcuts,
 * delete, and add codes and groups; below them the relation types. Each change is saved to
 * project.json as it is made.
 */
export function CodebookEditor() {
  const codes = useCodebook().codes;
  const tree = useMemo(() => codeTree(codes), [codes]);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const [adding, setAdding] = useState<'code' | 'group' | null>(null);
  const serial = useSerial();

  return (
    <>
      <p className="tab-hint">Changes are saved as you make them. Alt+↑/↓ moves the focused code.</p>
      <ul className="code-editor" aria-label="Codebook">
        {tree.map((node) => (
          <EditableCode key={node.code.id} node={node} onDelete={setDeleting} serial={serial} />
        ))}
      </ul>
      {adding ? (
        <NewCodeForm kind={adding} onDone={() => setAdding(null)} />
      ) : (
        <div className="tab-toolbar">
          <button type="button" className="button" onClick={() => setAdding('code')}>
            Add code
          </button>
          <button type="button" className="button" onClick={() => setAdding('group')}>
            Add group
          </button>
        </div>
      )}
      <RelationTypesEditor />
      {deleting && <DeleteCodeDialog code={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function EditableCode({
  node,
  onDelete,
  serial,
}: {
  node: CodeNode;
  onDelete: (code: Code) => void;
  serial: Serial;
}) {
  const { code, children } = node;
  const codes = useCodebook().codes;
  const { error, run } = useSaveAction();
  const siblings = siblingsOf(codes, code);
  const index = siblings.findIndex((c) => c.id === code.id);

  // Moves run one after another, each from the codebook the last one left: Alt+↓ pressed
  // twice quickly moves the code two places.
  const move = (by: -1 | 1) =>
    serial(async () => {
      const focused = document.activeElement;
      await run((s) => {
        const current = siblingsOf(s.project?.codebook.codes ?? [], code);
        const to = current.findIndex((c) => c.id === code.id) + by;
        return to < 0 || to >= current.length
          ? Promise.resolve(true)
          : s.moveCode(code.id, code.parentId, to);
      });
      // The row is drawn again in its new place; keep focus on the control that moved it.
      if (focused instanceof HTMLElement && focused.isConnected && !focused.hasAttribute('disabled'))
        focused.focus();
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li>
      {/* Alt+↑/↓ work from any control of the row; the row itself is not a focus stop. */}
      <fieldset className="code-edit-row" onKeyDown={onKeyDown}>
        <legend className="visually-hidden">{code.name}</legend>
        <ColorInput
          label={`Colour of ${code.name}`}
          value={code.color}
          onCommit={(color) => run((s) => s.updateCode(code.id, { color }))}
        />
        <NameInput
          label={`Name of ${code.name}`}
          value={code.name}
          onCommit={(name) => run((s) => s.updateCode(code.id, { name }))}
        />
        {code.codable ? (
          <ShortcutInput
            label={`Shortcut for ${code.name}`}
            value={code.shortcut ?? ''}
            onCommit={(shortcut) => run((s) => s.updateCode(code.id, { shortcut: shortcut || null }))}
          />
        ) : (
          <span className="code-edit-group-label">group</span>
        )}
        <button
          type="button"
          className="sp-icon-button"
          aria-label={`Move ${code.name} up`}
          title="Move up (Alt+↑)"
          disabled={index <= 0}
          onClick={() => move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="sp-icon-button"
          aria-label={`Move ${code.name} down`}
          title="Move down (Alt+↓)"
          disabled={index >= siblings.length - 1}
          onClick={() => move(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="sp-icon-button"
          aria-label={`Delete ${code.name}`}
          title="Delete…"
          onClick={() => onDelete(code)}
        >
          ✕
        </button>
      </fieldset>
      <SaveError message={error} />
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <EditableCode key={child.code.id} node={child} onDelete={onDelete} serial={serial} />
          ))}
        </ul>
      )}
    </li>
  );
}

type Serial = (task: () => Promise<void>) => void;

/** Runs tasks one at a time, in the order given. */
function useSerial(): Serial {
  const last = useRef<Promise<void>>(Promise.resolve());
  return useCallback((task) => {
    last.current = last.current.then(task, task);
  }, []);
}
