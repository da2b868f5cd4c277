import type { Timeline } from '../api';
import { csvTable } from '../csv-table';
import type { TimelineInterval } from './timeline-periods';

/**
 * The timeline with codes by name, for readers outside Gloss: what `gloss analyse --timeline
 * --json` prints and its CSV is written from, the same from the command line and the screens.
 */
export interface TimelineReport {
  interval: TimelineInterval;
  /** Every period from the first date to the last, as tables write it ("2024-03", "2024-W10"). */
  periods: string[];
  /** The counts that are not zero, period by period, codes in codebook order. */
  cells: { period: string; code: string; count: number }[];
  /** Annotations in documents without a date, per code, and how many such documents. */
  undated: { documents: number; counts: Record<string, number> };
}

export function namedTimeline(timeline: Timeline): TimelineReport {
  const names = new Map(timeline.codes.map((c) => [c.id, c.name]));
  const labels = new Map(timeline.periods.map((p) => [p.start, p.label]));
  return {
    interval: timeline.interval,
    periods: timeline.periods.map((p) => p.label),
    cells: timeline.cells.map((c) => ({
      period: labels.get(c.period) ?? c.period,
      code: names.get(c.code) ?? c.code,
      count: c.count,
    })),
    undated: {
      documents: timeline.undated.documents,
      counts: Object.fromEntries(
        timeline.codes.flatMap((c) =>
          timeline.undated.counts[c.id] ? [[c.name, timeline.undated.counts[c.id]!]] : [],
        ),
      ),
    },
  };
}

/** `period,code,count` rows, the undated annotations last with an empty period. */
export function timelineCsv(report: TimelineReport): string {
  return csvTable(
    ['period', 'code', 'count'],
    [
      ...report.cells.map((c) => [c.period, c.code, c.count]),
      ...Object.entries(report.undated.counts).map(([code, count]) => [undefined, code, count]),
    ],
  );
}
