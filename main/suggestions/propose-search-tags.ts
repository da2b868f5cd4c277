import type { ApiResponses, CorpusSearchResult, ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Project } from '../project/project';
import type { HitPlace } from './search-proposals';
import type { ProposalProgress, Suggestions } from './suggestions';

/** At most this many hits are proposed at once: more than anyone reviews, and the API's page limit. */
export const MAX_PROPOSED_HITS = 100_000;

type Request = ParsedRequest<'proposeSearchTags'>;
type SearchRequest = ParsedRequest<'searchCorpus'>;

/**
 * Proposes tagging search hits with a code, for review in the Suggestions tab: the hits given,
 * or every hit of a search run here (so 100,000 hits never cross the wire). Nothing is tagged.
 */
export async function proposeSearchTags(
  project: Project,
  suggestions: Suggestions,
  search: (request: SearchRequest) => Promise<CorpusSearchResult>,
  request: Request,
  progress?: (progress: ProposalProgress) => void,
): Promise<ApiResponses['proposeSearchTags']> {
  project.assertWritable();
  const code = project.info().codebook.codes.find((c) => c.id === request.code);
  if (!code) throw new ApiError('not-found', `No code has the id ${request.code}`);
  if (!code.codable) {
    throw new ApiError(
      'bad-request',
      `“${code.name}” groups other codes and is not applied itself: choose one of its codes`,
    );
  }
  let hits: readonly { key: string; start: number; end: number }[];
  let query: string;
  if (request.search) {
    const { query: asked, ...scope } = request.search;
    const found = await search({ query: asked, ...scope, limit: MAX_PROPOSED_HITS, offset: 0 });
    if (found.total > MAX_PROPOSED_HITS) {
      throw new ApiError(
        'bad-request',
        `“${asked}” has ${found.total} hits, more than the ${MAX_PROPOSED_HITS} that can be proposed at once: narrow the search (a folder, a status, a code)`,
      );
    }
    hits = found.hits;
    query = asked;
  } else {
    hits = request.hits ?? [];
    query = request.query ?? '';
  }
  const byKey = new Map<string, HitPlace[]>();
  for (const { key, start, end } of hits) {
    const places = byKey.get(key) ?? [];
    places.push({ start, end });
    byKey.set(key, places);
  }
  const { proposed, skipped, byDocument } = await suggestions.propose(request.code, query, byKey, progress);
  return { proposed, skipped, documents: Object.keys(byDocument).length, byDocument };
}
