/**
 * The answers of the project's operations (documents, suggestions, the stakeholder page,
 * import and export): part of the contract in shared/api.ts, which re-exports them.
 */
import type { Annotation } from './model/annotation';
import type { Codebook } from './model/codebook';
import type { Document, DocumentSummary, FileProblem, SkippedFile } from './model/document';
import type { FigureValue } from './model/figure';
import type { Relation } from './model/relation';
import type { Stakeholder } from './model/stakeholder';
import type { Suggestion, SuggestionKind } from './model/suggestion';
import type { SuggestionRules } from './model/suggestion-rules';

export interface ProjectInfo {
  /** Absolute path of the project folder. */
  root: string;
  name: string;
  schemaVersion: number;
  /** Whose annotations new edits are saved as. */
  annotator: string;
  codebook: Codebook;
  stakeholders: Stakeholder[];
  settings: ProjectSettings;
  /** Project files that could not be read; they are left untouched. */
  problems: FileProblem[];
  /** True when project.json could not be read: codebook and register edits are refused until it is fixed. */
  readOnlyCodebook: boolean;
  /** True when the project was opened only to be read (e.g. `gloss info`): every edit is refused. */
  readOnly: boolean;
}

export interface ProjectSettings extends SuggestionRules {
  /** Selections snap to word boundaries (the reader's default). */
  snapToWords: boolean;
}

export interface DocumentList {
  documents: DocumentSummary[];
  skipped: SkippedFile[];
  problems: FileProblem[];
  /**
   * Articles renamed or moved on disk since the last listing, recognised by their text: their
   * annotations moved with them (from the old key to the new).
   */
  renamed: { from: string; to: string }[];
}

export interface DeletedCode {
  codebook: Codebook;
  /** Annotations moved to another code or removed, across the project. */
  reassigned: number;
  removed: number;
}

export interface SuggestionList {
  key: string;
  suggestions: Suggestion[];
  /** How many suggestions this annotator has rejected in the document (they are left out). */
  rejected: number;
  /**
   * Register mentions the project's rule tagged just now, as this listing opened the document
   * (see SuggestionRules); absent when it tagged none.
   */
  autoAccepted?: Annotation[];
}

export interface ProposedSearchTags {
  /** Hits proposed now, waiting for review. */
  proposed: number;
  /** Documents they are in. */
  documents: number;
  /** Hits already tagged with the code there, or already proposed (waiting or rejected). */
  skipped: number;
  /** Hits proposed now per document key. */
  byDocument: Record<string, number>;
}

/** Search proposals waiting for this annotator's review. */
export interface SearchProposalCounts {
  total: number;
  /** The documents with any, the most first, with the queries they came from. */
  documents: { key: string; count: number; queries: string[] }[];
}

/** The corpus-wide suggestion job: one per project at a time. */
export interface SuggestionJob {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  /** Documents looked at so far, of `total`. */
  done: number;
  total: number;
  /** Suggestions found so far (rejected and already tagged ones left out). */
  found: number;
  /** Suggestions per document key, for the documents looked at. */
  byDocument: Record<string, number>;
  /** Documents that could not be read, with why. */
  failures: { key: string; message: string }[];
  startedAt?: string;
  finishedAt?: string;
}

/** One tagged mention of a stakeholder, wherever in the project. */
export interface MentionRef {
  key: string;
  title: string;
  annotationId: string;
  author: string;
  start: number;
  end: number;
  quote: string;
  /** A little of the text either side of the quote, within its paragraph, for lists; "…" marks where it is cut. */
  prefix?: string;
  suffix?: string;
}

export interface StakeholderProfile {
  stakeholder: Stakeholder;
  mentions: MentionRef[];
  /** Concern codes tagged on passages overlapping a mention or in the same paragraph, most frequent first. */
  concerns: { code: string; count: number; passages: MentionRef[] }[];
  /** Figures linked to a mention by a relation, or in the same sentence as one. */
  figures: (MentionRef & { code: string; value?: FigureValue; via: 'relation' | 'sentence' })[];
}

export interface ExportFormatInfo {
  id: string;
  description: string;
  /** What the offsets it writes count. */
  offsets: 'code points' | 'UTF-16 code units' | 'none';
  singleFile: boolean;
}

export interface ExportResult {
  format: string;
  offsets: ExportFormatInfo['offsets'];
  documents: number;
  annotations: number;
  /**
   * The folder written, relative to the project (under .gloss/exports/; with `out`, the folder
   * outside that it names or holds the file), "/" separators.
   */
  folder: string;
  /** The files in it, relative to it. */
  files: string[];
  /** Annotations not found again in changed articles (orphans), which no format can place. */
  orphansLeftOut: number;
}

export interface ImportFormatInfo {
  id: string;
  description: string;
}

/**
 * How one annotator has received suggestions, by kind, over the project (`suggestionStats`):
 * accepted counts their annotations made from a suggestion of that kind (still there), rejected
 * their rejections; accepted ÷ (accepted + rejected) is the precision they are getting.
 */
export interface SuggestionStats {
  annotator: string;
  documents: number;
  byKind: Record<SuggestionKind, { accepted: number; rejected: number }>;
  /** Suggestions files that could not be read, left out of the counts (by their project path). */
  unreadable: string[];
}

/**
 * A file the researcher opened with Gloss (a .qdpx project from another tool, through the desktop's
 * file association), offered to the screens' Import dialog: its name, the import format it is read
 * as, and its bytes in base64, as `importFiles` takes them.
 */
export interface OfferedImport {
  name: string;
  format: string;
  data: string;
}

/** What an import added to the project. */
export interface ImportSummary {
  /** Keys of the new documents. */
  documents: string[];
  /** Keys of articles already in the project (same text) that took the import's annotations; the articles are not written. */
  annotated: string[];
  /** What the import had that those articles already had (see main/exchange/already-there.ts), not added again. */
  alreadyThere: { annotations: number; relations: number };
  codesAdded: string[];
  stakeholdersAdded: string[];
  relationTypesAdded: string[];
  annotations: number;
  relations: number;
  /** How each kind of source line was mapped, e.g. 12 "E (event)" lines → "12 trigger annotations + …". */
  mapping?: { lines: string; count: number; became: string }[];
}

export type ImportOutcome =
  | ({ ok: true } & ImportSummary)
  | { ok: false; problems: { file: string; line?: number; message: string }[] };

/**
 * A document with every annotator's work on it, from one read of each of its files. Offsets are
 * UTF-16 code units into `document.text`; `document.orphans` are this annotator's.
 */
export interface OpenedDocument {
  document: Document;
  /** Every annotator's annotations, in text order. */
  annotations: Annotation[];
  /** Every annotator's relations between annotations placed in the text. */
  relations: Relation[];
}
