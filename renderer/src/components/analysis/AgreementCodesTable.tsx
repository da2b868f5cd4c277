import { useMemo } from 'react';
import type { AgreementResult } from '../../../../shared/api';
import { PAIR_MEASURES } from '../../store/agreement-slice';
import { useStore } from '../../store/context';
import { findPair } from './AgreementPairsMatrix';
import { AgreementValue } from './AgreementValue';
import { codeRows, PAIR_MEASURE_NAMES, PAIR_MEASURE_WORDS } from './agreement-words';

/**
 * Every measure of one pair, per code (in codebook order) and over all codes: each number opens
 * the disagreements behind it, on that code.
 */
export function AgreementCodesTable({
  result,
  pair: chosen,
  listId,
}: {
  result: AgreementResult;
  pair: { a: string; b: string };
  listId: string;
}) {
  const codebook = useStore((s) => s.project?.codebook.codes);
  const shown = useStore((s) => s.disagreements.asked);
  const show = useStore((s) => s.showDisagreements);
  const pair = findPair(result, chosen.a, chosen.b);
  const rows = useMemo(() => (pair ? codeRows(pair.codes, pair.overall, codebook) : []), [pair, codebook]);
  if (!pair) return null;
  const { a, b } = chosen;
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table view-table agreement-codes">
        <caption>
          {a} and {b} per code
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {PAIR_MEASURES.map((measure) => (
              <th key={measure} scope="col" className="numeric">
                <abbr title={PAIR_MEASURE_WORDS[measure]}>{PAIR_MEASURE_NAMES[measure]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? ''} data-code={row.id ?? ''}>
              <th scope="row" className="text-cell">
                {row.name}
              </th>
              {PAIR_MEASURES.map((measure) => (
                <td key={measure} className="numeric">
                  <AgreementValue
                    value={row.measures[measure]}
                    measure={measure}
                    label={`${a} and ${b}, ${PAIR_MEASURE_WORDS[measure]} on ${row.name},`}
                    onShow={() => void show({ a, b, code: row.id })}
                    expanded={shown?.a === a && shown.b === b && shown.code === row.id}
                    controls={listId}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
