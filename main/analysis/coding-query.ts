import { type CodingQuery, retrievePassages } from '../../shared/analysis/coding-query';
import { sentenceAround } from '../../shared/analysis/near';
import type { CodingQueryResult } from '../../shared/api';
import type { DocumentStatus } from '../../shared/model/document';
import { type AnalysisSource, eachDocument } from './each-document';
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
  source: AnalysisSource,
  query: CodingQuery,
  scope: CodingQueryScope = {},
): Promise<CodingQueryResult> {
  const { codebook } = source.info();
  const passages: CodingQueryResult['passages'] = [];
  await eachDocument(source, { annotator: scope.annotator }, (summary, work, annotations) => {
    if (scope.folder && !summary.key.startsWith(scope.folder)) return;
    if (scope.statuses?.length && !scope.statuses.includes(summary.status)) return;
    const date = summary.metadata.publishedTime;
    if ((scope.from || scope.to) && !date) return;
    if (
      date &&
      ((scope.from && date.slice(0, scope.from.length) < scope.from) ||
        (scope.to && date.slice(0, scope.to.length) > scope.to))
    )
      return;
    const text = work.document.text;
    for (const passage of retrievePassages(text, annotations, codebook, query)) {
      const sentence = sentenceAround(text, passage.target);
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
  });
  return { passages };
}
