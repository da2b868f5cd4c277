import type { Timeline } from '../../../../shared/api';
import { useStore } from '../../store/context';

/** How many codes the timeline draws until the researcher chooses: more lines than this are hard to tell apart. */
export const TOP_CODES = 5;

/** The codes the timeline draws, as checkboxes: the most used by default, any others on request. */
export function TimelineCodes({ timeline, shown }: { timeline: Timeline; shown: Timeline['codes'] }) {
  const chosen = useStore((s) => s.timelineCodes);
  const setCodes = useStore((s) => s.setTimelineCodes);
  const colours = useStore((s) => s.project?.codebook.codes);
  const colourOf = new Map(colours?.map((c) => [c.id, c.color]));
  const shownIds = new Set(shown.map((c) => c.id));
  const toggle = (id: string) => {
    const next = shownIds.has(id) ? [...shownIds].filter((c) => c !== id) : [...shownIds, id];
    setCodes(next);
  };
  return (
    <fieldset className="timeline-codes">
      <legend>
        Codes shown{' '}
        {chosen === null ? (
          <span className="timeline-codes-rule">(the {TOP_CODES} most used)</span>
        ) : (
          <button type="button" className="link-button" onClick={() => setCodes(null)}>
            Show the {TOP_CODES} most used
          </button>
        )}
      </legend>
      {timeline.codes.map((c) => (
        <label key={c.id} className="timeline-code">
          <input type="checkbox" checked={shownIds.has(c.id)} onChange={() => toggle(c.id)} />
          <span className="swatch" style={{ background: colourOf.get(c.id) }} aria-hidden="true" />
          {c.name} <span className="timeline-code-total">({c.total})</span>
        </label>
      ))}
    </fieldset>
  );
}
