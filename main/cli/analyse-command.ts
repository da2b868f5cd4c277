import type { CooccurrenceRule } from '../../shared/analysis/cooccurrence';
import { csvTable } from '../exchange/formats/csv-table';
import { cliClient } from './cli-client';

/** What `gloss analyse --cooccurrence --json` prints: names, not ids, for readers outside Gloss. */
export interface CooccurrenceReport {
  by: CooccurrenceRule;
  cells: { stakeholder: string; code: string; count: number }[];
}

/** The stakeholder × concern matrix of a folder, opened read-only so nothing is written into it. */
export async function cooccurrenceReport(
  folder: string,
  by: CooccurrenceRule,
  annotator?: string,
): Promise<CooccurrenceReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  const matrix = await api.cooccurrenceMatrix({ by, annotator });
  const stakeholders = new Map(matrix.stakeholders.map((s) => [s.id, s.name]));
  const codes = new Map(matrix.codes.map((c) => [c.id, c.name]));
  return {
    by: matrix.by,
    cells: matrix.cells.map((cell) => ({
      stakeholder: stakeholders.get(cell.stakeholderId)!,
      code: codes.get(cell.code)!,
      count: cell.count,
    })),
  };
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

export function cooccurrenceCsv(report: CooccurrenceReport): string {
  return csvTable(
    ['stakeholder', 'code', 'count'],
    report.cells.map((c) => [c.stakeholder, c.code, c.count]),
  );
}
