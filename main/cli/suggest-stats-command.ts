import type { SuggestionStats } from '../../shared/api';
import { SUGGESTION_KINDS } from '../../shared/model/suggestion';
import { SUGGESTION_KIND_WORDS } from '../../shared/model/suggestion-kind-words';
import { cliClient } from './cli-client';

/** What `gloss suggest --stats` prints: the suggestion statistics of one annotator. Writes nothing. */
export async function suggestStats(folder: string, annotator?: string): Promise<SuggestionStats> {
  const api = cliClient({ annotator, readOnly: true });
  await api.openProject({ path: folder });
  return api.suggestionStats({});
}

/** One line a kind: accepted, rejected, and the share accepted (the precision) when any was decided. */
export function formatSuggestStats(stats: SuggestionStats): string {
  const lines = [`Suggestions decided by ${stats.annotator}, over ${stats.documents} documents:`];
  for (const kind of SUGGESTION_KINDS) {
    const { accepted, rejected } = stats.byKind[kind];
    const decided = accepted + rejected;
    const share = decided === 0 ? '–' : `${Math.round((100 * accepted) / decided)}% accepted`;
    lines.push(
      `  ${SUGGESTION_KIND_WORDS[kind].padEnd(18)} ${String(accepted).padStart(6)} accepted ${String(rejected).padStart(6)} rejected   ${share}`,
    );
  }
  for (const path of stats.unreadable) lines.push(`could not read ${path}: left out of the counts`);
  return lines.join('\n');
}
