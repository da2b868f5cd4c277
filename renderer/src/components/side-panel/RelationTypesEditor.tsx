import { type FormEvent, useId, useState } from 'react';
import type { RelationType } from '../../../../shared/model/relation';
import { NameInput } from './CodeFields';
import { SaveError } from './FormParts';
import { useCodebook } from './use-project-data';
import { useSaveAction } from './use-save-action';
import './RelationsSection.css';

/**
 * The codebook's relation types, in edit mode: rename in place, delete (refused while relations of
 * the type exist, with the count), add. Saved to project.json as they are made.
 */
export function RelationTypesEditor() {
  const types = useCodebook().relationTypes;
  const headingId = useId();
  const { error, run } = useSaveAction();
  const [name, setName] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed !== '' && (await run((s) => s.addRelationType(trimmed)))) setName('');
  };

  return (
    <section className="relation-types-editor" aria-labelledby={headingId}>
      <h3 id={headingId} className="relation-types-heading">
        Relation types
      </h3>
      <ul className="code-editor" aria-labelledby={headingId}>
        {types.map((type) => (
          <RelationTypeRow key={type.id} type={type} />
        ))}
      </ul>
      <form className="tab-toolbar" aria-label="New relation type" onSubmit={add}>
        <input
          aria-label="Name of the new relation type"
          placeholder="New relation type"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button">
          Add relation type
        </button>
      </form>
      <SaveError message={error} />
    </section>
  );
}

function RelationTypeRow({ type }: { type: RelationType }) {
  const { error, run } = useSaveAction();
  return (
    <li>
      <div className="code-edit-row" title={type.description || undefined}>
        <NameInput
          label={`Name of relation type ${type.name}`}
          value={type.name}
          onCommit={(name) => run((s) => s.updateRelationType(type.id, { name }))}
        />
        <button
          type="button"
          className="sp-icon-button"
          aria-label={`Delete relation type ${type.name}`}
          title="Delete"
          onClick={() => void run((s) => s.deleteRelationType(type.id))}
        >
          ✕
        </button>
      </div>
      <SaveError message={error} />
    </li>
  );
}
