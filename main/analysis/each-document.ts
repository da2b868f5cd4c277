import type { Annotation } from '../../shared/model/annotation';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentSummary } from '../../shared/model/document';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { DocumentWork } from '../project/document-assembly';

/** What the analyses need of a project: its documents, each with every annotator's work, and the codebook and register. */
export interface AnalysisSource {
  listDocuments(): Promise<{ documents: DocumentSummary[] }>;
  openDocument(key: string): Promise<DocumentWork>;
  info(): { codebook: Codebook; stakeholders: Stakeholder[] };
}

/** Documents assembled between two yields to the event loop, so the API answers meanwhile. */
const YIELD_EVERY = 20;

/**
 * Calls `visit` with every document of the project as the reader shows it (annotations placed in
 * its current text, every annotator's), or with one annotator's annotations and relations only.
 */
export async function eachDocument(
  source: AnalysisSource,
  options: { annotator?: string },
  visit: (summary: DocumentSummary, work: DocumentWork, annotations: Annotation[]) => void,
): Promise<void> {
  const { documents } = await source.listDocuments();
  for (const [i, summary] of documents.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const work = await source.openDocument(summary.key);
    const annotations = options.annotator
      ? work.annotations.filter((a) => a.author === options.annotator)
      : work.annotations;
    visit(summary, work, annotations);
  }
}
