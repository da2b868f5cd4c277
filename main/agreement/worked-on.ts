import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type { AnalysedDocument } from '../analysis/analysis-corpus';

/**
 * Whether an annotator worked on a document, as every agreement measure, disagreement list and
 * curation step counts it: they have annotations in it (`annotations`: theirs, of the codes
 * asked about), or, when only done documents count, they marked it done.
 */
export function workedOn(
  document: AnalysedDocument,
  annotator: string,
  annotations: readonly AnalysedAnnotation[] | undefined,
  doneOnly: boolean,
): boolean {
  return doneOnly ? document.statuses[annotator] === 'done' : (annotations?.length ?? 0) > 0;
}

/** Whether two different annotators both worked on the document. */
export function bothWorkedOn(
  document: AnalysedDocument,
  a: string,
  b: string,
  ofA: readonly AnalysedAnnotation[],
  ofB: readonly AnalysedAnnotation[],
  doneOnly: boolean,
): boolean {
  return a !== b && workedOn(document, a, ofA, doneOnly) && workedOn(document, b, ofB, doneOnly);
}
