import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type { Codebook } from '../../shared/model/codebook';
import { roleOf } from '../../shared/model/codebook-tree';
import type { AnalysedDocument } from './analysis-corpus';

/**
 * The annotations of a document an analysis counts: every annotator's as the reader shows them
 * (placed in the article's current text), or one annotator's only.
 */
export function countedIn(
  document: AnalysedDocument,
  annotator: string | undefined,
): readonly AnalysedAnnotation[] {
  return annotator ? document.annotations.filter((a) => a.author === annotator) : document.annotations;
}

/** Each code's role (codebook-tree.ts), and the same as a key for results kept per document (AnalysisCorpus.derived). */
export function rolesOf(codebook: Codebook): { roles: Map<string, ReturnType<typeof roleOf>>; key: string } {
  const roles = new Map(codebook.codes.map((code) => [code.id, roleOf(codebook, code.id)]));
  return { roles, key: JSON.stringify([...roles]) };
}
