import { useId, useMemo } from 'react';
import { DOCUMENT_STATUSES } from '../../../../shared/model/document';
import { useStore } from '../../store/context';
import { STATUS_LABELS } from '../document-status';
import { FolderSelect } from '../FolderSelect';

/** Where to look: one annotator's work, documents of some statuses, a folder, publication dates. */
export function QueryLimits() {
  const form = useStore((s) => s.codingQueryForm);
  const setForm = useStore((s) => s.setCodingQueryForm);
  const me = useStore((s) => s.project?.annotator);
  const answer = useStore((s) => s.codingQuery.answer);
  const authorsId = useId();
  const authors = useMemo(
    () => [...new Set([...(me ? [me] : []), ...(answer?.passages.map((p) => p.author) ?? [])])].sort(),
    [me, answer],
  );
  return (
    <fieldset className="query-limits">
      <legend>Only</legend>
      <label className="sp-field">
        Annotator
        <input
          type="text"
          list={authorsId}
          placeholder="Every annotator"
          value={form.annotator}
          onChange={(e) => setForm({ annotator: e.target.value })}
        />
        <datalist id={authorsId}>
          {authors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <fieldset className="query-statuses">
        <legend className="visually-hidden">Document status</legend>
        {DOCUMENT_STATUSES.map((status) => (
          <label key={status}>
            <input
              type="checkbox"
              checked={form.statuses.includes(status)}
              onChange={(e) =>
                setForm({
                  statuses: e.target.checked
                    ? [...form.statuses, status]
                    : form.statuses.filter((s) => s !== status),
                })
              }
            />{' '}
            {STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <FolderSelect value={form.folder} onChange={(folder) => setForm({ folder })} all="Every folder" />
      <div className="query-dates">
        <label className="sp-field">
          Published from
          <input type="date" value={form.from} onChange={(e) => setForm({ from: e.target.value })} />
        </label>
        <label className="sp-field">
          to
          <input type="date" value={form.to} onChange={(e) => setForm({ to: e.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
