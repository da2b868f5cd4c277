import type { CooccurrenceMatrix } from '../api';
import { csvTable } from '../csv-table';
import type { CooccurrenceRule } from './cooccurrence';

/**
 * The matrix with names rather than ids, for readers outside Gloss: what `gloss analyse
 * --cooccurrence --json` prints, and the rows of its CSV, the same from the command line and the
 * screens' Export CSV.
 */
export interface CooccurrenceReport {
  by: CooccurrenceRule;
  cells: { stakeholder: string; code: string; count: number }[];
}

export function namedCooccurrences(matrix: CooccurrenceMatrix): CooccurrenceReport {
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

/** RFC 4180: a row per cell that is not zero, `stakeholder,code,count`. */
export function cooccurrenceCsv(report: CooccurrenceReport): string {
  return csvTable(
    ['stakeholder', 'code', 'count'],
    report.cells.map((c) => [c.stakeholder, c.code, c.count]),
  );
}
