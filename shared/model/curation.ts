import { z } from 'zod';
import { Id, Timestamp } from './ids';

export { CURATION_ANNOTATOR, isReservedAnnotatorName, RESERVED_NAME_MESSAGE } from './curation-name';

/** A disagreement is between two passages at most: what a curated annotation comes from, and what a decision makes. */
export const CURATED_SOURCES_MAX = 2;

/** One annotator's passage, by the annotation's id in their file of the same document. */
export const PassageRef = z.object({ annotator: z.string().min(1).max(100), id: Id }).strict();
export type PassageRef = z.infer<typeof PassageRef>;

/** How a curated annotation came to be: agreed by both, one side's passage, both, or the curator's own. */
export const CURATED_ORIGINS = ['agreed', 'a', 'b', 'both', 'edited'] as const;

/**
 * On an annotation of the curated layer only: where it came from (the annotators' passages), who
 * curated it (the annotator doing the curation) and when (ISO 8601, UTC).
 */
export const CuratedProvenance = z
  .object({
    from: z.array(PassageRef).max(CURATED_SOURCES_MAX),
    by: z.string().min(1).max(100),
    at: Timestamp,
    decision: z.enum(CURATED_ORIGINS),
  })
  .strict();
export type CuratedProvenance = z.infer<typeof CuratedProvenance>;

/** What a curator decides of one disagreement; `skip` leaves it for later and is recorded too. */
export const CURATION_DECISIONS = ['a', 'b', 'both', 'edit', 'skip'] as const;
export type CurationDecisionKind = (typeof CURATION_DECISIONS)[number];

/** The curator's own version of a passage. Offsets are UTF-16 code units, end exclusive. */
export const EditedPassage = z
  .object({
    code: Id,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((p) => p.start < p.end, { message: 'start must be before end' });
export type EditedPassage = z.infer<typeof EditedPassage>;

/**
 * One disagreement decided (or skipped), in the curated layer's file of its document: the two
 * passages compared (one null for a passage only one annotator marked, the other annotator still
 * named), the decision, who made it and when, and the curated annotations that carry it out.
 */
export const CurationDecision = z
  .object({
    a: z.object({ annotator: z.string().min(1).max(100), id: Id.nullable() }).strict(),
    b: z.object({ annotator: z.string().min(1).max(100), id: Id.nullable() }).strict(),
    decision: z.enum(CURATION_DECISIONS),
    edited: EditedPassage.optional(),
    by: z.string().min(1).max(100),
    at: Timestamp,
    annotations: z.array(Id).max(CURATED_SOURCES_MAX),
  })
  .strict();
export type CurationDecision = z.infer<typeof CurationDecision>;

/** Which disagreement a decision is about, the same whichever annotator is named first. */
export function disagreementKey(a: CurationDecision['a'], b: CurationDecision['b']): string {
  return [`${a.annotator}:${a.id ?? ''}`, `${b.annotator}:${b.id ?? ''}`].sort().join('|');
}
