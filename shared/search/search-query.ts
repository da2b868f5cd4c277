/**
 * What a researcher types into corpus search, parsed once for the screens, the command line and
 * the index alike:
 * - words, matched as whole words in that order, case-insensitive (`data protection` finds
 *   "Data protection" and "data-protection"); quotes around them change nothing but are allowed;
 * - a word ending in `*` matches every word it begins (`regulat*`);
 * - `/pattern/flags` is a JavaScript regular expression over the text (flags i, m, s, u).
 * Words are runs of letters, marks and digits in any script, so `security` is found in
 * "Security", "cyber-security" and "security's".
 */
export type SearchQuery =
  | { kind: 'words'; words: readonly QueryWord[] }
  | { kind: 'regex'; source: string; flags: string };

export interface QueryWord {
  /** Lower case, as words of the text are compared. */
  text: string;
  /** Matches any word beginning with `text`. */
  prefix: boolean;
}

export class SearchQueryError extends Error {}

const WORD = /[\p{L}\p{M}\p{N}]+(\*)?/gu;
const REGEX = /^\/(.+)\/([a-z]*)$/s;
const REGEX_FLAGS = /^[imsu]*$/;

export function parseSearchQuery(input: string): SearchQuery {
  const trimmed = input.trim();
  const regex = REGEX.exec(trimmed);
  if (regex) {
    const [, source, flags] = regex as unknown as [string, string, string];
    if (!REGEX_FLAGS.test(flags)) {
      throw new SearchQueryError(`/${source}/${flags}: the flags may be i, m, s and u, not "${flags}"`);
    }
    try {
      new RegExp(source, `${flags}g`);
    } catch (error) {
      throw new SearchQueryError(
        `/${source}/${flags} is not a regular expression: ${(error as Error).message}`,
      );
    }
    return { kind: 'regex', source, flags };
  }
  const words = [...trimmed.matchAll(WORD)].map((match) => ({
    text: foldWord(match[0].replace(/\*$/, '')),
    prefix: match[1] !== undefined,
  }));
  if (words.length === 0) throw new SearchQueryError(`"${trimmed}" has no word to search for`);
  return { kind: 'words', words };
}

/**
 * How words are compared: lower case, the same in the index, the query and the text. A Greek
 * word's final sigma (ς) is folded to σ: which one is written depends only on where the letter
 * stands, and lowering a whole text or one word at a time then gives the same letters.
 */
export function foldWord(word: string): string {
  return word.toLowerCase().replaceAll('ς', 'σ');
}
