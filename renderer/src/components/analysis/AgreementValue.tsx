import type { PairMeasure } from '../../store/agreement-slice';
import { type GroupMeasure, measureText, undefinedWhy } from './agreement-words';

/**
 * One agreement measure in a table: three decimals, a button to the disagreements behind it
 * when `onShow` is given, or "–" with why it is undefined (on hover, and read out).
 */
export function AgreementValue({
  value,
  measure,
  label,
  onShow,
  expanded = false,
  controls,
}: {
  value: number | null;
  measure: PairMeasure | GroupMeasure;
  /** What the number is, for screen readers: "alice and bob, κ over all codes". */
  label: string;
  onShow?(): void;
  expanded?: boolean;
  /** The list of disagreements the button opens. */
  controls?: string;
}) {
  if (value === null) {
    const why = undefinedWhy(measure);
    return (
      <span className="agreement-undefined" title={why}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">
          {label}: {why}
        </span>
      </span>
    );
  }
  const text = measureText(value);
  if (!onShow) return <span className="agreement-number">{text}</span>;
  return (
    <button
      type="button"
      className="analysis-cell agreement-number"
      aria-label={`${label} ${text}: show the disagreements`}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onShow}
    >
      {text}
    </button>
  );
}
