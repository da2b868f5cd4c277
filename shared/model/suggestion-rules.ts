import { ApiError } from '../api-error';
import { foldName } from '../text/fold-name';
import type { Suggestion } from './suggestion';

/**
 * A project's rules for suggestions, shared by everyone working on it (kept in project.json's
 * settings, beside the codebook and register):
 * - `acceptRegisterMentions`: mentions of register names (suggestions of kind `stakeholder`) are
 *   tagged as if accepted when the researcher opens a document (see main/suggestions/suggestions.ts
 *   for exactly when), each once.
 * - `neverSuggest`: names never proposed again as possible new stakeholders (`candidate`) or as
 *   mentions (`stakeholder`); `kind` limits a name to one of the two, absent means both.
 *
 * Pure, and free of zod so the screens can use it: the request schema is in suggestion-rules-schema.ts.
 */
export interface SuggestionRules {
  acceptRegisterMentions: boolean;
  neverSuggest: NeverSuggestName[];
}

/** The suggestion kinds a never-suggest name can silence: names, never figures or search hits. */
export const NAME_SUGGESTION_KINDS = ['candidate', 'stakeholder'] as const;
export type NameSuggestionKind = (typeof NAME_SUGGESTION_KINDS)[number];

/** A name as the researcher saw it; spacing and case do not matter when it is compared. */
export interface NeverSuggestName {
  name: string;
  kind?: NameSuggestionKind;
}

/** Enough for any project's list; keeps project.json and every listing small. */
export const NEVER_SUGGEST_LIMIT = 5_000;

/**
 * Whether a rule silences a suggestion: same kind (or the rule has none), and the name it shows
 * is the rule's name after spacing is collapsed and case folded ("wall  street JOURNAL" silences
 * "Wall Street Journal"). A candidate shows the name it would add to the register and its quote;
 * a mention shows its quote (the register entry it names may be called something else: an alias
 * is silenced by its own spelling, not by the entry's name). Figures and search hits never match.
 */
export function neverSuggestFilter(names: readonly NeverSuggestName[]): (suggestion: Suggestion) => boolean {
  if (names.length === 0) return () => false;
  const folded = new Map<string, Set<NameSuggestionKind>>();
  for (const { name, kind } of names) {
    const kinds = folded.get(foldName(name)) ?? new Set();
    for (const k of kind ? [kind] : NAME_SUGGESTION_KINDS) kinds.add(k);
    folded.set(foldName(name), kinds);
  }
  return (suggestion) => {
    if (suggestion.kind !== 'candidate' && suggestion.kind !== 'stakeholder') return false;
    const shown = [suggestion.quote, suggestion.newStakeholder?.name];
    return shown.some(
      (name) => name !== undefined && folded.get(foldName(name))?.has(suggestion.kind as NameSuggestionKind),
    );
  };
}

/** Two entries are one rule when their names fold alike and they cover the same kinds. */
export function sameNeverSuggest(a: NeverSuggestName, b: NeverSuggestName): boolean {
  return foldName(a.name) === foldName(b.name) && a.kind === b.kind;
}

/** The list with `entry` added at its end, unless the same rule is there already. */
export function withNeverSuggest(
  list: readonly NeverSuggestName[],
  entry: NeverSuggestName,
): NeverSuggestName[] {
  const cleaned = { ...entry, name: entry.name.trim().split(/\s+/).join(' ') };
  if (list.some((e) => sameNeverSuggest(e, cleaned))) return [...list];
  // Checked here because project.json is validated when read, not when written: a longer list
  // would make the whole file unreadable.
  if (list.length >= NEVER_SUGGEST_LIMIT) {
    throw new ApiError(
      'bad-request',
      `This project already never suggests ${NEVER_SUGGEST_LIMIT} names: remove some before adding “${cleaned.name}”`,
    );
  }
  return [...list, cleaned];
}

/** The list without the rule for `entry`'s name and kind (nothing else is touched). */
export function withoutNeverSuggest(
  list: readonly NeverSuggestName[],
  entry: NeverSuggestName,
): NeverSuggestName[] {
  return list.filter((e) => !sameNeverSuggest(e, entry));
}
