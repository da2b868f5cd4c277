import type { SearchHit } from '../../../shared/api';
import { textWords } from '../../../shared/search/text-words';

/** How the concordance is ordered: as the search gave it (document by document), or by a neighbouring word. */
export type SearchHitOrder = 'document' | 'wordBefore' | 'wordAfter';

const collator = new Intl.Collator(undefined, { sensitivity: 'accent' });

/**
 * The hits in `order`. Neighbouring words are compared in the reader's locale, whatever their
 * case; a hit with no word on that side (at the start or end of a text) comes first, and hits
 * with the same word keep the search's order, so each group reads document by document.
 */
export function orderHits(hits: readonly SearchHit[], order: SearchHitOrder): readonly SearchHit[] {
  if (order === 'document') return hits;
  const neighbour = order === 'wordBefore' ? wordBefore : wordAfter;
  return hits
    .map((hit) => ({ hit, word: neighbour(hit) }))
    .sort((a, b) => collator.compare(a.word, b.word))
    .map(({ hit }) => hit);
}

/** The last word of the left context (cut at its start if the context is), folded. */
const wordBefore = (hit: SearchHit) => textWords(hit.left).at(-1)?.folded ?? '';
const wordAfter = (hit: SearchHit) => textWords(hit.right)[0]?.folded ?? '';
