import { foldName } from '../text/fold-name';
import type { Suggestion, SuggestionKind } from './suggestion';
import type { StakeholderKind } from './vocabulary';

/**
 * Suggestions one decision covers, across the project: a possible new stakeholder by its name,
 * a register entry's mentions (whichever name or alias they use), figures by code and unit, search
 * hits by code and query. Zod-free: the screens compute a suggestion's group to find its members.
 */
export function suggestionGroupId(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case 'candidate':
      return `candidate:${foldName(suggestion.newStakeholder?.name ?? suggestion.quote)}`;
    case 'stakeholder':
      return `stakeholder:${suggestion.stakeholderId ?? foldName(suggestion.quote)}`;
    case 'figure':
      return `figure:${suggestion.code}:${figureUnit(suggestion)}`;
    case 'search':
      return `search:${suggestion.code}:${suggestion.query ?? ''}`;
  }
}

/** What a figure counts, for grouping: its currency, else its unit, else what it measures. */
export function figureUnit(suggestion: Pick<Suggestion, 'value'>): string {
  const value = suggestion.value;
  return value?.currency ?? value?.unit ?? value?.measures ?? '';
}

/**
 * Whether a suggestion is one of `group`'s: its own kind of find, or one of the short forms folded
 * into it ("Mr Blair" into Tony Blair's group).
 */
export function inSuggestionGroup(
  group: Pick<SuggestionGroup, 'id' | 'members'>,
  suggestion: Suggestion,
): boolean {
  const id = suggestionGroupId(suggestion);
  return id === group.id || (group.members?.includes(id) ?? false);
}

/** A document's share of a group, and what this annotator decided there through the queue. */
export interface GroupInDocument {
  key: string;
  /** Mentions of the group in the document when the queue was built. */
  count: number;
  decision?: 'accepted' | 'rejected';
}

export interface SuggestionGroup {
  id: string;
  kind: SuggestionKind;
  /** The code accepting applies. */
  code: string;
  /** What the group is: the name, the register entry's name, the figure code and unit, the query. */
  label: string;
  /** What kind of thing: "company" (a candidate's guessed kind), "register: person", "money · GBP"… */
  detail: string;
  stakeholderId?: string;
  newStakeholder?: { name: string; kind: StakeholderKind };
  /** For search hits: the query. */
  query?: string;
  /**
   * Other groups folded into this one: a person's titled short form ("candidate:mr blair") when
   * the run or the register holds exactly one full name it can stand for (Tony Blair).
   */
  members?: string[];
  /** The short forms, as written ("Mr Blair"): accepting makes them aliases of the register entry. */
  aliases?: string[];
  /** Mentions over the project when the queue was built, and in how many documents. */
  mentions: number;
  documents: number;
  /** The documents, the most mentions first. */
  byDocument: GroupInDocument[];
  /** Mentions decided through the queue (accepted or rejected), of `mentions`. */
  reviewed: number;
  /** Set aside for later: the queue goes past it, and comes back to it after the rest. */
  skipped?: boolean;
}

/**
 * This annotator's review queue: the suggestions of the last run over all documents, grouped, the
 * groups with the most mentions first (they save the most work), with what was decided so far.
 */
export interface ReviewQueue {
  /** When the run it comes from finished; null when no run has built one. */
  builtAt: string | null;
  /** Suggestions in the queue, and how many of them were decided through it. */
  total: number;
  reviewed: number;
  groups: SuggestionGroup[];
}

/** Whether a group still has mentions to decide. */
export const groupOpen = (group: SuggestionGroup): boolean => group.reviewed < group.mentions;
