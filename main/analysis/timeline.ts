import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import {
  periodLabel,
  periodStart,
  periodsBetween,
  type TimelineInterval,
} from '../../shared/analysis/timeline-periods';
import type { Timeline } from '../../shared/api';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentSummary } from '../../shared/model/document';

/** A document as the timeline counts it: its date (on its summary), and who tagged what in it. */
export interface TimelineDocument {
  summary: DocumentSummary;
  annotations: readonly Pick<AnalysedAnnotation, 'code' | 'author'>[];
}

/**
 * Annotations per code per period of the documents' dates, every annotator's or one's; the
 * documents without a date are counted apart. Annotations of codes no longer in the codebook are
 * left out. `documents` are the analyses' (AnalysisCorpus: read from the annotation files, the
 * articles only where those need re-attaching, and kept while the folder is watched).
 */
export function timeline(
  documents: readonly TimelineDocument[],
  codebook: Codebook,
  options: { interval: TimelineInterval; annotator?: string },
): Timeline {
  const { interval, annotator } = options;
  const known = new Set(codebook.codes.map((c) => c.id));
  const authors = new Set<string>();
  const cells = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const dated = { documents: 0, annotations: 0 };
  const undated = { documents: 0, annotations: 0, counts: {} as Record<string, number> };
  let first: string | undefined;
  let last: string | undefined;
  for (const { summary: document, annotations: tagged } of documents) {
    const perCode = new Map<string, number>();
    for (const a of tagged) {
      authors.add(a.author);
      if (known.has(a.code) && (annotator === undefined || a.author === annotator)) {
        perCode.set(a.code, (perCode.get(a.code) ?? 0) + 1);
      }
    }
    if (perCode.size === 0) continue;
    const counts = [...perCode];
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
