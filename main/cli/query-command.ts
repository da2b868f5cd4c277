import { codePointOffsets } from '../../shared/analysis/code-point-offsets';
import type { QueryCondition } from '../../shared/analysis/coding-query';
import type { CooccurrenceRule } from '../../shared/analysis/cooccurrence';
import { namedQueryPassages, type QueryReport } from '../../shared/analysis/query-report';
import type { NamedQuery } from '../../shared/analysis/query-words';
import type { DocumentStatus } from '../../shared/model/document';
import { cliClient } from './cli-client';
import { UsageError } from './usage';

// The CSV, Markdown and HTML are shared with the screens' exports, so both write the same files.
export { queryHtml, queryMarkdown } from '../../shared/analysis/query-document';
export { type QueryReport, queryCsv } from '../../shared/analysis/query-report';

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

/**
 * The coding query on a folder, opened read-only; codes and the stakeholder named as the
 * researcher knows them. Returns the passages and the query as asked, by the codebook's and the
 * register's names, for the head of a report.
 */
export async function queryReport(
  folder: string,
  options: QueryOptions,
): Promise<{ report: QueryReport; query: NamedQuery }> {
  const api = cliClient({ readOnly: true });
  const { codebook, stakeholders } = await api.openProject({ path: folder });
  const codeOf = (given: string) => {
    const code = codebook.codes.find((c) => c.id === given || c.name.toLowerCase() === given.toLowerCase());
    if (!code) throw new UsageError(`no code "${given}" in the codebook`);
    return code;
  };
  const conditions: (QueryCondition & NamedQuery['conditions'][number])[] = [
    ...(options.with ?? []).map(codeOf).map((code) => ({ code: code.id, rule: options.by })),
    ...(options.without ?? []).map(codeOf).map((code) => ({ code: code.id, rule: options.by, not: true })),
  ];
  let stakeholder: string | undefined;
  if (options.stakeholder !== undefined) {
    const wanted = options.stakeholder.toLowerCase();
    const entry = stakeholders.find(
      (s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted),
    );
    if (!entry)
      throw new UsageError(`no stakeholder "${options.stakeholder}" in the register (names and aliases)`);
    stakeholder = entry.name;
    conditions.push({ stakeholderId: entry.id, rule: options.by });
  }
  const codes = options.codes.map(codeOf);
  const scope = {
    annotator: options.annotator,
    statuses: options.statuses,
    folder: options.within,
    from: options.from,
    to: options.to,
  };
  const result = await api.codingQuery({ codes: codes.map((c) => c.id), conditions, ...scope });
  const name = (id: string) => codebook.codes.find((c) => c.id === id)?.name ?? id;
  const query: NamedQuery = {
    codes: codes.map((c) => c.name),
    conditions: conditions.map(({ code, rule, not }) => ({
      ...(code ? { code: name(code) } : { stakeholder }),
      rule,
      ...(not ? { not } : {}),
    })),
    ...scope,
  };
  return { report: await namedQueryPassages(result, codebook, codePointOffsets(api)), query };
}

export function formatQuery(report: QueryReport): string {
  const lines = report.passages.map((p) => `${p.key}:${p.start}  ${p.code} (${p.annotator}): ${p.sentence}`);
  lines.push(`${report.passages.length} passage${report.passages.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
