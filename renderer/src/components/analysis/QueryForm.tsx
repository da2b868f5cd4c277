import { type ReactNode, useMemo } from 'react';
import type { QueryCondition } from '../../../../shared/analysis/coding-query';
import { COOCCURRENCE_RULES, type CooccurrenceRule } from '../../../../shared/analysis/cooccurrence';
import { useStore } from '../../store/context';
import { withDepths } from '../side-panel/codebook-view';
import { QueryLimits } from './QueryLimits';

export const NEAR_CHOICES: Record<CooccurrenceRule, string> = {
  overlap: 'overlapping',
  sentence: 'in the same sentence as',
  paragraph: 'in the same paragraph as',
};

/** What the query asks: the codes (any of them, a group with its codes), the conditions, the limits. */
export function QueryForm() {
  return (
    <div className="analysis-controls query-form">
      <CodeChoices />
      <Conditions />
      <QueryLimits />
    </div>
  );
}

function CodeChoices() {
  const codes = useStore((s) => s.project?.codebook.codes);
  const chosen = useStore((s) => s.codingQueryForm.codes);
  const setForm = useStore((s) => s.setCodingQueryForm);
  const toggle = (id: string, on: boolean) =>
    setForm({ codes: on ? [...chosen, id] : chosen.filter((c) => c !== id) });
  const groups = new Set(codes?.map((c) => c.parentId));
  return (
    <fieldset className="query-codes">
      <legend>Passages coded (any of these)</legend>
      <div className="query-code-list">
        {withDepths(codes ?? []).map(({ code: c, depth }) => (
          <label key={c.id} className="query-code" style={{ paddingLeft: `${depth}rem` }}>
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.name}
            {groups.has(c.id) && <span className="query-hint"> (and its codes)</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A condition's target in its select: "code:<id>" or "stakeholder:<id>". */
const targetOf = (c: QueryCondition) => (c.code ? `code:${c.code}` : `stakeholder:${c.stakeholderId}`);
const fromTarget = (value: string): Pick<QueryCondition, 'code' | 'stakeholderId'> =>
  value.startsWith('code:') ? { code: value.slice(5) } : { stakeholderId: value.slice(12) };

function Conditions() {
  const project = useStore((s) => s.project);
  const conditions = useStore((s) => s.codingQueryForm.conditions);
  const setForm = useStore((s) => s.setCodingQueryForm);
  const firstCode = project?.codebook.codes[0]?.id;
  const replace = (index: number, condition: QueryCondition | null) =>
    setForm({
      conditions: conditions.flatMap((c, i) => (i !== index ? [c] : condition ? [condition] : [])),
    });
  const stakeholders = useMemo(
    () => [...(project?.stakeholders ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [project],
  );
  return (
    <fieldset className="query-conditions">
      <legend>Conditions (all must hold)</legend>
      {conditions.map((condition, index) => (
        <ConditionRow
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place.
          key={index}
          index={index}
          condition={condition}
          onChange={(c) => replace(index, c)}
          targets={
            <>
              <optgroup label="Codes">
                {project?.codebook.codes.map((c) => (
                  <option key={c.id} value={`code:${c.id}`}>
                    a passage coded {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Stakeholders">
                {stakeholders.map((s) => (
                  <option key={s.id} value={`stakeholder:${s.id}`}>
                    a mention of {s.name}
                  </option>
                ))}
              </optgroup>
            </>
          }
        />
      ))}
      <button
        type="button"
        className="button"
        disabled={!firstCode || conditions.length >= 20}
        onClick={() => setForm({ conditions: [...conditions, { code: firstCode!, rule: 'paragraph' }] })}
      >
        Add condition
      </button>
    </fieldset>
  );
}

function ConditionRow({
  index,
  condition,
  onChange,
  targets,
}: {
  index: number;
  condition: QueryCondition;
  onChange(condition: QueryCondition | null): void;
  targets: ReactNode;
}) {
  const name = `Condition ${index + 1}`;
  return (
    <fieldset className="query-condition">
      <legend className="visually-hidden">{name}</legend>
      <select
        aria-label={`${name}: with or without`}
        value={condition.not ? 'without' : 'with'}
        onChange={(e) => onChange({ ...condition, not: e.target.value === 'without' || undefined })}
      >
        <option value="with">with</option>
        <option value="without">not</option>
      </select>
      <select
        aria-label={`${name}: how near`}
        value={condition.rule}
        onChange={(e) => onChange({ ...condition, rule: e.target.value as CooccurrenceRule })}
      >
        {COOCCURRENCE_RULES.map((rule) => (
          <option key={rule} value={rule}>
            {NEAR_CHOICES[rule]}
          </option>
        ))}
      </select>
      <select
        aria-label={`${name}: what`}
        value={targetOf(condition)}
        onChange={(e) =>
          onChange({ rule: condition.rule, not: condition.not, ...fromTarget(e.target.value) })
        }
      >
        {targets}
      </select>
      <button
        type="button"
        className="button"
        aria-label={`Remove condition ${index + 1}`}
        onClick={() => onChange(null)}
      >
        ×
      </button>
    </fieldset>
  );
}
