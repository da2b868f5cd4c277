import { useEffect, useRef, useState } from 'react';

/**
 * The codebook editor's in-place fields. Each shows the saved value, saves through `onCommit`
 * (resolving false when the project refused) and shows the saved value again after a refusal.
 */

/** What a field shows: the saved value until edited, and the saved value again whenever it changes. */
function useFieldDraft(value: string) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft] as const;
}

/** A name edited in place: Enter or leaving the field saves it, Escape puts the saved name back. */
export function NameInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (name: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useFieldDraft(value);
  const commit = async () => {
    const name = draft.trim();
    if (name === '' || name === value) {
      setDraft(value);
      return;
    }
    if (!(await onCommit(name))) setDraft(value);
  };
  return (
    <input
      className="code-edit-name"
      aria-label={label}
      value={draft}
      maxLength={120}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit();
        else if (event.key === 'Escape') {
          // Handled here: the window's Escape (deselect) is not run as well.
          event.preventDefault();
          setDraft(value);
        }
      }}
    />
  );
}

/** One letter or digit; typing it saves it, emptying the field clears it. */
export function ShortcutInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (shortcut: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useFieldDraft(value);
  const [invalid, setInvalid] = useState(false);
  const change = async (typed: string) => {
    const shortcut = typed.toLowerCase();
    setDraft(shortcut);
    const valid = shortcut === '' || /^[a-z0-9]$/.test(shortcut);
    setInvalid(!valid);
    if (!valid || shortcut === value) return;
    if (!(await onCommit(shortcut))) setDraft(value);
  };
  return (
    <>
      <input
        className="code-edit-shortcut"
        aria-label={label}
        aria-invalid={invalid || undefined}
        title="Shortcut: one letter or digit"
        value={draft.toUpperCase()}
        maxLength={1}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => void change(event.target.value)}
        onBlur={() => {
          if (invalid) {
            setInvalid(false);
            setDraft(value);
          }
        }}
      />
      {invalid && (
        <span className="field-error code-edit-shortcut-error" role="alert">
          One letter or digit
        </span>
      )}
    </>
  );
}

/**
 * A colour picker that saves when the choice is made (the native change event), not on every
 * step of dragging through the picker (React's onChange, which only updates what is shown).
 */
export function ColorInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (color: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useFieldDraft(value);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const onChange = () => {
      const color = element.value.toLowerCase();
      if (color === latest.current.value.toLowerCase()) return;
      void latest.current.onCommit(color).then((ok) => {
        if (!ok) setDraft(latest.current.value);
      });
    };
    element.addEventListener('change', onChange);
    return () => element.removeEventListener('change', onChange);
  }, [setDraft]);

  return (
    <input
      ref={input}
      type="color"
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
    />
  );
}
