import { useEffect } from 'react';
import type { SuggestionStats } from '../../../../shared/api';
import { SUGGESTION_KINDS } from '../../../../shared/model/suggestion';
import { SUGGESTION_KIND_WORDS } from '../../../../shared/model/suggestion-kind-words';
import { useStore } from '../../store/context';

/** Decisions come in bursts (Accept all, a run of Enter): the statistics are asked once they pause. */
const AFTER_DECISIONS_MS = 800;

/**
 * The precision the researcher is getting from each kind of suggestion: how many they accepted
 * of those they decided, over the whole project (`gloss suggest --stats` prints the same).
 */
export function SuggestionStatsLine() {
  const fetched = useStore((s) => s.suggestionStats);
  const refresh = useStore((s) => s.refreshSuggestionStats);
  // Accepting, rejecting and undoing change what is left to suggest: then the counts move.
  const decisions = useStore(
    (s) => `${s.suggestions.key}:${s.suggestions.list.length}:${s.suggestions.rejected}`,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `decisions` is when to ask again
  useEffect(() => {
    const timer = setTimeout(() => void refresh(), fetched.answer ? AFTER_DECISIONS_MS : 0);
    return () => clearTimeout(timer);
  }, [decisions, refresh]);
  const parts = fetched.answer ? describe(fetched.answer) : [];
  if (parts.length === 0) return null;
  return <p className="suggestion-stats">Accepted so far: {parts.join('; ')}.</p>;
}

function describe(stats: SuggestionStats): string[] {
  return SUGGESTION_KINDS.flatMap((kind) => {
    const { accepted, rejected } = stats.byKind[kind];
    const decided = accepted + rejected;
    if (decided === 0) return [];
    return [
      `${SUGGESTION_KIND_WORDS[kind]} ${accepted} of ${decided} (${Math.round((100 * accepted) / decided)}%)`,
    ];
  });
}
