import { useState } from 'react';
import { PAIR_KINDS, type PassagePair } from '../../../../shared/compare';
import type { Annotation } from '../../../../shared/model/annotation';
import { useStore } from '../../store/context';
import type { SideBySideComparison } from '../../store/reader-views-slice';
import { pairKindLabel } from './pair-kinds';

/**
 * The pairs of the two columns counted by kind (each with the swatch its passages are painted
 * with), and, opened, every pair in text order: choosing one selects it (the left passage if it
 * has one) and brings it into view. The list is drawn only when opened, so a document of
 * thousands of passages opens side by side as fast.
 */
export function ComparisonSummary({
  compared,
  onChoose,
}: {
  compared: SideBySideComparison;
  onChoose(pair: PassagePair<Annotation>): void;
}) {
  const { left, right, comparison } = compared;
  const [open, setOpen] = useState(false);
  return (
    <section className="comparison-summary" aria-label="How the two annotators compare">
      <ul className="comparison-counts">
        {PAIR_KINDS.map((kind) => (
          <li key={kind} data-kind={kind}>
            <span className="comparison-swatch" data-kind={kind} aria-hidden="true" />
            {pairKindLabel(kind, left, right)}: <strong>{comparison.counts[kind]}</strong>
          </li>
        ))}
      </ul>
      <details className="comparison-pairs" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Every pair ({comparison.pairs.length})</summary>
        {open && (
          <ol>
            {comparison.pairs.map((pair, i) => (
              // Pairs have no id of their own; their order is fixed for this comparison.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <PairRow key={i} pair={pair} left={left} right={right} onChoose={onChoose} />
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}

function PairRow({
  pair,
  left,
  right,
  onChoose,
}: {
  pair: PassagePair<Annotation>;
  left: string;
  right: string;
  onChoose(pair: PassagePair<Annotation>): void;
}) {
  const codes = useStore((s) => s.project?.codebook.codes);
  const side = (annotation: Annotation | null) =>
    annotation
      ? `“${annotation.target.quote}” ${codes?.find((c) => c.id === annotation.code)?.name ?? annotation.code}`
      : '—';
  return (
    <li data-kind={pair.kind}>
      <button type="button" className="row-button comparison-pair" onClick={() => onChoose(pair)}>
        <span className="comparison-swatch" data-kind={pair.kind} aria-hidden="true" />
        <span className="comparison-pair-kind">{pairKindLabel(pair.kind, left, right)}</span>
        <span className="comparison-pair-side" data-side="left">
          <span className="visually-hidden">{left}: </span>
          {side(pair.a)}
        </span>
        <span className="comparison-pair-side" data-side="right">
          <span className="visually-hidden">{right}: </span>
          {side(pair.b)}
        </span>
      </button>
    </li>
  );
}
