import {
  periodLabel,
  periodStart,
  periodsBetween,
  type TimelineInterval,
} from '../../shared/analysis/timeline-periods';
import type { Timeline } from '../../shared/api';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentSummary } from '../../shared/model/document';
import type { AnnotationCounts } from '../project/code-usage';

/**
 * What the timeline needs of a project: the documents with their dates, and each one's
 * annotations per code, counted from the annotation files without reading any article.
 */
export interface TimelineSource {
  listDocuments(): Promise<{ documents: DocumentSummary[] }>;
  countAnnotationsByDocument(author?: string): Promise<AnnotationCounts>;
  info(): { codebook: Codebook };
}

/**
 * Annotations per code per period of the documents' dates, every annotator's or one's; the
 * documents without a date are counted apart. Annotations of codes no longer in the codebook,
 * and of documents no longer in the folder, are left out.
 */
export async function timeline(
  source: TimelineSource,
  options: { interval: TimelineInterval; annotator?: string },
): Promise<Timeline> {
  const { interval } = options;
  const { codebook } = source.info();
  // Listing first: it carries the annotations of renamed articles over to their new keys.
  const { documents } = await source.listDocuments();
  const { documents: perDocument, authors } = await source.countAnnotationsByDocument(options.annotator);
  const known = new Set(codebook.codes.map((c) => c.id));

  const cells = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const dated = { documents: 0, annotations: 0 };
  const undated = { documents: 0, annotations: 0, counts: {} as Record<string, number> };
  let first: string | undefined;
  let last: string | undefined;
  for (const document of documents) {
    const counts = [...(perDocument.get(document.key) ?? [])].filter(([code, n]) => known.has(code) && n > 0);
    if (counts.length === 0) continue;
    const annotations = counts.reduce((sum, [, n]) => sum + n, 0);
    for (const [code, n] of counts) totals.set(code, (totals.get(code) ?? 0) + n);
    if (!document.date) {
      undated.documents++;
      undated.annotations += annotations;
      for (const [code, n] of counts) undated.counts[code] = (undated.counts[code] ?? 0) + n;
      continue;
    }
    dated.documents++;
    dated.annotations += annotations;
    if (!first || document.date < first) first = document.date;
    if (!last || document.date > last) last = document.date;
    const period = periodStart(document.date, interval);
    const row = cells.get(period) ?? new Map<string, number>();
    for (const [code, n] of counts) row.set(code, (row.get(code) ?? 0) + n);
    cells.set(period, row);
  }

  const periods = first && last ? periodsBetween(first, last, interval) : [];
  const order = codebook.codes.map((c) => c.id);
  return {
    interval,
    periods: periods.map((start) => ({ start, label: periodLabel(start, interval) })),
    codes: codebook.codes.flatMap(({ id, name }) =>
      totals.has(id) ? [{ id, name, total: totals.get(id)! }] : [],
    ),
    cells: periods.flatMap((period) => {
      const row = cells.get(period);
      return row
        ? order.flatMap((code) => (row.has(code) ? [{ period, code, count: row.get(code)! }] : []))
        : [];
    }),
    dated,
    undated,
    authors: [...authors].sort((a, b) => a.localeCompare(b)),
  };
}
