import type { AgreementResult } from '../../../../shared/api';
import { useStore } from '../../store/context';
import { AgreementValue } from './AgreementValue';
import { codeRows, documentsWords, GROUP_MEASURE_NAMES, GROUP_MEASURES } from './agreement-words';
import { CodeMeasuresTable } from './CodeMeasuresTable';

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
    <CodeMeasuresTable
      className="agreement-group"
      caption={`All ${result.annotators.length} annotators, over ${over}`}
      measures={GROUP_MEASURES}
      heading={(measure) => GROUP_MEASURE_NAMES[measure]}
      rows={rows}
      cell={(row, measure) => (
        <AgreementValue
          value={row.measures[measure]}
          measure={measure}
          label={`all annotators, ${GROUP_MEASURE_NAMES[measure]} on ${row.name}`}
        />
      )}
    />
  );
}
