import { useStore } from '../../store/context';

/** Undo and redo, each titled with the step it would take back or do again. */
export function HistoryButtons() {
  return (
    <div className="history-buttons">
      <HistoryButton command="undo" />
      <HistoryButton command="redo" />
    </div>
  );
}

const BUTTONS = {
  undo: { name: 'Undo', icon: '↶', keys: 'Control+Z Meta+Z' },
  redo: { name: 'Redo', icon: '↷', keys: 'Control+Shift+Z Meta+Shift+Z Control+Y' },
} as const;

function HistoryButton({ command }: { command: 'undo' | 'redo' }) {
  const run = useStore((s) => s[command]);
  const step = useStore((s) => (command === 'undo' ? s.undoStack : s.redoStack).at(-1)?.label);
  const { name, icon, keys } = BUTTONS[command];
  return (
    <button
      type="button"
      className="button"
      disabled={!step}
      title={step ? `${name} ${step}` : `Nothing to ${name.toLowerCase()}`}
      aria-keyshortcuts={keys}
      onClick={() => void run()}
    >
      <span aria-hidden="true">{icon} </span>
      {name}
    </button>
  );
}
