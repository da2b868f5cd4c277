import type { PairKind } from './compare';

/** The kinds of pair that are a disagreement: every kind of shared/compare/ but `agreed`. */
export type DisagreementKind = Exclude<PairKind, 'agreed'>;

/** One annotator's passage in a disagreement. Offsets are UTF-16 code units into the document's text, end exclusive. */
export interface DisagreementPassage {
  annotationId: string;
  code: string;
  start: number;
  end: number;
  quote: string;
}

/**
 * One pair of shared/compare/'s comparison that is not `agreed`: `different-codes` and
 * `overlapping` have both passages, `only-a` has only `a`, `only-b` only `b`.
 */
export interface Disagreement {
  kind: DisagreementKind;
  a: DisagreementPassage | null;
  b: DisagreementPassage | null;
}

/**
 * Where two annotators differ, over the documents both worked on (as `agreement` counts them):
 * each document with at least one disagreement, in document-list order, its pairs in text order.
 */
export interface AgreementDisagreements {
  a: string;
  b: string;
  /** The code asked about (a pair counts when either passage bears it); null: every code. */
  code: string | null;
  doneOnly: boolean;
  /** The documents both worked on, with disagreements or not. */
  documents: number;
  /** Disagreements of each kind, over all the documents. */
  counts: Record<DisagreementKind, number>;
  byDocument: { key: string; title: string; disagreements: Disagreement[] }[];
}
