import { createRequire } from 'node:module';

/**
 * What compromise's English lexicon knows about a word or phrase (lower case): its tags, such as
 * MaleName, LastName, Person, Organization, City, Honorific, Determiner, PastTense. Only the
 * word lists are used, not the tagger: looking a word up costs a map read, where tagging a news
 * article with compromise took about 27 ms.
 */
export interface NameLexicon {
  tags(lower: string): readonly string[] | undefined;
  /** Words that end an organisation's name ("Board", "Association", "Bank"). */
  isOrgWord(lower: string): boolean;
  /** Words that end a place's name ("Bay", "Island", "Valley"). */
  isPlaceWord(lower: string): boolean;
  /**
   * What else a given name may be, for names that are words too: "Noun" for Bill, Ray or Robin,
   * "Adj" for Frank, "Place" for Houston or Sydney, "Date" for June; undefined for other words.
   */
  nameAlso(lower: string): string | undefined;
}

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true>; switches: Record<string, string> };
}

// Loading compromise's lexicon takes a moment and most commands never need it: loaded on first use.
const requireHere = createRequire(import.meta.url);
let lexicon: NameLexicon | undefined;

export function nameLexicon(): NameLexicon {
  lexicon ??= fromModel((requireHere('compromise/two') as { model(): CompromiseModel }).model());
  return lexicon;
}

function fromModel(model: CompromiseModel): NameLexicon {
  const words = new Map<string, readonly string[]>();
  for (const [word, tags] of Object.entries(model.one.lexicon))
    words.set(word, Array.isArray(tags) ? tags : [tags]);
  const orgWords = new Set(Object.keys(model.two.orgWords));
  const placeWords = new Set(Object.keys(model.two.placeWords));
  // compromise's "switches": words its tagger decides by context, such as "Person|Noun" for "bill".
  const nameAlso = new Map<string, string>();
  for (const [word, both] of Object.entries(model.two.switches))
    if (both.startsWith('Person|')) nameAlso.set(word, both.slice('Person|'.length));
  return {
    tags: (lower) => words.get(lower),
    isOrgWord: (lower) => orgWords.has(lower),
    isPlaceWord: (lower) => placeWords.has(lower),
    nameAlso: (lower) => nameAlso.get(lower),
  };
}
