import { type AgreementReport, ALL_CODES, namedAgreement } from '../../shared/analysis/agreement-report';
import type { PairAgreement } from '../../shared/api';
import { cliClient } from './cli-client';
import { UsageError } from './usage';

export { type AgreementReport, agreementCsv } from '../../shared/analysis/agreement-report';

export interface AgreementOptions {
  annotators?: string[];
  /** Codes by name or id. */
  codes?: string[];
  doneOnly?: boolean;
}

/** Agreement between the annotators of a folder, opened read-only; codes named as the researcher knows them. */
export async function agreementReport(folder: string, options: AgreementOptions): Promise<AgreementReport> {
  const api = cliClient({ readOnly: true });
  const { codebook } = await api.openProject({ path: folder });
  const codes = options.codes?.map((given) => {
    const code = codebook.codes.find((c) => c.id === given || c.name.toLowerCase() === given.toLowerCase());
    if (!code) throw new UsageError(`no code "${given}" in the codebook`);
    return code.id;
  });
  const result = await api.agreement({
    ...(options.annotators ? { annotators: options.annotators } : {}),
    ...(codes ? { codes } : {}),
    doneOnly: options.doneOnly ?? false,
  });
  return namedAgreement(result, codebook);
}

/** A table per pair of annotators for the terminal, then the group's when there are more than two. */
export function formatAgreement(report: AgreementReport): string {
  const scope = report.doneOnly ? 'documents both marked done' : 'documents both have annotations in';
  if (report.annotators.length < 2)
    return `Agreement needs two annotators; this project has ${report.annotators.length}.`;
  const number = (value: number | null) => (value === null ? '–' : value.toFixed(3));
  const lines: string[] = [];
  for (const pair of report.pairs) {
    lines.push(`${pair.a} and ${pair.b}: ${pair.documents} ${scope}`);
    const rows = [...Object.entries(pair.codes), [ALL_CODES, pair.overall] as [string, PairAgreement]];
    const width = Math.max(...rows.map(([code]) => code.length), 4);
    lines.push(
      `  ${'code'.padEnd(width)}  ${['F1', 'κ', 'α', 'token κ', 'token α', 'α_u'].map((h) => h.padStart(7)).join(' ')}`,
    );
    for (const [code, m] of rows) {
      const values = [m.f1, m.kappa, m.alpha, m.tokenKappa, m.tokenAlpha, m.alphaU].map((v) =>
        number(v).padStart(7),
      );
      lines.push(`  ${code.padEnd(width)}  ${values.join(' ')}`);
    }
  }
  if (report.annotators.length > 2) {
    lines.push(
      `All ${report.annotators.length} annotators: ${report.documents} documents every one worked on`,
    );
    const rows = [...Object.entries(report.codes), [ALL_CODES, report.overall] as const];
    const width = Math.max(...rows.map(([code]) => code.length), 4);
    lines.push(`  ${'code'.padEnd(width)}  ${['Fleiss κ', 'α', 'α_u'].map((h) => h.padStart(8)).join(' ')}`);
    for (const [code, m] of rows) {
      lines.push(
        `  ${code.padEnd(width)}  ${[m.fleissKappa, m.alpha, m.alphaU].map((v) => number(v).padStart(8)).join(' ')}`,
      );
    }
  }
  return lines.join('\n');
}
