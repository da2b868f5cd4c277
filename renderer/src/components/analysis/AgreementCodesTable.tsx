import { useMemo } from 'react';
import type { AgreementResult } from '../../../../shared/api';
import { PAIR_MEASURES } from '../../store/agreement-slice';
import { useStore } from '../../store/context';
import { findPair } from './AgreementPairsMatrix';
import { AgreementValue } from './AgreementValue';
import { codeRows, PAIR_MEASURE_NAMES, PAIR_MEASURE_WORDS } from './agreement-words';
import { CodeMeasuresTable } from './CodeMeasuresTable';

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
    <CodeMeasuresTable
      className="agreement-codes"
      caption={`${a} and ${b} per code`}
      measures={PAIR_MEASURES}
      heading={(measure) => <abbr title={PAIR_MEASURE_WORDS[measure]}>{PAIR_MEASURE_NAMES[measure]}</abbr>}
      rows={rows}
      cell={(row, measure) => (
        <AgreementValue
          value={row.measures[measure]}
          measure={measure}
          label={`${a} and ${b}, ${PAIR_MEASURE_WORDS[measure]} on ${row.name},`}
          onShow={() => void show({ a, b, code: row.id })}
          expanded={shown?.a === a && shown.b === b && shown.code === row.id}
          controls={listId}
        />
      )}
    />
  );
}
