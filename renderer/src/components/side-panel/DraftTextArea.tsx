import { useEffect, useRef, useState } from 'react';

/** How long typing may pause before the draft is saved. */
export const IDLE_SAVE_MS = 600;

/**
 * A text area whose draft lives here, not in the store: typing re-renders only this field.
 * The draft is saved when the field loses focus, after a pause in typing, and when the field
 * goes away with unsaved typing. A new saved value (undo, another window) replaces the draft
 * unless there is unsaved typing in it.
 */
export function DraftTextArea({
  label,
  value,
  onSave,
  disabled,
  rows = 3,
  placeholder,
}: {
  label: string;
  value: string;
  onSave: (text: string) => void;
  disabled?: boolean;
  rows?: number;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  /** The last text saved or received; the draft differs from it while there is unsaved typing. */
  const saved = useRef(value);
  const latest = useRef({ draft, onSave });
  latest.current = { draft, onSave };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = () => {
    clearTimeout(timer.current);
    const { draft: text, onSave: send } = latest.current;
    if (text === saved.current) return;
    saved.current = text;
    send(text);
  };

  useEffect(() => {
    if (value === saved.current) return;
    if (latest.current.draft === saved.current) setDraft(value);
    saved.current = value;
  }, [value]);

  // Unsaved typing is saved when the field goes away (another annotation chosen, panel closed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, reading the latest draft through refs
  useEffect(() => save, []);

  return (
    <label className="sp-field draft-field">
      {label}
      <textarea
        value={draft}
        rows={rows}
        disabled={disabled}
        placeholder={placeholder}
        maxLength={100_000}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          latest.current.draft = text;
          clearTimeout(timer.current);
          timer.current = setTimeout(save, IDLE_SAVE_MS);
        }}
        onBlur={save}
      />
    </label>
  );
}
