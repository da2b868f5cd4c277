/**
 * The curated layer's operations (main/curation/): part of the one contract in shared/api.ts,
 * which spreads `curationRequests` into its `requests`. The layer is the annotation file of the
 * reserved annotator `curation` (shared/model/curation.ts). Offsets are UTF-16 code units.
 */
import { z } from 'zod';
import type { Disagreement } from './api-disagreements';
import type { Annotation } from './model/annotation';
import { CURATION_DECISIONS, type CurationDecision, EditedPassage } from './model/curation';
import { DocumentKey, Id } from './model/ids';

const AnnotatorName = z.string().min(1).max(100);

/** Two annotators are compared, not one with itself (main/curation/ refuses the layer itself as one). */
const twoAnnotators = <T extends { a: string; b: string }>(request: T) => request.a !== request.b;

const TWO_ANNOTATORS = { message: 'two different annotators are compared' };

/** A disagreement in a document: the two annotators, and their passages' ids (one absent where only one marked it). */
const DisagreementFields = z.object({
  key: DocumentKey,
  a: AnnotatorName,
  b: AnnotatorName,
  aId: Id.optional(),
  bId: Id.optional(),
});
const namesAPassage = (r: { aId?: string; bId?: string }) => r.aId !== undefined || r.bId !== undefined;
const NAMES_A_PASSAGE = { message: 'a disagreement is named by at least one of aId and bId' };

/** Two annotators over the documents both worked on, or (doneOnly) both marked done, as `agreement` counts them. */
const PairOfAnnotators = z
  .object({ a: AnnotatorName, b: AnnotatorName, doneOnly: z.boolean().optional() })
  .strict()
  .refine(twoAnnotators, TWO_ANNOTATORS);

export const curationRequests = {
  /**
   * Puts every passage `a` and `b` agree on (same start, end and code) in the curated layer, over
   * the documents both worked on (as `agreement` counts them); a passage already there is not added again.
   */
  takeAgreed: PairOfAnnotators,
  /**
   * Decides one disagreement between `a` and `b` in document `key`, named by its passages' ids
   * (`aId` absent for a passage only `b` marked, and the reverse): `a`, `b` or `both` put those
   * passages in the curated layer (`a` where only `b` marked one keeps nothing there: a's reading;
   * `both` needs both), `edit` puts the curator's own `edited` passage there, `skip` records it as
   * left for later. Deciding again replaces the decision; the same one changes nothing.
   */
  curate: DisagreementFields.extend({
    decision: z.enum(CURATION_DECISIONS),
    edited: EditedPassage.optional(),
  })
    .strict()
    .refine(twoAnnotators, TWO_ANNOTATORS)
    .refine(namesAPassage, NAMES_A_PASSAGE)
    .refine((r) => (r.decision === 'edit') === (r.edited !== undefined), {
      message: 'the edit decision, and only it, gives the edited passage',
    }),
  /**
   * Takes a decision back (the undo of `curate` when nothing was decided before): the disagreement
   * is open again, and the curated annotations only it made are removed.
   */
  uncurate: DisagreementFields.strict()
    .refine(twoAnnotators, TWO_ANNOTATORS)
    .refine(namesAPassage, NAMES_A_PASSAGE),
  /** Removes annotations from the curated layer by id (the undo of `takeAgreed`, document by document). */
  removeCurated: z.object({ key: DocumentKey, ids: z.array(Id).min(1).max(100_000) }).strict(),
  /**
   * Where a walk-through of `a` and `b`'s disagreements stands: per document, each disagreement
   * (as `agreementDisagreements` gives it; with `code`, those touching it) open, decided or
   * skipped, in text order.
   */
  curationState: z
    .object({ a: AnnotatorName, b: AnnotatorName, code: Id.optional(), doneOnly: z.boolean().optional() })
    .strict()
    .refine(twoAnnotators, TWO_ANNOTATORS),
};

export interface TakeAgreedResult {
  a: string;
  b: string;
  doneOnly: boolean;
  /** Curated annotations added, over all the documents. */
  added: number;
  /** Each document with agreed passages: how many there are, and the ids of those added now. */
  byDocument: { key: string; agreed: number; added: number; ids: string[] }[];
}

export interface CurateResult {
  key: string;
  /** The decision as recorded in the curated layer's file. */
  decision: CurationDecision;
  /** The curated annotations that carry it out (none for a skip). */
  annotations: Annotation[];
  /** The decision it replaced, or null: what an undo gives back (`curate` with it, or `uncurate`). */
  previous: CurationDecision | null;
  /** False when the same decision was already recorded: nothing was saved. */
  changed: boolean;
}

export interface UncurateResult {
  key: string;
  /** The decision taken back, or null if there was none. */
  previous: CurationDecision | null;
  /** The curated annotations removed with it. */
  removed: Annotation[];
}

export interface RemoveCuratedResult {
  key: string;
  removed: Annotation[];
}

export type CurationItemState = 'open' | 'decided' | 'skipped';

/** A disagreement in a walk-through, with what was decided of it (null while open). */
export interface CurationItem extends Disagreement {
  state: CurationItemState;
  decision: CurationDecision | null;
}

export interface CurationState {
  a: string;
  b: string;
  /** The code asked about; null: every code. */
  code: string | null;
  doneOnly: boolean;
  /** The documents both worked on, with disagreements or not. */
  documents: number;
  counts: Record<CurationItemState, number>;
  /** Each document with disagreements, in document-list order, its disagreements in text order. */
  byDocument: {
    key: string;
    title: string;
    counts: Record<CurationItemState, number>;
    items: CurationItem[];
  }[];
}
