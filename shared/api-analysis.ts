/**
 * The answers of the operations that search and analyse the whole project (searchCorpus,
 * cooccurrenceMatrix, codingQuery, codeFrequencies, figuresTable, timeline): part of the contract in
 * shared/api.ts, which re-exports them. Offsets are UTF-16 code units, end exclusive.
 */
import type { CooccurrenceRule } from './analysis/cooccurrence';
import type { TimelineInterval } from './analysis/timeline-periods';
import type { FigureValue } from './model/figure';

/** One hit of a corpus search, as a concordance line. Offsets are UTF-16, end exclusive. */
export interface SearchHit {
  key: string;
  start: number;
  end: number;
  /** Up to 60 characters before the hit, white space shown as single spaces. */
  left: string;
  /** The text of the hit. */
  text: string;
  right: string;
}

export interface CorpusSearchResult {
  query: string;
  /** Every hit, counted; `hits` holds the first `limit` of them, document by document. */
  total: number;
  /** Documents with at least one hit. */
  documents: number;
  byDocument: Record<string, number>;
  hits: SearchHit[];
}

/** A passage behind a number of an analysis: where it is, and who tagged it. */
export interface PassageRef {
  key: string;
  annotationId: string;
  author: string;
  start: number;
  end: number;
  quote: string;
}

export interface CooccurrenceMatrix {
  by: CooccurrenceRule;
  /** The rows: register stakeholders with at least one cell, in register order. */
  stakeholders: { id: string; name: string }[];
  /** The columns: every concern code (a group only if passages bear it), in codebook order. */
  codes: { id: string; name: string }[];
  /** The cells that are not zero, row by row; each concern passage counted once per stakeholder. */
  cells: { stakeholderId: string; code: string; count: number; passages: PassageRef[] }[];
}

export interface CodingQueryResult {
  passages: (PassageRef & {
    code: string;
    title: string;
    date?: string;
    note?: string;
    value?: FigureValue;
    /** The sentence the passage stands in (all of the passage when it runs past it), on one line. */
    sentence: string;
  })[];
}

export interface CodeFrequencies {
  /** Every code in codebook order; a group counts its own annotations and its codes'. */
  codes: { id: string; name: string; parentId: string | null; total: number; documents: number }[];
  /** Documents with annotations: each code's own count. */
  documents: { key: string; counts: Record<string, number> }[];
  /** Per folder ("" for the project's own, else ending in "/"): each code's own count. */
  folders: { folder: string; counts: Record<string, number> }[];
  /** For each group of codes, the documents without any annotation of it. */
  withoutGroup: { groupId: string; keys: string[] }[];
}

export interface FiguresTable {
  figures: (PassageRef & {
    code: string;
    title: string;
    /** The document's day (DocumentSummary.date: set in Gloss, else its page's publication day). */
    date?: string;
    value?: FigureValue;
    /** The register entry the figure is about, through a relation with one of its mentions. */
    stakeholderId?: string;
  })[];
  /** Sums by currency or unit, over all figures with a value and per stakeholder: ranges, min to max. */
  totals: {
    stakeholderId?: string;
    currency?: string;
    unit?: string;
    count: number;
    min: number;
    max: number;
  }[];
}

/**
 * Annotations per code per period, over the documents' dates (DocumentSummary.date: the date a
 * researcher set, else the page's). Each annotation counts once, under its own code (a group
 * counts only the annotations coded with the group itself).
 */
export interface Timeline {
  interval: TimelineInterval;
  /**
   * Every period from the first dated annotation's to the last one's, those with nothing counted
   * included; `start` is its first day (YYYY-MM-DD), `label` how tables write it ("2024-W10").
   */
  periods: { start: string; label: string }[];
  /** The codes with annotations counted, dated or not, in codebook order; `total` counts both. */
  codes: { id: string; name: string; total: number }[];
  /** The counts that are not zero, period by period; `period` is the period's `start`. */
  cells: { period: string; code: string; count: number }[];
  /** Documents with a date and annotations counted, and their annotations. */
  dated: { documents: number; annotations: number };
  /** Documents without a date that have annotations counted: not on the line, counted here. */
  undated: { documents: number; annotations: number; counts: Record<string, number> };
  /** Everyone whose annotations are in the project, whoever was counted: the names a filter offers. */
  authors: string[];
}

/**
 * How far two annotators agree on one code (or on all codes pooled), over the documents both
 * have worked on; null where a measure is undefined (no units, or no variation to agree on).
 * The README defines each measure and its units.
 */
export interface PairAgreement {
  /** Exact-span F1: same document, start, end and code. */
  f1: number | null;
  /** Cohen's kappa and Krippendorff's alpha (nominal) over characters (code points). */
  kappa: number | null;
  alpha: number | null;
  /** The same over tokens (words, as search finds them). */
  tokenKappa: number | null;
  tokenAlpha: number | null;
  /** Krippendorff's unitizing alpha over the documents as one continuum of code points. */
  alphaU: number | null;
}

/** How far all the annotators agree on one code (or all codes), over the documents every one has worked on. */
export interface GroupAgreement {
  fleissKappa: number | null;
  alpha: number | null;
  alphaU: number | null;
}

export interface AgreementResult {
  annotators: string[];
  /** Whether a document counted only once both (or all) annotators marked it done. */
  doneOnly: boolean;
  /** The documents every annotator has worked on (the group measures' documents). */
  documents: number;
  pairs: {
    a: string;
    b: string;
    /** The documents both have worked on. */
    documents: number;
    /** By code id. */
    codes: Record<string, PairAgreement>;
    overall: PairAgreement;
  }[];
  /** By code id; empty with fewer than two annotators. */
  codes: Record<string, GroupAgreement>;
  overall: GroupAgreement;
}
