import type { AgreementResult } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { ALL_CODES_ROW } from './AgreementCodesTable';
import { AgreementValue } from './AgreementValue';
import { documentsWords, GROUP_MEASURE_NAMES, GROUP_MEASURES } from './agreement-words';

/**
 * All the annotators together, over the documents every one worked on: Fleiss' κ, α and α_u per
 * code and over all codes. Disagreements are a pair's, so these numbers open none: the pairs'
 * numbers above do.
 */
export function AgreementGroupTable({ result }: { result: AgreementResult }) {
  const codebook = useStore((s) => s.project?.codebook.codes);
  const names = new Map(codebook?.map((c) => [c.id, c.name]));
  const order = new Map(codebook?.map((c, index) => [c.id, index]));
  const rows = [
    ...Object.entries(result.codes)
      .sort(([x], [y]) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity))
      .map(([id, measures]) => ({ id, name: names.get(id) ?? id, measures })),
    { id: '', name: ALL_CODES_ROW, measures: result.overall },
  ];
  const over = result.doneOnly
    ? `${result.documents} document${result.documents === 1 ? '' : 's'} all marked done`
    : documentsWords(result.documents, false).replace('both', 'all');
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table view-table agreement-group">
        <caption>
          All {result.annotators.length} annotators, over {over}
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {GROUP_MEASURES.map((measure) => (
              <th key={measure} scope="col" className="numeric">
                {GROUP_MEASURE_NAMES[measure]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-code={row.id}>
              <th scope="row" className="text-cell">
                {row.name}
              </th>
              {GROUP_MEASURES.map((measure) => (
                <td key={measure} className="numeric">
                  <AgreementValue
                    value={row.measures[measure]}
                    measure={measure}
                    label={`all annotators, ${GROUP_MEASURE_NAMES[measure]} on ${row.name}`}
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
