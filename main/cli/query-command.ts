import type { QueryCondition } from '../../shared/analysis/coding-query';
import type { CooccurrenceRule } from '../../shared/analysis/cooccurrence';
import { csvTable } from '../../shared/csv-table';
import type { DocumentStatus } from '../../shared/model/document';
import type { FigureValue } from '../../shared/model/figure';
import { cliClient } from './cli-client';
import { codePointOffsets } from './code-point-offsets';
import { UsageError } from './usage';

export interface QueryOptions {
  codes: string[];
  with?: string[];
  without?: string[];
  stakeholder?: string;
  by: CooccurrenceRule;
  annotator?: string;
  statuses?: DocumentStatus[];
  within?: string;
  from?: string;
  to?: string;
}

/** What `gloss query --json` prints: offsets in code points, codes by name. */
export interface QueryReport {
  passages: {
    key: string;
    start: number;
    end: number;
    quote: string;
    code: string;
    annotator: string;
    note?: string;
    value?: FigureValue;
    sentence: string;
    title: string;
  }[];
}

/** The coding query on a folder, opened read-only; codes and the stakeholder named as the researcher knows them. */
export async function queryReport(folder: string, options: QueryOptions): Promise<QueryReport> {
  const api = cliClient({ readOnly: true });
  const { codebook, stakeholders } = await api.openProject({ path: folder });
  const codeOf = (given: string) => {
    const code = codebook.codes.find((c) => c.id === given || c.name.toLowerCase() === given.toLowerCase());
    if (!code) throw new UsageError(`no code "${given}" in the codebook`);
    return code.id;
  };
  const conditions: QueryCondition[] = [
    ...(options.with ?? []).map((code) => ({ code: codeOf(code), rule: options.by })),
    ...(options.without ?? []).map((code) => ({ code: codeOf(code), rule: options.by, not: true })),
  ];
  if (options.stakeholder !== undefined) {
    const wanted = options.stakeholder.toLowerCase();
    const entry = stakeholders.find(
      (s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted),
    );
    if (!entry)
      throw new UsageError(`no stakeholder "${options.stakeholder}" in the register (names and aliases)`);
    conditions.push({ stakeholderId: entry.id, rule: options.by });
  }
  const result = await api.codingQuery({
    codes: options.codes.map(codeOf),
    conditions,
    annotator: options.annotator,
    statuses: options.statuses,
    folder: options.within,
    from: options.from,
    to: options.to,
  });
  const names = new Map(codebook.codes.map((c) => [c.id, c.name]));
  const offsets = codePointOffsets(api);
  const passages: QueryReport['passages'] = [];
  for (const p of result.passages) {
    const { start, end } = await offsets(p.key, p.start, p.end);
    passages.push({
      key: p.key,
      start,
      end,
      quote: p.quote,
      code: names.get(p.code) ?? p.code,
      annotator: p.author,
      ...(p.note ? { note: p.note } : {}),
      ...(p.value ? { value: p.value } : {}),
      sentence: p.sentence,
      title: p.title,
    });
  }
  return { passages };
}

export function formatQuery(report: QueryReport): string {
  const lines = report.passages.map((p) => `${p.key}:${p.start}  ${p.code} (${p.annotator}): ${p.sentence}`);
  lines.push(`${report.passages.length} passage${report.passages.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

export function queryCsv(report: QueryReport): string {
  return csvTable(
    ['key', 'start', 'end', 'code', 'annotator', 'quote', 'sentence', 'note', 'title'],
    report.passages.map((p) => [
      p.key,
      p.start,
      p.end,
      p.code,
      p.annotator,
      p.quote,
      p.sentence,
      p.note,
      p.title,
    ]),
  );
}
