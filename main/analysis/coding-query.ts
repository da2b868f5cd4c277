import {
  type CodingQuery,
  resolveQuery,
  retrievePassages,
  unitsWanted,
} from '../../shared/analysis/coding-query';
import { NO_UNITS, sentenceAround, type TextUnits } from '../../shared/analysis/near';
import type { CodingQueryResult } from '../../shared/api';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import type { AnalysisCorpus } from './analysis-corpus';
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
export async function codingQuery(
  corpus: AnalysisCorpus,
  query: CodingQuery,
  scope: CodingQueryScope = {},
): Promise<CodingQueryResult> {
  const resolved = resolveQuery(corpus.info().codebook, query);
  const documents = (await corpus.documents())
    .filter((document) => inScope(document.summary, scope))
    .map((document) => ({ document, annotations: countedIn(document, scope.annotator) }));
  const weighed = documents.filter((d) => unitsWanted(d.annotations, resolved)).map((d) => d.document);
  const units = weighed.length > 0 ? await corpus.units(weighed) : new Map<string, TextUnits>();
  const retrieved = documents.flatMap(({ document, annotations }) => {
    const found = retrievePassages(
      units.get(document.summary.fingerprint) ?? NO_UNITS,
      annotations,
      resolved,
    );
    return found.length > 0 ? [{ document, found }] : [];
  });
  // The sentence around each passage: the units, and the text, only of the documents with passages.
  const unsplit = retrieved.map((r) => r.document).filter((d) => !units.has(d.summary.fingerprint));
  for (const [fingerprint, split] of unsplit.length > 0 ? await corpus.units(unsplit) : [])
    units.set(fingerprint, split);
  const passages: CodingQueryResult['passages'] = [];
  for (const { document, found } of retrieved) {
    const { summary } = document;
    const text = await corpus.text(document);
    const date = summary.metadata.publishedTime;
    for (const passage of found) {
      const sentence = sentenceAround(units.get(summary.fingerprint)!, passage.target);
      passages.push({
        ...passageOf(summary.key, passage),
        code: passage.code,
        title: summary.title,
        ...(date ? { date } : {}),
        ...(passage.note ? { note: passage.note } : {}),
        ...(passage.value ? { value: passage.value } : {}),
        sentence: text
          .slice(Math.min(sentence.start, passage.target.start), Math.max(sentence.end, passage.target.end))
          .replace(/\s+/g, ' '),
      });
    }
  }
  return { passages };
}

/** Whether a document is in the query's scope of status, folder and publication dates. */
function inScope(summary: DocumentSummary, scope: CodingQueryScope): boolean {
  if (scope.folder && !summary.key.startsWith(scope.folder)) return false;
  if (scope.statuses?.length && !scope.statuses.includes(summary.status)) return false;
  const date = summary.metadata.publishedTime;
  if ((scope.from || scope.to) && !date) return false;
  return !(
    date &&
    ((scope.from && date.slice(0, scope.from.length) < scope.from) ||
      (scope.to && date.slice(0, scope.to.length) > scope.to))
  );
}
