import { CURATION_ANNOTATOR } from '../../../../shared/model/curation-name';
import { useStore } from '../../store/context';
import type { CurationPair } from '../../store/curation-slice';
import { FetchedStatus } from '../analysis/FetchedStatus';
import { CurationCard } from './CurationCard';
import { CurationList } from './CurationList';

/**
 * A walk-through of one pair's disagreements: how far it is, the agreed passages taken in one
 * step, the disagreement shown with its decisions, and every disagreement in a list to jump to.
 */
export function CurationWalk({ pair }: { pair: CurationPair }) {
  const fetched = useStore((s) => s.curation);
  const refresh = useStore((s) => s.refreshCuration);
  const close = useStore((s) => s.closeCuration);
  const state = fetched.answer;
  return (
    <section className="curation-walk" aria-label={`Curating ${pair.a} and ${pair.b}`}>
      <div className="curation-head">
        <h3>
          Curating {pair.a} and {pair.b}
        </h3>
        <button type="button" className="button" onClick={() => void refresh()} disabled={fetched.loading}>
          Refresh
        </button>
        <button type="button" className="button" onClick={close}>
          Other annotators
        </button>
      </div>
      <FetchedStatus fetched={fetched} busy="Comparing…" failed="The disagreements could not be listed" />
      {state && (
        <>
          <CurationProgress counts={state.counts} documents={state.documents} doneOnly={state.doneOnly} />
          <AgreedPassages />
          <CurationCard pair={pair} />
          <CurationList pair={pair} />
        </>
      )}
    </section>
  );
}

function CurationProgress({
  counts,
  documents,
  doneOnly,
}: {
  counts: { open: number; decided: number; skipped: number };
  documents: number;
  doneOnly: boolean;
}) {
  const total = counts.open + counts.decided + counts.skipped;
  return (
    <div className="curation-progress">
      <progress aria-label="Disagreements decided" max={Math.max(total, 1)} value={counts.decided} />
      <p>
        {total === 0
          ? 'No disagreement'
          : `${counts.decided} of ${total} decided · ${counts.skipped} skipped · ${counts.open} open`}
        , over {documents} document{documents === 1 ? '' : 's'} both {doneOnly ? 'marked done' : 'worked on'}.
        {total > 0 && counts.open === 0 && counts.skipped === 0 && (
          <> Every disagreement is decided: export the layer with the annotator “{CURATION_ANNOTATOR}”.</>
        )}
      </p>
    </div>
  );
}

function AgreedPassages() {
  const take = useStore((s) => s.takeAgreedPassages);
  const taken = useStore((s) => s.agreedTaken);
  return (
    <div className="curation-agreed">
      <button type="button" className="button" onClick={() => void take()}>
        Take every agreed passage
      </button>
      {taken && (
        <span role="status">
          {taken.added} agreed passage{taken.added === 1 ? '' : 's'} taken
          {taken.added < agreedCount(taken) ? ` (${agreedCount(taken) - taken.added} already there)` : ''}.
        </span>
      )}
    </div>
  );
}

function agreedCount(taken: { byDocument: { agreed: number }[] }): number {
  return taken.byDocument.reduce((n, d) => n + d.agreed, 0);
}
