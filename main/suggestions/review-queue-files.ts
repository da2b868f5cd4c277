import { z } from 'zod';
import { SUGGESTION_KINDS } from '../../shared/model/suggestion';
import { STAKEHOLDER_KINDS } from '../../shared/model/vocabulary';
import { migrateProjectFile } from '../project/project-file';

const VERSION = 1;

/**
 * A review queue as one run over all documents left it (.gloss/review/<annotator>/queue.json):
 * this annotator's suggestions grouped, the most mentions first. Written once per run; what is
 * decided goes into the decisions file beside it, so a decision rewrites a small file only.
 */
export const ReviewQueueFileSchema = z.object({
  format: z.literal('gloss-review-queue'),
  schemaVersion: z.literal(VERSION),
  annotator: z.string(),
  builtAt: z.string().nullable(),
  groups: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SUGGESTION_KINDS),
      code: z.string(),
      label: z.string(),
      detail: z.string(),
      stakeholderId: z.string().optional(),
      newStakeholder: z.object({ name: z.string(), kind: z.enum(STAKEHOLDER_KINDS) }).optional(),
      query: z.string().optional(),
      members: z.array(z.string()).optional(),
      aliases: z.array(z.string()).optional(),
      mentions: z.number().int().nonnegative(),
      documents: z.number().int().nonnegative(),
      byDocument: z.array(z.object({ key: z.string(), count: z.number().int().positive() })),
    }),
  ),
});
export type ReviewQueueFile = z.infer<typeof ReviewQueueFileSchema>;
export type StoredGroup = ReviewQueueFile['groups'][number];

/**
 * What this annotator decided through the queue built at `builtAt`: per group, per document,
 * accepted or rejected, and whether the group was set aside. Decisions about another run's queue
 * are not carried over (its groups are gone or changed).
 */
export const ReviewDecisionsFileSchema = z.object({
  format: z.literal('gloss-review-decisions'),
  schemaVersion: z.literal(VERSION),
  annotator: z.string(),
  builtAt: z.string().nullable(),
  groups: z.record(
    z.string(),
    z.object({
      documents: z.record(z.string(), z.enum(['accepted', 'rejected'])),
      skipped: z.boolean().optional(),
    }),
  ),
});
export type ReviewDecisionsFile = z.infer<typeof ReviewDecisionsFileSchema>;

/** Both files start at version 1: anything newer is refused with a reason. */
export const migrateReviewFile = (raw: unknown): unknown => migrateProjectFile(raw, {}, VERSION);

export const newReviewQueueFile = (annotator: string): ReviewQueueFile => ({
  format: 'gloss-review-queue',
  schemaVersion: VERSION,
  annotator,
  builtAt: null,
  groups: [],
});

export const newReviewDecisionsFile = (annotator: string, builtAt: string | null): ReviewDecisionsFile => ({
  format: 'gloss-review-decisions',
  schemaVersion: VERSION,
  annotator,
  builtAt,
  groups: {},
});
