import type { CodeFrequencies } from '../api';
import { csvTable } from '../csv-table';

/**
 * Code frequencies with codes by name, for readers outside Gloss: what `gloss analyse
 * --frequencies --json` prints and its CSV is written from, the same from the command line and
 * the screens' Export CSV. At every level a group counts its own passages and its codes'.
 */
export interface FrequenciesReport {
  codes: { code: string; group: string | null; total: number; documents: number }[];
  /** Documents with annotations: each code met there (groups with their codes), by name. */
  documents: { key: string; counts: Record<string, number> }[];
  /** Per folder ("" for the project's own), as for documents. */
  folders: { folder: string; counts: Record<string, number> }[];
  /** For each group, the documents without any passage of it or of its codes. */
  withoutGroup: { group: string; keys: string[] }[];
}

/** Each code with every code under it, itself first, by id. */
export function codesUnder(codes: CodeFrequencies['codes']): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const c of codes) {
    if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  const under = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(under)];
  return new Map(codes.map((c) => [c.id, under(c.id)]));
}

/** Own counts by code id made into counts by name, a group's with its codes', codes not met left out. */
function countsWithGroups(
  counts: Record<string, number>,
  codes: CodeFrequencies['codes'],
  under: Map<string, string[]> = codesUnder(codes),
): Record<string, number> {
  const named: Record<string, number> = {};
  for (const c of codes) {
    const n = under.get(c.id)!.reduce((sum, id) => sum + (counts[id] ?? 0), 0);
    if (n > 0) named[c.name] = n;
  }
  return named;
}

export function namedFrequencies(f: CodeFrequencies): FrequenciesReport {
  const names = new Map(f.codes.map((c) => [c.id, c.name]));
  const under = codesUnder(f.codes);
  return {
    codes: f.codes.map((c) => ({
      code: c.name,
      group: c.parentId ? (names.get(c.parentId) ?? null) : null,
      total: c.total,
      documents: c.documents,
    })),
    documents: f.documents.map((d) => ({ key: d.key, counts: countsWithGroups(d.counts, f.codes, under) })),
    folders: f.folders.map((d) => ({ folder: d.folder, counts: countsWithGroups(d.counts, f.codes, under) })),
    withoutGroup: f.withoutGroup.map((w) => ({ group: names.get(w.groupId) ?? w.groupId, keys: w.keys })),
  };
}

/**
 * RFC 4180, one long table for pivoting: `scope,name,code,group,count,documents`, where scope is
 * `project` (every code, with the number of documents using it), `folder` or `document` (name the
 * folder or key; codes met only), then `without` (name a document that has no passage of the group
 * in `code`).
 */
export function frequenciesCsv(report: FrequenciesReport): string {
  const groups = new Map(report.codes.map((c) => [c.code, c.group ?? undefined]));
  const rows: (string | number | undefined)[][] = report.codes.map((c) => [
    'project',
    '',
    c.code,
    c.group ?? undefined,
    c.total,
    c.documents,
  ]);
  for (const f of report.folders) {
    for (const [code, n] of Object.entries(f.counts))
      rows.push(['folder', f.folder, code, groups.get(code), n, undefined]);
  }
  for (const d of report.documents) {
    for (const [code, n] of Object.entries(d.counts))
      rows.push(['document', d.key, code, groups.get(code), n, undefined]);
  }
  for (const w of report.withoutGroup) {
    for (const key of w.keys) rows.push(['without', key, w.group, groups.get(w.group), 0, undefined]);
  }
  return csvTable(['scope', 'name', 'code', 'group', 'count', 'documents'], rows);
}
