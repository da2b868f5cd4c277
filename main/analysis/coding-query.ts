import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import {
  type CodingQuery,
  resolveQuery,
  retrievePassages,
  unitsWanted,
} from '../../shared/analysis/coding-query';
import { NO_UNITS, sentenceAround, type TextUnits } from '../../shared/analysis/near';
import type { CodingQueryResult } from '../../shared/api';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import type { AnalysedDocument, AnalysisCorpus } from './analysis-corpus';
import { countedIn } from './each-document';
import { passageOf } from './passage-ref';

export interface CodingQueryScope {
  annotator?: string;
  statuses?: readonly DocumentStatus[];
  /** Only documents under this folder (a key prefix ending in "/"). */
  folder?: string;
  /** Publication dates, ISO 8601, inclusive; documents without a date are left out when either is given. */
  from?: string;
  to?: string;
}

/**
 * Every passage of the project a coding query retrieves (coding-query.ts), with the sentence it
 * stands in, its document's title and date, its annotator, note and figure value.
 */
/** Where each document keeps the passages of the last query asked (AnalysisCorpus.remember). */
const SLOT = 'coding query';

export async function codingQuery(
  corpus: AnalysisCorpus,
  query: CodingQuery,
  scope: CodingQueryScope = {},
): Promise<CodingQueryResult> {
  const { codebook } = corpus.info();
  const resolved = resolveQuery(codebook, query);
  // A document's passages depend on the query, the annotator and which codes are under which.
  const key = JSON.stringify([query, scope.annotator ?? null, codebook.codes.map((c) => [c.id, c.parentId])]);
  const rows = new Map<AnalysedDocument, CodingQueryResult['passages'] | undefined>();
  for (const document of await corpus.documents()) {
    if (inScope(document.summary, scope)) rows.set(document, corpus.recall(document, SLOT, key));
  }
  const documents = [...rows]
    .filter(([, kept]) => kept === undefined)
    .map(([document]) => ({ document, annotations: countedIn(document, scope.annotator) }));
  const weighed = documents.filter((d) => unitsWanted(d.annotations, resolved)).map((d) => d.document);
  const units = weighed.length > 0 ? await corpus.units(weighed) : new Map<string, TextUnits>();
  const retrieved = documents.map(({ document, annotations }) => ({
    document,
    found: retrievePassages(units.get(document.summary.fingerprint) ?? NO_UNITS, annotations, resolved),
  }));
  // The sentence around each passage: the units, and the text, only of the documents with passages.
  const unsplit = retrieved
    .filter((r) => r.found.length > 0 && !units.has(r.document.summary.fingerprint))
    .map((r) => r.document);
  for (const [fingerprint, split] of unsplit.length > 0 ? await corpus.units(unsplit) : [])
    units.set(fingerprint, split);
  for (const { document, found } of retrieved) {
    const text = found.length > 0 ? await corpus.text(document) : '';
    const fingerprint = document.summary.fingerprint;
    const made = found.map((passage) => passageRow(document.summary, passage, text, units.get(fingerprint)!));
    corpus.remember(document, SLOT, key, made);
    rows.set(document, made);
  }
  const passages: CodingQueryResult['passages'] = [];
  for (const kept of rows.values()) for (const row of kept!) passages.push(row);
  return { passages };
}

/** One passage as the query lists it, with the sentence it stands in (or from where it starts to where it ends, if longer). */
function passageRow(
  summary: DocumentSummary,
  passage: AnalysedAnnotation,
  text: string,
  units: TextUnits,
): CodingQueryResult['passages'][number] {
  const sentence = sentenceAround(units, passage.target);
  const date = summary.date;
  return {
    ...passageOf(summary.key, passage),
    code: passage.code,
    title: summary.title,
    ...(date ? { date } : {}),
    ...(passage.note ? { note: passage.note } : {}),
    ...(passage.value ? { value: passage.value } : {}),
    sentence: text
      .slice(Math.min(sentence.start, passage.target.start), Math.max(sentence.end, passage.target.end))
      .replace(/\s+/g, ' '),
  };
}

/** Whether a document is in the query's scope of status, folder and publication dates. */
function inScope(summary: DocumentSummary, scope: CodingQueryScope): boolean {
  if (scope.folder && !summary.key.startsWith(scope.folder)) return false;
  if (scope.statuses?.length && !scope.statuses.includes(summary.status)) return false;
  const date = summary.date;
  if ((scope.from || scope.to) && !date) return false;
  return !(
    date &&
    ((scope.from && date.slice(0, scope.from.length) < scope.from) ||
      (scope.to && date.slice(0, scope.to.length) > scope.to))
  );
}
