import { type FormEvent, useId, useState } from 'react';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { SaveError } from './FormParts';
import { useSaveAction } from './use-save-action';

/**
 * A stakeholder's aliases one by one: each with its own Remove button, and a field to add one.
 * (The register's form edits them as one comma-separated field; here they are kept apart, so an
 * alias with a comma in it is not split.)
 */
export function AliasEditor({ stakeholder, editable }: { stakeholder: Stakeholder; editable: boolean }) {
  const { error, run } = useSaveAction();
  const [draft, setDraft] = useState('');
  const headingId = useId();
  const { id, name, aliases } = stakeholder;

  const save = (next: string[]) => run((s) => s.updateStakeholder(id, { aliases: next }));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const alias = draft.trim();
    if (alias && (await save([...aliases, alias]))) setDraft('');
  };

  return (
    <section className="stakeholder-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="stakeholder-section-heading">
        Aliases
      </h3>
      {aliases.length === 0 ? (
        <p className="stakeholder-empty">No other names.</p>
      ) : (
        <ul className="alias-list" aria-labelledby={headingId}>
          {aliases.map((alias) => (
            <li key={alias} className="alias-chip">
              <span>{alias}</span>
              {editable && (
                <button
                  type="button"
                  className="alias-remove"
                  aria-label={`Remove alias ${alias}`}
                  onClick={() => void save(aliases.filter((a) => a !== alias))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="alias-add" aria-label={`Add an alias of ${name}`} onSubmit={add}>
          <input
            aria-label="New alias"
            value={draft}
            maxLength={200}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button" disabled={draft.trim() === ''}>
            Add alias
          </button>
        </form>
      )}
      <SaveError message={error} />
    </section>
  );
}
