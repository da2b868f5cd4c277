/**
 * The review queue's operations (main/suggestions/review-queue.ts): part of the one contract in
 * shared/api.ts, which spreads `reviewQueueRequests` into its `requests`. A group is named by its
 * id (shared/model/suggestion-group.ts); its members are found again in each document when it is
 * decided, so what is accepted is what is on offer then.
 */
import { z } from 'zod';
import type { Annotation } from './model/annotation';
import { DocumentKey, Id } from './model/ids';

const GroupId = z.string().min(1).max(1_000);
const Keys = z.array(DocumentKey).min(1).max(100_000);

export const reviewQueueRequests = {
  /** This annotator's queue from the last run over all documents (empty, builtAt null, before one). */
  getReviewQueue: z.object({}).strict(),
  /**
   * Accepts (tags as proposed; one register entry for a possible new stakeholder) or rejects
   * (remembered per document) the group's suggestions on offer now, in `keys` or in every document
   * of the group not decided yet. Recorded in the queue as decided for those documents.
   */
  decideSuggestionGroup: z
    .object({ id: GroupId, decision: z.enum(['accept', 'reject']), keys: Keys.optional() })
    .strict(),
  /**
   * Takes a group decision back, from its result: the annotations made are deleted, the
   * rejections taken back, the register entry it added removed (if nothing else names it now) or
   * the aliases it added taken off, and those documents are open again in the queue.
   */
  undoSuggestionGroup: z
    .object({
      id: GroupId,
      documents: z
        .array(
          z
            .object({
              key: DocumentKey,
              annotations: z.array(Id).max(100_000).optional(),
              rejected: z.array(z.string().min(1).max(200)).max(100_000).optional(),
            })
            .strict(),
        )
        .max(100_000),
      addedStakeholder: Id.optional(),
      addedAliases: z
        .object({ stakeholderId: Id, aliases: z.array(z.string().min(1).max(200)).max(1_000) })
        .strict()
        .optional(),
    })
    .strict(),
  /** Sets a group aside for later in the queue, or takes it back. */
  skipSuggestionGroup: z.object({ id: GroupId, skipped: z.boolean() }).strict(),
};

export interface GroupDecisionResult {
  id: string;
  decision: 'accepted' | 'rejected';
  /** Per document, the annotations made or the suggestions rejected (none: nothing was on offer). */
  documents: { key: string; annotations?: Annotation[]; rejected?: string[] }[];
  /** The register entry the accept added for a possible new stakeholder; undo removes it. */
  addedStakeholder?: string;
  /** Short forms ("Mr Blair") the accept added as aliases of an entry already there; undo takes them off. */
  addedAliases?: { stakeholderId: string; aliases: string[] };
  /** Mentions decided now. */
  decided: number;
}
