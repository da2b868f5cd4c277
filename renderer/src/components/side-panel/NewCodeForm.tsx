import { type FormEvent, useState } from 'react';
import type { CodeRole } from '../../../../shared/model/codebook';
import { AllCodeOptions } from './CodeOptions';
import { FormActions, SaveError } from './FormParts';
import { useCodebook } from './use-project-data';
import { useSaveAction } from './use-save-action';

const GROUP_ROLES: readonly { role: CodeRole; label: string }[] = [
  { role: 'concern', label: 'Concerns (plain codes)' },
  { role: 'stakeholder', label: 'Stakeholders (linked to the register)' },
  { role: 'figure', label: 'Figures (with a value)' },
  { role: 'other', label: 'Other' },
];

const NEW_GROUP_COLOR = '#888888';

/**
 * Adds a code under a group (or any code), or a new group. A group is a top-level code that
 * is not applied itself; its role says what applying its codes means.
 */
export function NewCodeForm({ kind, onDone }: { kind: 'code' | 'group'; onDone: () => void }) {
  const codes = useCodebook().codes;
  const { error, run } = useSaveAction();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState(codes.find((c) => c.parentId === null)?.id ?? '');
  const parent = codes.find((c) => c.id === parentId);
  const [color, setColor] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [role, setRole] = useState<CodeRole>('concern');
  const shownColor = color ?? parent?.color ?? NEW_GROUP_COLOR;
  const isGroup = kind === 'group';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = isGroup
      ? { name: name.trim(), parentId: null, color: shownColor, role, codable: false }
      : {
          name: name.trim(),
          parentId: parentId || null,
          color: shownColor,
          ...(shortcut ? { shortcut: shortcut.toLowerCase() } : {}),
        };
    if (await run((s) => s.addCode(request))) onDone();
  };

  return (
    <form
      className="sp-form"
      aria-label={isGroup ? 'New group' : 'New code'}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
    >
      <h3>{isGroup ? 'New group' : 'New code'}</h3>
      <label className="sp-field">
        Name
        {/* biome-ignore lint/a11y/noAutofocus: the form opens because the researcher asked to type a name */}
        <input value={name} required maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      {isGroup ? (
        <label className="sp-field">
          Kind of codes
          <select value={role} onChange={(e) => setRole(e.target.value as CodeRole)}>
            {GROUP_ROLES.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className="sp-field">
          Group
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <AllCodeOptions codes={codes} />
          </select>
        </label>
      )}
      <div className="sp-field-row">
        <label className="sp-field">
          Colour
          <input type="color" value={shownColor} onChange={(e) => setColor(e.target.value)} />
        </label>
        {!isGroup && (
          <label className="sp-field">
            Shortcut
            <input
              value={shortcut.toUpperCase()}
              maxLength={1}
              pattern="[A-Za-z0-9]"
              title="One letter or digit"
              onChange={(e) => setShortcut(e.target.value)}
            />
          </label>
        )}
      </div>
      <SaveError message={error} />
      <FormActions submitLabel={isGroup ? 'Add group' : 'Add code'} onCancel={onDone} />
    </form>
  );
}
