import { useId } from 'react';
import { PAIR_MEASURES, type PairMeasure } from '../../store/agreement-slice';
import { useStore } from '../../store/context';
import { AgreementCodesTable } from './AgreementCodesTable';
import { AgreementDisagreements } from './AgreementDisagreements';
import { AgreementGroupTable } from './AgreementGroupTable';
import { AgreementPairsMatrix, findPair } from './AgreementPairsMatrix';
import { PAIR_MEASURE_NAMES, PAIR_MEASURE_WORDS } from './agreement-words';
import { CSV_TYPE, ViewHeader } from './ViewHeader';
import './AgreementView.css';

/**
 * How far the annotators agree (the API's `agreement`): the pairs matrix in the measure chosen,
 * every measure per code for one pair, and all the annotators together when there are more than
 * two. Each pair's number opens the disagreements behind it.
 */
export function AgreementView() {
  const fetched = useStore((s) => s.agreement);
  const refresh = useStore((s) => s.refreshAgreement);
  const csvText = useStore((s) => s.agreementCsvText);
  const chosen = useStore((s) => s.agreementPair);
  const ruleId = useId();
  const listId = useId();
  const result = fetched.answer;
  const first = result?.pairs[0];
  // The pair chosen may not be in a newer answer (done only: someone who marked nothing done).
  const pair =
    chosen && result && findPair(result, chosen.a, chosen.b)
      ? chosen
      : first
        ? { a: first.a, b: first.b }
        : null;
  return (
    <div className="analysis-view agreement-view">
      <ViewHeader
        what="The agreement"
        fetched={fetched}
        refresh={refresh}
        exports={[
          {
            label: 'Export CSV',
            name: result?.doneOnly ? 'agreement-done-only.csv' : 'agreement.csv',
            type: CSV_TYPE,
            text: csvText,
          },
        ]}
      />
      <AgreementControls />
      {result &&
        (result.annotators.length < 2 ? (
          <div className="analysis-empty">
            <p>Agreement needs two annotators.</p>
            <p>
              {result.annotators.length === 1
                ? `Only ${result.annotators[0]} has ${result.doneOnly ? 'marked documents done' : 'annotated'} so far.`
                : 'Nobody has annotated yet.'}{' '}
              Once a colleague codes the same articles in this project folder, Refresh.
            </p>
          </div>
        ) : (
          <>
            <AgreementPairsMatrix result={result} describedBy={ruleId} listId={listId} />
            <p id={ruleId} className="analysis-rule">
              Each pair over the documents both {result.doneOnly ? 'marked done' : 'have annotations in'}; a
              number opens the disagreements behind it. – is undefined: nothing to measure (no units, or no
              variation to correct for chance); hover it for why.
            </p>
            {pair && <PairChoice pairs={result.pairs} pair={pair} />}
            {pair && <CurateButton pair={pair} />}
            {pair && <AgreementCodesTable result={result} pair={pair} listId={listId} />}
            {result.annotators.length > 2 && <AgreementGroupTable result={result} />}
            <AgreementDisagreements id={listId} />
          </>
        ))}
    </div>
  );
}

/** Starts walking through the pair's disagreements in the Curation tab. */
function CurateButton({ pair }: { pair: { a: string; b: string } }) {
  const start = useStore((s) => s.startCuration);
  return (
    <button type="button" className="button" onClick={() => void start(pair)}>
      Curate {pair.a} and {pair.b}…
    </button>
  );
}

function AgreementControls() {
  const doneOnly = useStore((s) => s.agreementDoneOnly);
  const setDoneOnly = useStore((s) => s.setAgreementDoneOnly);
  const measure = useStore((s) => s.agreementMeasure);
  const setMeasure = useStore((s) => s.setAgreementMeasure);
  return (
    <div className="view-filters agreement-controls">
      <label className="sp-field">
        Matrix shows
        <select value={measure} onChange={(event) => setMeasure(event.target.value as PairMeasure)}>
          {PAIR_MEASURES.map((m) => (
            <option key={m} value={m}>
              {PAIR_MEASURE_NAMES[m]} — {PAIR_MEASURE_WORDS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="agreement-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={doneOnly}
          checked={doneOnly}
          onChange={(event) => void setDoneOnly(event.target.checked)}
        />
        Only documents both marked done
      </label>
    </div>
  );
}

function PairChoice({
  pairs,
  pair,
}: {
  pairs: readonly { a: string; b: string }[];
  pair: { a: string; b: string };
}) {
  const choose = useStore((s) => s.chooseAgreementPair);
  const value = pairs.find((p) => (p.a === pair.a && p.b === pair.b) || (p.a === pair.b && p.b === pair.a));
  if (pairs.length < 2) return null;
  return (
    <label className="sp-field view-field">
      Per code for
      <select
        value={value ? `${value.a}\n${value.b}` : ''}
        onChange={(event) => {
          const [a, b] = event.target.value.split('\n');
          choose({ a: a!, b: b! });
        }}
      >
        {pairs.map((p) => (
          <option key={`${p.a}\n${p.b}`} value={`${p.a}\n${p.b}`}>
            {p.a} and {p.b}
          </option>
        ))}
      </select>
    </label>
  );
}
