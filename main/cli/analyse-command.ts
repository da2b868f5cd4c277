import { codePointOffsets } from '../../shared/analysis/code-point-offsets';
import type { CooccurrenceRule } from '../../shared/analysis/cooccurrence';
import { type CooccurrenceReport, namedCooccurrences } from '../../shared/analysis/cooccurrence-report';
import { type FiguresReport, namedFigures } from '../../shared/analysis/figures-report';
import { type FrequenciesReport, namedFrequencies } from '../../shared/analysis/frequencies-report';
import type { TimelineInterval } from '../../shared/analysis/timeline-periods';
import { namedTimeline, type TimelineReport } from '../../shared/analysis/timeline-report';
import { cliClient } from './cli-client';

// The names and the CSVs are shared with the screens' Export CSV, so both write the same files.
export { type CooccurrenceReport, cooccurrenceCsv } from '../../shared/analysis/cooccurrence-report';
export { type FiguresReport, figuresCsv } from '../../shared/analysis/figures-report';
export { type FrequenciesReport, frequenciesCsv } from '../../shared/analysis/frequencies-report';
export { type TimelineReport, timelineCsv } from '../../shared/analysis/timeline-report';

/** The stakeholder × concern matrix of a folder, opened read-only so nothing is written into it. */
export async function cooccurrenceReport(
  folder: string,
  by: CooccurrenceRule,
  annotator?: string,
): Promise<CooccurrenceReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  return namedCooccurrences(await api.cooccurrenceMatrix({ by, annotator }));
}

/** The matrix as a table for the terminal: a row per stakeholder, a column per concern met. */
export function formatCooccurrence(report: CooccurrenceReport): string {
  const rows = [...new Set(report.cells.map((c) => c.stakeholder))];
  const columns = [...new Set(report.cells.map((c) => c.code))];
  if (rows.length === 0) return `No concern passage is near a stakeholder's mention (by ${report.by}).`;
  const count = (row: string, column: string) =>
    String(report.cells.find((c) => c.stakeholder === row && c.code === column)?.count ?? 0);
  const width = Math.max(...rows.map((r) => r.length), 'stakeholder'.length);
  const lines = [
    ['stakeholder'.padEnd(width), ...columns].join('  '),
    ...rows.map((row) =>
      [row.padEnd(width), ...columns.map((c) => count(row, c).padStart(c.length))].join('  '),
    ),
  ];
  lines.push(`Concern passages near each stakeholder's mentions, by ${report.by}.`);
  return lines.join('\n');
}

export async function frequenciesReport(folder: string, annotator?: string): Promise<FrequenciesReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  return namedFrequencies(await api.codeFrequencies({ annotator }));
}

export function formatFrequencies(report: FrequenciesReport): string {
  const width = Math.max(...report.codes.map((c) => c.code.length + (c.group ? 2 : 0)), 4);
  const lines = report.codes.map(
    (c) =>
      `${(c.group ? `  ${c.code}` : c.code).padEnd(width)}  ${String(c.total).padStart(6)} in ${c.documents} document${c.documents === 1 ? '' : 's'}`,
  );
  lines.push(`${report.documents.length} documents with annotations.`);
  return lines.join('\n');
}

export async function figuresReport(folder: string, annotator?: string): Promise<FiguresReport> {
  const api = cliClient({ readOnly: true });
  const { codebook, stakeholders } = await api.openProject({ path: folder });
  return namedFigures(await api.figuresTable({ annotator }), codebook, stakeholders, codePointOffsets(api));
}

export function formatFigures(report: FiguresReport): string {
  const lines = report.figures.map((f) => {
    const range = f.min === undefined ? 'no value' : f.min === f.max ? `${f.min}` : `${f.min}–${f.max}`;
    const unit = f.currency ?? f.unit ?? '';
    return `${f.key}:${f.start}  ${f.code}: “${f.quote}” = ${range}${unit ? ` ${unit}` : ''}${f.stakeholder ? `  (${f.stakeholder})` : ''}`;
  });
  lines.push(`${report.figures.length} figure${report.figures.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

/** What `gloss analyse --timeline --json` prints: periods as tables write them, codes by name. */
export async function timelineReport(
  folder: string,
  interval: TimelineInterval,
  annotator?: string,
): Promise<TimelineReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  return namedTimeline(await api.timeline({ interval, annotator }));
}

/** A row per period with annotations, a column per code met; the undated ones last. */
export function formatTimeline(report: TimelineReport): string {
  const codes = [...new Set([...report.cells.map((c) => c.code), ...Object.keys(report.undated.counts)])];
  if (codes.length === 0) return 'No annotations to count.';
  const count = new Map(report.cells.map((c) => [`${c.period}\n${c.code}`, c.count]));
  const periods = report.periods.filter((p) => codes.some((c) => count.has(`${p}\n${c}`)));
  const width = Math.max(...periods.map((p) => p.length), 'no date'.length, report.interval.length);
  const row = (label: string, n: (code: string) => number) =>
    [label.padEnd(width), ...codes.map((c) => String(n(c)).padStart(c.length))].join('  ');
  const lines = [
    [report.interval.padEnd(width), ...codes].join('  '),
    ...periods.map((p) => row(p, (c) => count.get(`${p}\n${c}`) ?? 0)),
  ];
  if (report.undated.documents > 0) {
    lines.push(row('no date', (c) => report.undated.counts[c] ?? 0));
    lines.push(
      `${report.undated.documents} annotated document(s) without a date are counted under "no date".`,
    );
  }
  return lines.join('\n');
}
