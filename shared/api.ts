/**
 * The one contract between Gloss's screens and its data. Every transport (Electron IPC,
 * the browser host over HTTP, in-process calls from tests and the CLI) carries exactly these
 * operations; requests are validated against these schemas once, at the main-side boundary
 * (main/api/dispatch.ts). Offsets in requests and responses are UTF-16 code units.
 */
import { z } from 'zod';
import type {
  AgreementResult,
  CodeFrequencies,
  CodingQueryResult,
  CooccurrenceMatrix,
  CorpusSearchResult,
  FiguresTable,
  Timeline,
} from './api-analysis';
import type { AnnotatorInfo } from './api-annotator';
import type {
  DeletedCode,
  DocumentList,
  ExportFormatInfo,
  ExportResult,
  ImportFormatInfo,
  ImportOutcome,
  OfferedImport,
  OpenedDocument,
  ProjectInfo,
  ProjectSettings,
  ProposedSearchTags,
  SearchProposalCounts,
  StakeholderProfile,
  SuggestionJob,
  SuggestionList,
  SuggestionStats,
} from './api-answers';
import { corpusRequests } from './api-corpus-requests';
import {
  type CurateResult,
  type CurationState,
  curationRequests,
  type RemoveCuratedResult,
  type TakeAgreedResult,
  type UncurateResult,
} from './api-curation';
import type { AgreementDisagreements } from './api-disagreements';
import { type GroupDecisionResult, reviewQueueRequests } from './api-review-queue';
import { Annotation } from './model/annotation';
import { CODE_ROLES, type Codebook, HexColor } from './model/codebook';
import type { Document, DocumentSummary } from './model/document';
import { DocumentStatus } from './model/document';
import { Day } from './model/document-date';
import { FigureValue } from './model/figure';
import { DocumentKey, Id } from './model/ids';
import { Relation } from './model/relation';
import { STAKEHOLDER_KINDS, type Stakeholder } from './model/stakeholder';
import type { ReviewQueue } from './model/suggestion-group';
import { NeverSuggestNameSchema } from './model/suggestion-rules-schema';
import { isOperationName, OPERATION_NAMES, type OperationName } from './operations';

export type * from './api-analysis';
export type * from './api-annotator';
export type * from './api-answers';
export type * from './api-curation';
export type * from './api-disagreements';
export { isOperationName, OPERATION_NAMES, type OperationName };

const Offset = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);
const Note = z.string().max(100_000);
const Name = z.string().trim().min(1).max(200);
const Shortcut = z.string().regex(/^[a-z0-9]$/, 'a shortcut is one letter or digit');

const AnnotationChanges = z
  .object({
    code: Id,
    start: Offset,
    end: Offset,
    note: Note.nullable(),
    value: FigureValue.nullable(),
    stakeholderId: Id.nullable(),
  })
  .partial()
  .strict();

const SuggestionIds = z.array(z.string().min(1).max(200)).min(1).max(100_000);

/** Request schemas, one per operation. `null` in a change clears the field. */
export const requests = {
  getProject: z.object({}).strict(),
  openProject: z.object({ path: z.string().min(1).max(4096) }).strict(),
  listDocuments: z.object({}).strict(),
  getDocument: z.object({ key: DocumentKey }).strict(),
  /** A document as the reader shows it: its text with every annotator's annotations and relations, in one answer. */
  openDocument: z.object({ key: DocumentKey }).strict(),
  setDocumentStatus: z.object({ key: DocumentKey, status: DocumentStatus }).strict(),
  setDocumentNote: z.object({ key: DocumentKey, note: Note }).strict(),
  /** The researcher's date for the document (YYYY-MM-DD), over the page's; null clears it. */
  setDocumentDate: z.object({ key: DocumentKey, date: Day.nullable() }).strict(),

  listAnnotations: z.object({ key: DocumentKey }).strict(),
  createAnnotation: z
    .object({
      key: DocumentKey,
      /** Given when undo re-creates a deleted annotation; otherwise the service makes one. */
      id: Id.optional(),
      code: Id,
      start: Offset,
      end: Offset,
      note: Note.optional(),
      value: FigureValue.optional(),
      stakeholderId: Id.optional(),
    })
    .strict(),
  updateAnnotation: z.object({ key: DocumentKey, id: Id, changes: AnnotationChanges }).strict(),
  deleteAnnotation: z.object({ key: DocumentKey, id: Id }).strict(),
  /** Places an orphan (an annotation lost when its article changed) on a passage of the current text. */
  reattachOrphan: z.object({ key: DocumentKey, id: Id, start: Offset, end: Offset }).strict(),
  deleteOrphan: z.object({ key: DocumentKey, id: Id }).strict(),
  /** Undo of reattachOrphan or deleteOrphan: the annotation is an orphan again, with its relations. */
  restoreOrphan: z
    .object({ key: DocumentKey, orphan: Annotation, relations: z.array(Relation).max(10_000) })
    .strict(),

  addCode: z
    .object({
      name: Name,
      parentId: Id.nullable(),
      color: HexColor.optional(),
      description: Note.optional(),
      shortcut: Shortcut.optional(),
      role: z.enum(CODE_ROLES).optional(),
      codable: z.boolean().optional(),
    })
    .strict(),
  updateCode: z
    .object({
      id: Id,
      changes: z
        .object({
          name: Name,
          color: HexColor,
          description: Note,
          shortcut: Shortcut.nullable(),
          role: z.enum(CODE_ROLES).nullable(),
          codable: z.boolean(),
        })
        .partial()
        .strict(),
    })
    .strict(),
  /** Puts the code under `parentId` (null: a group) at `index` among its new siblings. */
  moveCode: z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().nonnegative() }).strict(),
  /**
   * Deleting a code that is in use needs a choice: move its annotations to `reassignTo`,
   * or remove them. Child codes go with it the same way.
   */
  deleteCode: z
    .object({
      id: Id,
      annotations: z.discriminatedUnion('action', [
        z.object({ action: z.literal('reassign'), to: Id }).strict(),
        z.object({ action: z.literal('remove') }).strict(),
        z.object({ action: z.literal('refuse-if-used') }).strict(),
      ]),
    })
    .strict(),

  addStakeholder: z
    .object({
      name: Name,
      kind: z.enum(STAKEHOLDER_KINDS),
      aliases: z.array(Name).max(500).optional(),
      description: Note.optional(),
      country: z.string().max(100).optional(),
    })
    .strict(),
  updateStakeholder: z
    .object({
      id: Id,
      changes: z
        .object({
          name: Name,
          kind: z.enum(STAKEHOLDER_KINDS),
          aliases: z.array(Name).max(500),
          description: Note,
          country: z.string().max(100),
        })
        .partial()
        .strict(),
    })
    .strict(),
  deleteStakeholder: z.object({ id: Id }).strict(),
  /**
   * Folds `from` into `into`: its name and aliases become aliases of `into`, and every mention of
   * `from` counts as a mention of `into` (this annotator's files are rewritten; other annotators'
   * mentions follow a redirect kept in project.json, so their files are not touched).
   */
  mergeStakeholders: z.object({ from: Id, into: Id }).strict(),
  /** Mentions per stakeholder across the project, by every annotator. */
  countMentions: z.object({}).strict(),
  /** Annotations per code id across the project, by every annotator (`gloss info`). */
  countAnnotationsByCode: z.object({}).strict(),
  updateSettings: z
    .object({ snapToWords: z.boolean(), acceptRegisterMentions: z.boolean() })
    .partial()
    .strict(),
  /** Adds a name Gloss never suggests again in this project (as a new stakeholder or a mention). */
  addNeverSuggest: NeverSuggestNameSchema,
  /** Takes a never-suggest name (of that kind) off the project's rules: it is suggested again. */
  removeNeverSuggest: NeverSuggestNameSchema,

  /** What Gloss proposes to tag in one document, less what is rejected or already tagged. */
  listSuggestions: z.object({ key: DocumentKey }).strict(),
  /** How this annotator has accepted and rejected suggestions so far, by kind, over the project. */
  suggestionStats: z.object({}).strict(),
  /** Tags each suggestion as it proposes (code, stakeholder, the parser's value). */
  acceptSuggestions: z.object({ key: DocumentKey, ids: SuggestionIds }).strict(),
  /** Remembers a "no" for this document, by this annotator: the suggestion does not come back. */
  rejectSuggestions: z.object({ key: DocumentKey, ids: SuggestionIds }).strict(),
  /** Takes rejections back (undo). */
  unrejectSuggestions: z.object({ key: DocumentKey, ids: SuggestionIds }).strict(),
  /**
   * Proposes tagging search hits with a code, for review as suggestions (kind `search`): the hits
   * given, or every hit of `search`, run by the service; nothing is tagged. Hits already tagged
   * with the code there, or already proposed (waiting or rejected), are skipped.
   */
  proposeSearchTags: z
    .object({
      code: Id,
      hits: z
        .array(z.object({ key: DocumentKey, start: Offset, end: Offset }).strict())
        .min(1)
        .max(100_000)
        .optional(),
      /** With `hits`: the query they were found by, shown with each proposal. */
      query: z.string().max(10_000).optional(),
      search: z
        .object({
          query: z.string().trim().min(1).max(10_000),
          folder: z.string().max(4096).optional(),
          statuses: z.array(DocumentStatus).max(10).optional(),
          insideCode: Id.optional(),
          uncoded: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine((r) => (r.hits === undefined) !== (r.search === undefined), {
      message: 'give the hits to propose or a search to run, one of the two',
    }),
  /** This annotator's search proposals waiting for review, per document. */
  searchProposals: z.object({}).strict(),
  /** Starts finding suggestions across every document, in the background; progress comes as events. */
  startSuggestionJob: z.object({}).strict(),
  cancelSuggestionJob: z.object({}).strict(),
  getSuggestionJob: z.object({}).strict(),

  listRelations: z.object({ key: DocumentKey }).strict(),
  createRelation: z
    .object({
      key: DocumentKey,
      /** Given when undo re-creates a deleted relation; otherwise the service makes one. */
      id: Id.optional(),
      type: Id,
      from: Id,
      to: Id,
      note: Note.optional(),
    })
    .strict(),
  updateRelation: z
    .object({
      key: DocumentKey,
      id: Id,
      changes: z.object({ type: Id, from: Id, to: Id, note: Note.nullable() }).partial().strict(),
    })
    .strict(),
  deleteRelation: z.object({ key: DocumentKey, id: Id }).strict(),
  addRelationType: z.object({ name: Name, description: Note.optional() }).strict(),
  updateRelationType: z
    .object({ id: Id, changes: z.object({ name: Name, description: Note }).partial().strict() })
    .strict(),
  /** Refused while relations of the type exist. */
  deleteRelationType: z.object({ id: Id }).strict(),

  /** Everything the project says about one stakeholder: mentions, nearby concerns, linked figures. */
  stakeholderProfile: z.object({ id: Id }).strict(),

  ...corpusRequests,
  ...curationRequests,
  ...reviewQueueRequests,

  /** The formats the dataset can be exported in. */
  exportFormats: z.object({}).strict(),
  /**
   * Exports the dataset into a new folder under .gloss/exports/ of the project (the screens choose
   * no paths); progress comes as exportProgress events.
   */
  /** The formats other tools' work can be imported from. */
  importFormats: z.object({}).strict(),
  /** The file opened with Gloss waiting to be imported, handed over once (null when there is none). */
  takeOfferedImport: z.object({}).strict(),
  /**
   * Imports files the researcher chose (their contents, base64, by relative path: the screens send
   * no paths of the computer) into the project, under the project folder `into` ("" for the
   * project's own folder). A document whose key names an article already there with the same text
   * brings only its annotations. Checked in full first: with any problem nothing is written and
   * the problems are the answer.
   */
  importFiles: z
    .object({
      format: z.string().min(1).max(40),
      into: z.union([z.literal(''), DocumentKey]),
      files: z
        .array(z.object({ path: DocumentKey, data: z.string().max(90_000_000) }).strict())
        .min(1)
        .max(20_000),
    })
    .strict(),
  exportDataset: z
    .object({
      format: z.string().min(1).max(40),
      documents: z.union([z.enum(['all', 'done']), z.array(DocumentKey).max(100_000)]).optional(),
      codes: z.array(Id).max(10_000).optional(),
      annotators: z.array(z.string().min(1).max(100)).max(1_000).optional(),
      bom: z.boolean().optional(),
      group: Id.optional(),
      /**
       * A path of the computer outside the project to write to instead (the folder, or the file of a
       * single-file format). Only the command line may name one: other callers are refused.
       */
      out: z.string().min(1).max(4096).optional(),
    })
    .strict(),

  /**
   * Who this Gloss annotates as: the name, whether the first-start question is still to be asked,
   * and whether another computer already annotates under it in the open project.
   */
  getAnnotator: z.object({}).strict(),
  /**
   * Chooses the name this Gloss annotates as, kept in the user's settings (made file-name safe),
   * and reopens the open project as that annotator. Refused when another computer's Gloss uses the
   * name in this project, unless `sameAnnotator`: the researcher says that is them elsewhere.
   */
  setAnnotator: z.object({ name: Name, sameAnnotator: z.boolean().optional() }).strict(),
} satisfies Record<OperationName, z.ZodType>;

export type ApiRequest<K extends OperationName> = z.input<(typeof requests)[K]>;
export type ParsedRequest<K extends OperationName> = z.output<(typeof requests)[K]>;

/** The answer of each operation. */
export interface ApiResponses {
  getProject: ProjectInfo;
  openProject: ProjectInfo;
  listDocuments: DocumentList;
  getDocument: Document;
  openDocument: OpenedDocument;
  setDocumentStatus: DocumentSummary;
  setDocumentNote: { key: string; note: string };
  setDocumentDate: DocumentSummary;
  listAnnotations: Annotation[];
  createAnnotation: Annotation;
  updateAnnotation: Annotation;
  /** The relations that went with the annotation, so the screens can undo the delete in full. */
  deleteAnnotation: { id: string; relations: Relation[] };
  reattachOrphan: Annotation;
  /** The orphan's relations went with it; given back so that the screens can undo the delete. */
  deleteOrphan: { id: string; relations: Relation[] };
  restoreOrphan: { id: string };
  addCode: Codebook;
  updateCode: Codebook;
  moveCode: Codebook;
  deleteCode: DeletedCode;
  addStakeholder: Stakeholder;
  updateStakeholder: Stakeholder;
  deleteStakeholder: { id: string };
  mergeStakeholders: { stakeholders: Stakeholder[]; repointed: number };
  countMentions: Record<string, number>;
  countAnnotationsByCode: Record<string, number>;
  updateSettings: ProjectSettings;
  addNeverSuggest: ProjectSettings;
  removeNeverSuggest: ProjectSettings;
  listSuggestions: SuggestionList;
  suggestionStats: SuggestionStats;
  acceptSuggestions: Annotation[];
  rejectSuggestions: { rejected: string[] };
  unrejectSuggestions: { restored: string[] };
  proposeSearchTags: ProposedSearchTags;
  searchProposals: SearchProposalCounts;
  startSuggestionJob: SuggestionJob;
  cancelSuggestionJob: SuggestionJob;
  getSuggestionJob: SuggestionJob;
  getReviewQueue: ReviewQueue;
  decideSuggestionGroup: GroupDecisionResult;
  undoSuggestionGroup: { id: string; restored: number };
  skipSuggestionGroup: { id: string; skipped: boolean };
  listRelations: Relation[];
  createRelation: Relation;
  updateRelation: Relation;
  deleteRelation: { id: string };
  addRelationType: Codebook;
  updateRelationType: Codebook;
  deleteRelationType: Codebook;
  stakeholderProfile: StakeholderProfile;
  searchCorpus: CorpusSearchResult;
  cancelSearch: { cancelled: boolean };
  cooccurrenceMatrix: CooccurrenceMatrix;
  codingQuery: CodingQueryResult;
  codeFrequencies: CodeFrequencies;
  figuresTable: FiguresTable;
  timeline: Timeline;
  agreement: AgreementResult;
  agreementDisagreements: AgreementDisagreements;
  takeAgreed: TakeAgreedResult;
  curate: CurateResult;
  uncurate: UncurateResult;
  removeCurated: RemoveCuratedResult;
  curationState: CurationState;
  exportFormats: ExportFormatInfo[];
  importFormats: ImportFormatInfo[];
  takeOfferedImport: OfferedImport | null;
  importFiles: ImportOutcome;
  exportDataset: ExportResult;
  getAnnotator: AnnotatorInfo;
  setAnnotator: AnnotatorInfo;
}

/** Gloss's API as the renderer, the CLI and tests see it, whatever carries it. */
export type GlossApi = {
  [K in OperationName]: (request: ApiRequest<K>) => Promise<ApiResponses[K]>;
};

/** What main implements: the same operations, receiving requests already validated and defaulted. */
export type GlossHandlers = {
  [K in OperationName]: (request: ParsedRequest<K>) => Promise<ApiResponses[K]>;
};

/** Notices from main to the screens. */
export interface ApiEvents {
  projectOpened: ProjectInfo;
  /** A command chosen in the desktop app's menu that the screens carry out (Edit → Undo, File → Export…). */
  menuCommand: { command: 'undo' | 'redo' | 'import' | 'export' | 'settings' | 'tour' | 'shortcuts' };
  /** The corpus-wide suggestion job moved on (at most a few times a second) or ended. */
  suggestionJob: SuggestionJob;
  /**
   * A search is indexing articles new or changed since the last (the first search of a project
   * indexes all of them) or reading texts for a regular expression: `done` of `total`, a few
   * times a second at most, and a last one with done = total.
   */
  searchProgress: { query: string; phase: 'indexing' | 'scanning'; done: number; total: number };
  /**
   * Search hits are being proposed for review: their documents checked, then their proposals
   * saved, `done` of `total` documents in each phase, a few times a second at most, and a last
   * report with done = total for each.
   */
  proposalProgress: { phase: 'checking' | 'saving'; done: number; total: number };
  /** A file was opened with Gloss to be imported: `takeOfferedImport` hands it over. */
  importOffered: { name: string };
  /**
   * Listing the documents is reading files new or changed since the last listing (a first
   * listing of a folder of PDFs): `done` of `total`, a few times a second and once at the end.
   */
  extractionProgress: { done: number; total: number };
  /** An export is reading documents: `done` of `total`. */
  exportProgress: { done: number; total: number };
  /**
   * Articles were added, removed, renamed or edited in the project folder by something other than
   * Gloss, or their annotation files were saved by someone else (another annotator's work arriving
   * by sync, another window): a burst of changes comes as one event, a long copy as one every
   * second or so. List the documents again, and reload the open one if it is named. `keys` names
   * the documents (a rename: both names); empty when that is not known (a folder moved, very many
   * files), and then any of them may have changed.
   */
  documentsChanged: { keys: string[] };
}
export type ApiEvent = { [K in keyof ApiEvents]: { type: K; payload: ApiEvents[K] } }[keyof ApiEvents];
