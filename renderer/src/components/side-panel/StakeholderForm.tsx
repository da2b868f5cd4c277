import { type FormEvent, useState } from 'react';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../../../shared/model/vocabulary';
import { STAKEHOLDER_KIND_LABELS } from '../editors/StakeholderPicker';
import { FormActions, SaveError } from './FormParts';
import { useSaveAction } from './use-save-action';

/** Adds a stakeholder to the register, or edits one (`stakeholder` given). Aliases are typed comma-separated. */
export function StakeholderForm({ stakeholder, onDone }: { stakeholder?: Stakeholder; onDone: () => void }) {
  const { error, run } = useSaveAction();
  const [name, setName] = useState(stakeholder?.name ?? '');
  const [kind, setKind] = useState<StakeholderKind>(stakeholder?.kind ?? 'company');
  const [aliases, setAliases] = useState(stakeholder?.aliases.join(', ') ?? '');
  const [description, setDescription] = useState(stakeholder?.description ?? '');
  const [country, setCountry] = useState(stakeholder?.country ?? '');
  const title = stakeholder ? `Edit ${stakeholder.name}` : 'New stakeholder';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      kind,
      aliases: aliases
        .split(',')
        .map((alias) => alias.trim())
        .filter(Boolean),
      description: description.trim(),
      country: country.trim(),
    };
    const saved = stakeholder
      ? await run((s) => s.updateStakeholder(stakeholder.id, fields))
      : await run(async (s) => {
          const { description, country, ...rest } = fields;
          return (
            (await s.addStakeholder({
              ...rest,
              ...(description ? { description } : {}),
              ...(country ? { country } : {}),
            })) !== undefined
          );
        });
    if (saved) onDone();
  };

  return (
    <form
      className="sp-form"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
    >
      <h3>{title}</h3>
      <label className="sp-field">
        Name
        {/* biome-ignore lint/a11y/noAutofocus: the form opens because the researcher asked to fill it in */}
        <input value={name} required maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="sp-field">
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as StakeholderKind)}>
          {STAKEHOLDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {STAKEHOLDER_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="sp-field">
        Aliases (comma-separated)
        <input
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
          placeholder="TikTok's owner, BD"
        />
      </label>
      <label className="sp-field">
        Country
        <input value={country} maxLength={100} onChange={(e) => setCountry(e.target.value)} />
      </label>
      <label className="sp-field">
        Description
        <textarea value={description} rows={2} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <SaveError message={error} />
      <FormActions submitLabel={stakeholder ? 'Save' : 'Add stakeholder'} onCancel={onDone} />
    </form>
  );
}
