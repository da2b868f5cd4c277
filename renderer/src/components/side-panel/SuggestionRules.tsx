import type { Suggestion } from '../../../../shared/model/suggestion';
import type { NeverSuggestName } from '../../../../shared/model/suggestion-rules';
import { useStore } from '../../store/context';
import './SuggestionRules.css';

const NO_NAMES: NeverSuggestName[] = [];

/**
 * The project's suggestion rules in one place, each reversible: a switch for tagging mentions
 * of register names as soon as a document is opened, and the names never suggested again, each
 * with Remove. The rules are the whole project's (project.json), so everyone on it sees them.
 */
export function SuggestionRules() {
  const acceptMentions = useStore((s) => s.project?.settings.acceptRegisterMentions ?? false);
  const names = useStore((s) => s.project?.settings.neverSuggest ?? NO_NAMES);
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);
  const setAcceptRegisterMentions = useStore((s) => s.setAcceptRegisterMentions);
  const removeNeverSuggest = useStore((s) => s.removeNeverSuggest);
  return (
    <section className="suggestion-rules" aria-labelledby="suggestion-rules-heading">
      <h2 id="suggestion-rules-heading">Rules</h2>
      <label className="suggestion-rules-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={acceptMentions}
          checked={acceptMentions}
          disabled={readOnly}
          onChange={(event) => void setAcceptRegisterMentions(event.target.checked)}
        />
        Always accept mentions of register names
      </label>
      <p className="suggestion-rules-hint">
        {acceptMentions
          ? 'Opening a document tags each mention once; delete one and it is suggested again, not tagged.'
          : 'For everyone on this project.'}
      </p>
      {names.length === 0 ? (
        <p className="suggestion-rules-hint">No names are left out of suggestions.</p>
      ) : (
        <ul className="suggestion-rules-names" aria-label="Never suggested">
          {names.map((entry) => (
            <li key={`${entry.kind ?? ''}\n${entry.name}`}>
              <span className="suggestion-rules-name">
                Never suggest “{entry.name}”
                {entry.kind && (
                  <span className="suggestion-rules-kind"> ({KIND_LABEL[entry.kind]} only)</span>
                )}
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Remove “${entry.name}” from the never-suggest list`}
                disabled={readOnly}
                onClick={() => void removeNeverSuggest(entry)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const KIND_LABEL = { candidate: 'as a new stakeholder', stakeholder: 'as a mention' } as const;

/**
 * "Never suggest this name" on a suggestion row: for names only (a possible new stakeholder or a
 * mention), out of the row's tab order as its accept and reject buttons are.
 */
export function NeverSuggestButton({ suggestion }: { suggestion: Suggestion }) {
  const neverSuggest = useStore((s) => s.neverSuggest);
  const readOnly = useStore((s) => s.project?.readOnlyCodebook ?? true);
  if (suggestion.kind !== 'candidate' && suggestion.kind !== 'stakeholder') return null;
  const name = suggestion.quote.replace(/\s+/g, ' ').trim();
  return (
    <button
      type="button"
      className="sp-icon-button suggestion-never"
      aria-label={`Never suggest “${name}”`}
      title={`Never suggest “${name}” in this project`}
      tabIndex={-1}
      disabled={readOnly}
      onClick={() => void neverSuggest(suggestion)}
    >
      ⊘
    </button>
  );
}
