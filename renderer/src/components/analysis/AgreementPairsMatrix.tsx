import type { AgreementResult } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { AgreementValue } from './AgreementValue';
import { documentsWords, PAIR_MEASURE_NAMES, PAIR_MEASURE_WORDS } from './agreement-words';

type Pair = AgreementResult['pairs'][number];

/** The answer's pair of two annotators, whichever of them is named first. */
export function findPair(result: AgreementResult, a: string, b: string): Pair | undefined {
  return result.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

/**
 * Annotators × annotators: each cell the pair's measure over all codes (the one chosen) and the
 * documents it is over; the number opens the pair's disagreements below. Both halves are shown,
 * so a pair is found from either name; the diagonal is empty.
 */
export function AgreementPairsMatrix({
  result,
  describedBy,
  listId,
}: {
  result: AgreementResult;
  describedBy: string;
  listId: string;
}) {
  const measure = useStore((s) => s.agreementMeasure);
  const shown = useStore((s) => s.disagreements.asked);
  const show = useStore((s) => s.showDisagreements);
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table view-table agreement-matrix" aria-describedby={describedBy}>
        <caption>
          Each pair over all codes: {PAIR_MEASURE_NAMES[measure]}
          <span className="visually-hidden"> ({PAIR_MEASURE_WORDS[measure]})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            {result.annotators.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.annotators.map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {result.annotators.map((column) => {
                const pair = row === column ? undefined : findPair(result, row, column);
                if (!pair) return <td key={column} className="agreement-diagonal" />;
                const open = shown?.a === row && shown.b === column && shown.code === null;
                const words = documentsWords(pair.documents, result.doneOnly);
                return (
                  <td key={column} data-row={row} data-column={column}>
                    <AgreementValue
                      value={pair.overall[measure]}
                      measure={measure}
                      label={`${row} and ${column}, ${PAIR_MEASURE_WORDS[measure]} over all codes and ${words},`}
                      onShow={() => void show({ a: row, b: column, code: null })}
                      expanded={open}
                      controls={listId}
                    />
                    <span className="agreement-documents" title={words}>
                      <span aria-hidden="true">
                        {pair.documents} doc{pair.documents === 1 ? '' : 's'}
                      </span>
                      <span className="visually-hidden">{words}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
