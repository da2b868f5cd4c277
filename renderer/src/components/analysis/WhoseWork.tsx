import { useStore } from '../../store/context';

const EVERY_ANNOTATOR = '';

/**
 * "Whose work" for a view that counts one annotator's work or everyone's: all annotators, mine,
 * or another of `authors` (the names the last answer knew, and the one chosen even if its work
 * has gone since).
 */
export function WhoseWork({
  annotator,
  authors,
  onChange,
}: {
  annotator: string | null;
  authors: readonly string[];
  onChange(annotator: string | null): void;
}) {
  const me = useStore((s) => s.project?.annotator);
  const others = [...new Set([...authors, ...(annotator ? [annotator] : [])])].filter((a) => a !== me);
  return (
    <label className="sp-field">
      Whose work
      <select value={annotator ?? EVERY_ANNOTATOR} onChange={(e) => onChange(e.target.value || null)}>
        <option value={EVERY_ANNOTATOR}>All annotators</option>
        {me && <option value={me}>Only mine ({me})</option>}
        {others.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
