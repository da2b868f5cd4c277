import type { FiguresTable } from '../api';
import { csvTable } from '../csv-table';
import type { Codebook } from '../model/codebook';
import type { Stakeholder } from '../model/stakeholder';
import type { CodePointOffsets } from './code-point-offsets';

/**
 * The figures table for readers outside Gloss: offsets in code points, codes and stakeholders by
 * name. What `gloss analyse --figures --json` prints and its CSV is written from, the same from
 * the command line and the screens' Export CSV.
 */
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
    title: string;
    /** The article's publication date, when its page gave one. */
    date?: string;
  }[];
}

export async function namedFigures(
  table: FiguresTable,
  codebook: Codebook,
  stakeholders: readonly Pick<Stakeholder, 'id' | 'name'>[],
  offsets: CodePointOffsets,
): Promise<FiguresReport> {
  const codes = new Map(codebook.codes.map((c) => [c.id, c.name]));
  const register = new Map(stakeholders.map((s) => [s.id, s.name]));
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
      title: f.title,
      ...(f.date ? { date: f.date } : {}),
    });
  }
  return { figures };
}

/** RFC 4180: a row per figure; a figure without a value has empty value cells. */
export function figuresCsv(report: FiguresReport): string {
  return csvTable(
    [
      'key',
      'start',
      'end',
      'code',
      'quote',
      'min',
      'max',
      'currency',
      'unit',
      'qualifier',
      'measures',
      'stakeholder',
      'title',
      'date',
    ],
    report.figures.map((f) => [
      f.key,
      f.start,
      f.end,
      f.code,
      f.quote,
      f.min,
      f.max,
      f.currency,
      f.unit,
      f.qualifier,
      f.measures,
      f.stakeholder ?? undefined,
      f.title,
      f.date,
    ]),
  );
}
