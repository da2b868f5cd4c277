import type { ImportSummary } from './api';

/**
 * How each kind of source line became Gloss data, one sentence a kind, the same on the command
 * line and in the Import dialog: "12 E (event) lines → 12 trigger annotations + 20 relations …".
 * Formats that map one to one (most) say nothing here.
 */
export function mappingLines(summary: Pick<ImportSummary, 'mapping'>): string[] {
  return (summary.mapping ?? []).map(
    ({ lines, count, became }) => `${count} ${lines} line${count === 1 ? '' : 's'} → ${became}`,
  );
}
