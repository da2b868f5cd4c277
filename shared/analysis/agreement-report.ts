import type { AgreementResult } from '../api';
import { csvTable } from '../csv-table';
import type { Codebook } from '../model/codebook';

/**
 * Agreement with codes by name, for readers outside Gloss: what `gloss agreement --json` prints
 * and its CSV is written from. The answer's shape, its `codes` keyed by the codebook's names
 * instead of ids. Measures that are undefined (no units, no variation) are null.
 */
export type AgreementReport = AgreementResult;

export function namedAgreement(result: AgreementResult, codebook: Pick<Codebook, 'codes'>): AgreementReport {
  const name = (id: string) => codebook.codes.find((c) => c.id === id)?.name ?? id;
  const byName = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([id, value]) => [name(id), value]));
  return {
    annotators: result.annotators,
    doneOnly: result.doneOnly,
    documents: result.documents,
    pairs: result.pairs.map((pair) => ({ ...pair, codes: byName(pair.codes) })),
    codes: byName(result.codes),
    overall: result.overall,
  };
}

/** The code column's value for a row of every code pooled. */
export const ALL_CODES = '(all codes)';

/**
 * RFC 4180, one row per pair and code, then one per code for all annotators together:
 * `a,b,code,documents,f1,kappa,alpha,tokenKappa,tokenAlpha,alphaU,fleissKappa`. A pair's rows
 * leave fleissKappa empty; the group's rows have `a` = "all", `b` empty and the token measures
 * and F1 empty. Undefined measures are empty cells.
 */
export function agreementCsv(report: AgreementReport): string {
  const cell = (value: number | null) => (value === null ? undefined : value);
  const rows: (string | number | undefined)[][] = [];
  for (const pair of report.pairs) {
    for (const [code, m] of [...Object.entries(pair.codes), [ALL_CODES, pair.overall] as const]) {
      rows.push([
        pair.a,
        pair.b,
        code,
        pair.documents,
        cell(m.f1),
        cell(m.kappa),
        cell(m.alpha),
        cell(m.tokenKappa),
        cell(m.tokenAlpha),
        cell(m.alphaU),
        undefined,
      ]);
    }
  }
  if (report.annotators.length > 2) {
    for (const [code, m] of [...Object.entries(report.codes), [ALL_CODES, report.overall] as const]) {
      rows.push([
        'all',
        undefined,
        code,
        report.documents,
        undefined,
        undefined,
        cell(m.alpha),
        undefined,
        undefined,
        cell(m.alphaU),
        cell(m.fleissKappa),
      ]);
    }
  }
  return csvTable(
    [
      'a',
      'b',
      'code',
      'documents',
      'f1',
      'kappa',
      'alpha',
      'tokenKappa',
      'tokenAlpha',
      'alphaU',
      'fleissKappa',
    ],
    rows,
  );
}
