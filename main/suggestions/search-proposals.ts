import { reanchor } from '../../shared/anchoring/reanchor';
import type { Annotation, TextTarget } from '../../shared/model/annotation';
import type { Suggestion } from '../../shared/model/suggestion';
import { targetFor } from '../../shared/text/quote';
import { suggestionId } from './document-suggestions';
import type { StoredProposal } from './rejections-file';

/** A hit to tag, UTF-16 offsets into the document's current text, end exclusive. */
export interface HitPlace {
  start: number;
  end: number;
}

/**
 * The proposals still to review in a document's current text: each where it was stored if its
 * quote and context are still there, else found again as annotations are (shared/anchoring) when
 * the article changed; a proposal whose words are no longer in the text, or are only there
 * changed, is dropped from the list. Left out too: the rejected, and those already tagged with
 * their code by anyone (a passage of that code covers them). In text order.
 */
export function placeProposals(
  text: string,
  annotations: readonly Annotation[],
  proposed: readonly StoredProposal[],
  rejected: ReadonlySet<string>,
): Suggestion[] {
  const waiting = proposed.filter((p) => !rejected.has(p.id));
  const moved = waiting.filter((p) => !inPlace(text, p.target));
  const placements =
    moved.length > 0
      ? reanchor(
          text,
          moved.map((p) => p.target),
        )
      : [];
  const placed = new Map<StoredProposal, HitPlace>();
  moved.forEach((proposal, i) => {
    const placement = placements[i]!;
    if (placement.kind === 'same' || placement.kind === 'moved') placed.set(proposal, placement);
  });
  const out: Suggestion[] = [];
  for (const proposal of waiting) {
    const at = placed.get(proposal) ?? (inPlace(text, proposal.target) ? proposal.target : undefined);
    if (!at || text.slice(at.start, at.end) !== proposal.target.quote) continue;
    if (taggedWith(annotations, proposal.code, at)) continue;
    out.push({
      id: proposal.id,
      kind: 'search',
      start: at.start,
      end: at.end,
      quote: proposal.target.quote,
      code: proposal.code,
      query: proposal.query,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The proposals to add for `hits` in a document: one per hit, unless a passage of that code
 * already covers it, or it is proposed already (waiting or rejected), or it is a duplicate of
 * another hit given. Throws a RangeError naming the range when a hit does not fit the text.
 */
export function proposalsFor(
  text: string,
  annotations: readonly Annotation[],
  stored: readonly StoredProposal[],
  request: { code: string; query: string; hits: readonly HitPlace[]; at: string },
): { added: StoredProposal[]; skipped: number } {
  const known = new Set(stored.map((p) => p.id));
  const added: StoredProposal[] = [];
  let skipped = 0;
  for (const hit of request.hits) {
    const target = targetFor(text, hit.start, hit.end);
    const id = searchProposalId(request.code, target);
    if (known.has(id) || taggedWith(annotations, request.code, hit)) {
      skipped += 1;
      continue;
    }
    known.add(id);
    added.push({ id, code: request.code, target, query: request.query, at: request.at });
  }
  return { added, skipped };
}

/** The same for the same code on the same words at the same place, so proposing twice is noticed. */
export function searchProposalId(code: string, target: TextTarget): string {
  return suggestionId({ kind: 'search', start: target.start, end: target.end, code }, target.quote);
}

function inPlace(text: string, target: TextTarget): boolean {
  return (
    text.startsWith(target.quote, target.start) &&
    text.endsWith(target.prefix, target.start) &&
    text.startsWith(target.suffix, target.end)
  );
}

function taggedWith(annotations: readonly Annotation[], code: string, at: HitPlace): boolean {
  return annotations.some((a) => a.code === code && a.target.start <= at.start && at.end <= a.target.end);
}
