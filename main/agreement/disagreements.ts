import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type {
  AgreementDisagreements,
  Disagreement,
  DisagreementKind,
  DisagreementPassage,
} from '../../shared/api-disagreements';
import { compareAnnotations } from '../../shared/compare';
import type { AnalysisCorpus } from '../analysis/analysis-corpus';
import { bothWorkedOn } from './worked-on';

export interface DisagreementsOptions {
  a: string;
  b: string;
  /** A code id: keep the pairs where either passage bears it. Every code when absent. */
  code?: string;
  /** Count a document only where both marked it done. */
  doneOnly?: boolean;
}

const KINDS: readonly DisagreementKind[] = ['different-codes', 'overlapping', 'only-a', 'only-b'];

/**
 * The passages behind an agreement number: where annotators `a` and `b` differ, document by
 * document, as shared/compare/ sets their passages against each other. The documents are those
 * `agreement` (project-agreement.ts) counts for the pair when asked about every code: both have
 * annotations in it, or, doneOnly, both marked it done. All of both annotators' passages are
 * compared, whatever `code`, so that a passage one coded privacy and the other security is one
 * `different-codes` pair, not an `only-a` and an `only-b`; `code` then keeps the pairs that
 * touch it. Reads no text: the quotes are the annotations' own.
 */
export async function agreementDisagreements(
  corpus: AnalysisCorpus,
  options: DisagreementsOptions,
): Promise<AgreementDisagreements> {
  const { a, b } = options;
  const code = options.code ?? null;
  const doneOnly = options.doneOnly ?? false;
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<DisagreementKind, number>;
  const byDocument: AgreementDisagreements['byDocument'] = [];
  let documents = 0;
  for (const document of await corpus.documents()) {
    const ofA = document.annotations.filter((annotation) => annotation.author === a);
    const ofB = document.annotations.filter((annotation) => annotation.author === b);
    if (!bothWorkedOn(document, a, b, ofA, ofB, doneOnly)) continue;
    documents += 1;
    const disagreements: Disagreement[] = [];
    for (const pair of compareAnnotations(ofA, ofB).pairs) {
      if (pair.kind === 'agreed') continue;
      if (code !== null && pair.a?.code !== code && pair.b?.code !== code) continue;
      disagreements.push({ kind: pair.kind, a: passageOf(pair.a), b: passageOf(pair.b) });
      counts[pair.kind] += 1;
    }
    if (disagreements.length > 0)
      byDocument.push({ key: document.summary.key, title: document.summary.title, disagreements });
  }
  return { a, b, code, doneOnly, documents, counts, byDocument };
}

function passageOf(annotation: AnalysedAnnotation | null): DisagreementPassage | null {
  if (!annotation) return null;
  const { start, end, quote } = annotation.target;
  return { annotationId: annotation.id, code: annotation.code, start, end, quote };
}
