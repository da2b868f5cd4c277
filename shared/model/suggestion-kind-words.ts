import type { SuggestionKind } from './suggestion';

/** Each kind of suggestion in words, plural, for the statistics the screens and `gloss suggest --stats` show. */
export const SUGGESTION_KIND_WORDS: Record<SuggestionKind, string> = {
  stakeholder: 'register mentions',
  candidate: 'new stakeholders',
  figure: 'figures',
  search: 'search hits',
};
