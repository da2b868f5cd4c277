import { type FormEvent, useId, useMemo, useState } from 'react';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import {
  STAKEHOLDER_KIND_LABELS,
  STAKEHOLDER_KINDS,
  type StakeholderKind,
} from '../../../../shared/model/vocabulary';
import { isKnownName, matchStakeholders, type StakeholderMatch } from './stakeholder-matching';
import { useCombobox } from './use-combobox';
import './editors.css';

/** Kept here too, where the screens have long taken it from. */
export { STAKEHOLDER_KIND_LABELS };

/** The name of the last option, which makes a new register entry. */
export const NEW_STAKEHOLDER_OPTION = 'New stakeholder from selection';

/** Options shown at once; typing narrows a longer register. */
const SHOWN = 50;

/** The picker's options: the register's matches, then 'new', which makes a new stakeholder. */
type PickerOption = StakeholderMatch | 'new';

export interface StakeholderChoice {
  stakeholder: Stakeholder;
  /** Set when the researcher asked to keep the selected text as a new alias of the stakeholder. */
  addAlias?: string;
}

export interface NewStakeholder {
  name: string;
  kind: StakeholderKind;
}

export interface StakeholderPickerProps {
  /** The register to choose from. */
  stakeholders: readonly Stakeholder[];
  /** The selected text: the first search, the new stakeholder's name, and the alias offered. */
  quote: string;
  /** The stakeholder linked now (when re-linking a mention), marked in the list. */
  currentId?: string;
  onPick(choice: StakeholderChoice): void;
  onCreate(draft: NewStakeholder): void;
  /** Escape in the search. */
  onCancel?(): void;
  /** The search input's label. */
  label?: string;
  autoFocus?: boolean;
  /** True while the parent saves a choice: buttons are disabled so nothing is sent twice. */
  busy?: boolean;
}

/**
 * Links a passage to the stakeholder register: a type-ahead over names and aliases, best matches
 * first, ending with "New stakeholder from selection". When the chosen stakeholder is not known by
 * the selected words yet, it offers to keep them as an alias. Props in, callbacks out: the reader's
 * palette and the side panel's inspector both save through their own store actions.
 */
export function StakeholderPicker({
  stakeholders,
  quote,
  currentId,
  onPick,
  onCreate,
  onCancel,
  label = 'Stakeholder',
  autoFocus = false,
  busy = false,
}: StakeholderPickerProps) {
  const [query, setQuery] = useState(quote);
  const [addAlias, setAddAlias] = useState(true);
  const [creating, setCreating] = useState(false);

  const matches = useMemo(() => matchStakeholders(stakeholders, query), [stakeholders, query]);
  const shown = matches.slice(0, SHOWN);

  const choose = (option: PickerOption) => {
    if (busy) return;
    if (option === 'new') {
      setCreating(true);
      return;
    }
    const alias = addAlias && !isKnownName(option.stakeholder, quote) ? quote.trim() : undefined;
    onPick({ stakeholder: option.stakeholder, ...(alias ? { addAlias: alias } : {}) });
  };
  const combobox = useCombobox<PickerOption>({
    query,
    onQueryChange: setQuery,
    options: [...shown, 'new'],
    onChoose: choose,
    onEscape: onCancel,
  });
  const activeMatch = combobox.activeOption === 'new' ? undefined : combobox.activeOption;
  const offerAlias = activeMatch && quote.trim() !== '' && !isKnownName(activeMatch.stakeholder, quote);

  if (creating) {
    return (
      <NewStakeholderForm
        initialName={query.trim() || quote.trim()}
        busy={busy}
        onCreate={onCreate}
        onBack={() => setCreating(false)}
      />
    );
  }

  return (
    <div className="stakeholder-picker editor-form">
      <label className="editor-label" htmlFor={combobox.inputProps.id}>
        {label}
      </label>
      <input
        className="editor-input"
        {...combobox.inputProps}
        // biome-ignore lint/a11y/noAutofocus: the picker opens because the researcher asked for it.
        autoFocus={autoFocus}
      />
      <div {...combobox.listboxProps} className="picker-options" role="listbox" aria-label="Stakeholders">
        {shown.map((match, index) => (
          <div
            key={match.stakeholder.id}
            {...combobox.optionProps(index)}
            role="option"
            tabIndex={-1}
            className="picker-option"
          >
            <span className="picker-option-name">{match.stakeholder.name}</span>
            <span className="picker-option-meta">
              {STAKEHOLDER_KIND_LABELS[match.stakeholder.kind]}
              {match.alias && ` · “${match.alias}”`}
              {match.stakeholder.id === currentId && ' · linked now'}
            </span>
          </div>
        ))}
        <div
          {...combobox.optionProps(shown.length)}
          role="option"
          tabIndex={-1}
          aria-label={NEW_STAKEHOLDER_OPTION}
          className="picker-option picker-option-new"
        >
          <span className="picker-option-name">{NEW_STAKEHOLDER_OPTION}</span>
          {query.trim() && <span className="picker-option-meta">“{query.trim()}”</span>}
        </div>
      </div>
      {matches.length > shown.length && (
        <p className="editor-hint">{matches.length - shown.length} more: type to narrow the list.</p>
      )}
      {offerAlias && (
        <label className="editor-check">
          <input type="checkbox" checked={addAlias} onChange={(event) => setAddAlias(event.target.checked)} />
          Add “{quote.trim()}” as an alias of {activeMatch.stakeholder.name}
        </label>
      )}
    </div>
  );
}

function NewStakeholderForm({
  initialName,
  busy,
  onCreate,
  onBack,
}: {
  initialName: string;
  busy: boolean;
  onCreate(draft: NewStakeholder): void;
  onBack(): void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<StakeholderKind>('company');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the stakeholder a name.');
      return;
    }
    if (trimmed.length > 200) {
      setError('A name has at most 200 characters.');
      return;
    }
    onCreate({ name: trimmed, kind });
  };

  return (
    <form
      className="new-stakeholder editor-form"
      aria-label="New stakeholder"
      onSubmit={submit}
      onKeyDown={(event) => {
        // Enter on a kind saves too, as it does in the name field.
        if (
          event.key === 'Enter' &&
          event.target instanceof HTMLInputElement &&
          event.target.type === 'radio'
        ) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <label className="editor-label" htmlFor={`${id}-name`}>
        Name
      </label>
      <input
        id={`${id}-name`}
        className="editor-input"
        type="text"
        value={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        // biome-ignore lint/a11y/noAutofocus: the form opens because the researcher chose it.
        autoFocus
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="editor-error">
          {error}
        </p>
      )}
      <fieldset className="editor-choices">
        <legend className="editor-label">Kind</legend>
        {STAKEHOLDER_KINDS.map((value) => (
          <label key={value} className="editor-choice">
            <input
              type="radio"
              name={`${id}-kind`}
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            {STAKEHOLDER_KIND_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="editor-actions">
        <button type="submit" className="editor-button editor-button-primary" disabled={busy}>
          Add stakeholder
        </button>
        <button type="button" className="editor-button" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
