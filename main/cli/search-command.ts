import { codePointOffsets } from '../../shared/analysis/code-point-offsets';
import { csvTable } from '../../shared/csv-table';
import { cliClient } from './cli-client';

/** What `gloss search --json` prints: offsets in code points, as in the JSONL export. */
export interface SearchReport {
  query: string;
  total: number;
  hits: { key: string; start: number; end: number; text: string; left: string; right: string }[];
}

/**
 * Searches every article of a folder (the query as the screens take it), opened read-only so
 * nothing is written into it. Offsets are turned into Unicode code points, for Python and the like.
 */
export async function searchReport(
  folder: string,
  query: string,
  options: { limit?: number; within?: string } = {},
): Promise<SearchReport> {
  const api = cliClient({ readOnly: true });
  await api.openProject({ path: folder });
  const result = await api.searchCorpus({ query, limit: options.limit ?? 100_000, folder: options.within });
  const offsets = codePointOffsets(api);
  const hits: SearchReport['hits'] = [];
  for (const hit of result.hits) {
    const { start, end } = await offsets(hit.key, hit.start, hit.end);
    hits.push({ key: hit.key, start, end, text: hit.text, left: hit.left, right: hit.right });
  }
  return { query: result.query, total: result.total, hits };
}

/** A concordance for the terminal: the hits lined up on their keyword, then the count. */
export function formatSearchReport(report: SearchReport): string {
  // Cut by code points, so no emoji is split in two.
  const lines = report.hits.map(
    (hit) =>
      `${hit.key}:${hit.start}  ${[...hit.left].slice(-40).join('').padStart(40)}[${hit.text}]${[...hit.right].slice(0, 40).join('')}`,
  );
  const shown = report.hits.length < report.total ? ` (${report.hits.length} shown)` : '';
  lines.push(`${report.total} hit${report.total === 1 ? '' : 's'} for ${report.query}${shown}`);
  return lines.join('\n');
}

export function searchCsv(report: SearchReport): string {
  return csvTable(
    ['key', 'start', 'end', 'left', 'text', 'right'],
    report.hits.map((hit) => [hit.key, hit.start, hit.end, hit.left, hit.text, hit.right]),
  );
}
