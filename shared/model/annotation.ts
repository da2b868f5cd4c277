import { z } from 'zod';
import { CuratedProvenance } from './curation';
import { FigureValue } from './figure';
import { Id, Timestamp } from './ids';
import { SUGGESTION_KINDS } from './suggestion';

/**
 * Where an annotation sits in a document's extracted text.
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive.
 * Exports that promise code points convert with shared/text/offsets.ts.
 * `quote`, `prefix` and `suffix` let the annotation be found again if the text changes
 * (the W3C TextQuoteSelector idea).
 */
export const TextTarget = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((t) => t.start < t.end, { message: 'start must be before end' });
export type TextTarget = z.infer<typeof TextTarget>;

export const Annotation = z.object({
  id: Id,
  code: Id,
  author: z.string().min(1).max(100),
  created: Timestamp,
  modified: Timestamp,
  note: z.string().max(100_000).optional(),
  target: TextTarget,
  /** Set on figure codes. */
  value: FigureValue.optional(),
  /** Set on stakeholder codes: the register entry this passage mentions. */
  stakeholderId: Id.optional(),
  /** Only in the curated layer's files (curation.ts): which passages it came from, who curated it and when. */
  curated: CuratedProvenance.optional(),
  /**
   * Set when the annotation was made by accepting a suggestion of this kind (by hand or by the
   * always-accept rule): what the suggestion statistics count as accepted.
   */
  suggested: z.enum(SUGGESTION_KINDS).optional(),
});
export type Annotation = z.infer<typeof Annotation>;
