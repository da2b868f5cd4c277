import type { CooccurrenceRule } from '../../shared/analysis/cooccurrence';
import { type CooccurrenceReport, namedCooccurrences } from '../../shared/analysis/cooccurrence-report';
import { cliClient } from './cli-client';
import { codePointOffsets } from './code-point-offsets';

// The names and the CSV are shared with the screens' Export CSV, so both write the same file.
export { type CooccurrenceReport, cooccurrenceCsv } from '../../shared/analysis/cooccurrence-report';

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

/** What `gloss analyse --frequencies --json` prints: codes by name, each with its group's name. */
export interface FrequenciesReport {
  codes: { code: string; group: string | null; total: number; documents: number }[];
  documents: { key: string; counts: Record<string, number> }[];
}

export async function frequenciesReport(folder: string, annotator?: string): Promise<FrequenciesReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  const f = await api.codeFrequencies({ annotator });
  const names = new Map(f.codes.map((c) => [c.id, c.name]));
  return {
    codes: f.codes.map((c) => ({
      code: c.name,
      group: c.parentId ? (names.get(c.parentId) ?? null) : null,
      total: c.total,
      documents: c.documents,
    })),
    documents: f.documents.map((d) => ({
      key: d.key,
      counts: Object.fromEntries(Object.entries(d.counts).map(([id, n]) => [names.get(id) ?? id, n])),
    })),
  };
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

/** What `gloss analyse --figures --json` prints: offsets in code points, names for codes and stakeholders. */
export interface FiguresReport {
  figures: {
    key: string;
    start: number;
    end: number;
    quote: string;
    code: string;
    min?: number;
    max?: number;
    unit?: string;
    currency?: string;
    qualifier?: string;
    measures?: string;
    stakeholder: string | null;
  }[];
}

export async function figuresReport(folder: string, annotator?: string): Promise<FiguresReport> {
  const api = cliClient({ readOnly: true });
  const { codebook, stakeholders } = await api.openProject({ path: folder });
  const table = await api.figuresTable({ annotator });
  const codes = new Map(codebook.codes.map((c) => [c.id, c.name]));
  const register = new Map(stakeholders.map((s) => [s.id, s.name]));
  const offsets = codePointOffsets(api);
  const figures: FiguresReport['figures'] = [];
  for (const f of table.figures) {
    const { start, end } = await offsets(f.key, f.start, f.end);
    const { min, max, unit, currency, qualifier, measures } = f.value ?? {};
    figures.push({
      key: f.key,
      start,
      end,
      quote: f.quote,
      code: codes.get(f.code) ?? f.code,
      ...(f.value ? { min, max, qualifier } : {}),
      ...(unit ? { unit } : {}),
      ...(currency ? { currency } : {}),
      ...(measures ? { measures } : {}),
      stakeholder: f.stakeholderId ? (register.get(f.stakeholderId) ?? null) : null,
    });
  }
  return { figures };
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
