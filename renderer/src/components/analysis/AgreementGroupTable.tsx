import type { AgreementResult } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { AgreementValue } from './AgreementValue';
import { codeRows, documentsWords, GROUP_MEASURE_NAMES, GROUP_MEASURES } from './agreement-words';

/**
 * All the annotators together, over the documents every one worked on: Fleiss' κ, α and α_u per
 * code and over all codes. Disagreements are a pair's, so these numbers open none: the pairs'
 * numbers above do.
 */
export function AgreementGroupTable({ result }: { result: AgreementResult }) {
  const codebook = useStore((s) => s.project?.codebook.codes);
  const rows = codeRows(result.codes, result.overall, codebook);
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
            <tr key={row.id ?? ''} data-code={row.id ?? ''}>
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
