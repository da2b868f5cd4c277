import type { Annotation } from '../../shared/model/annotation';
import type { AnalysedDocument, AnalysisCorpus } from './analysis-corpus';

/**
 * Every document of the project with the annotations an analysis counts: every annotator's as
 * the reader shows them (placed in the article's current text), or one annotator's only.
 */
export async function eachDocument(
  corpus: AnalysisCorpus,
  options: { annotator?: string },
): Promise<{ document: AnalysedDocument; annotations: Annotation[] }[]> {
  return (await corpus.documents()).map((document) => ({
    document,
    annotations: options.annotator
      ? document.annotations.filter((a) => a.author === options.annotator)
      : document.annotations,
  }));
}
