import type { FigureValue } from '../../shared/model/figure';
import type { StakeholderKind } from '../../shared/model/stakeholder';

/**
 * What an import would add to a project, read and checked in full before anything is written:
 * each format's reader turns its files into a plan or into problems, never both, and
 * apply-import.ts writes a plan only when there are no problems.
 *
 * Offsets here are UTF-16 code units into the plan document's `text`, whatever the source
 * counted (readers convert). Codes are named, not given ids: they are merged into the
 * project's codebook by name (case-insensitively), and new ones are added under their group.
 */
export interface ImportPlan {
  documents: PlannedDocument[];
  codes: PlannedCode[];
  stakeholders: PlannedStakeholder[];
  /** Relation types used by relations, by name. */
  relationTypes: string[];
  /** How each kind of source line became Gloss data, for the summary (brat says it line kind by line kind). */
  mapping?: ImportMapping[];
}

/** One line of an import summary: `12` `E (event)` lines → `12 trigger annotations + 20 relations …`. */
export interface ImportMapping {
  lines: string;
  count: number;
  became: string;
}

export interface PlannedDocument {
  /** Where the text goes, relative to the folder the researcher picks, "/" separators, ending in .txt. */
  path: string;
  text: string;
  annotations: PlannedAnnotation[];
  relations: PlannedRelation[];
}

export interface PlannedAnnotation {
  /** The source's own id for it, so relations can point at it. */
  sourceId: string;
  start: number;
  end: number;
  /** A code of `codes`, by name. */
  code: string;
  /** The source's annotator; the importing annotator when the source names none. */
  author?: string;
  note?: string;
  value?: FigureValue;
  /** A stakeholder of `stakeholders`, by name. */
  stakeholder?: string;
  created?: string;
  modified?: string;
}

export interface PlannedRelation {
  type: string;
  /** `sourceId`s of two annotations of the same document. */
  from: string;
  to: string;
  note?: string;
}

export interface PlannedCode {
  name: string;
  /** The group it belongs under, by name; none for a top-level code or group. */
  group?: string;
  color?: string;
  description?: string;
  /** For a group: the role its codes take. */
  role?: 'stakeholder' | 'concern' | 'figure' | 'other';
  codable?: boolean;
}

export interface PlannedStakeholder {
  name: string;
  kind: StakeholderKind;
  aliases?: string[];
  description?: string;
  country?: string;
}

/** Something wrong with the input: which file, where, and what. */
export interface ImportProblem {
  file: string;
  line?: number;
  message: string;
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[] };

/** The input of an import, read into memory: a folder's files or a zip's entries, by relative path. */
export type ImportFiles = ReadonlyMap<string, Uint8Array>;

/**
 * The text of files of the input that are PDF or Word documents (a REFI-QDA project's sources), by
 * the input's own path for them, or why it could not be had.
 */
export type ExtractedSources = ReadonlyMap<
  string,
  { ok: true; text: string } | { ok: false; message: string }
>;

export interface ImportFormat {
  id: string;
  description: string;
  /**
   * Extracts the text of the input's PDF and Word files for `read`, which stays synchronous: the
   * libraries that read them work asynchronously. Formats whose input is all text have none.
   */
  extractSources?(files: ImportFiles): Promise<ExtractedSources>;
  read(files: ImportFiles, sources?: ExtractedSources): ImportResult;
}

/** Reads an import's files, their PDF and Word sources extracted first where the format has any. */
export async function readImport(format: ImportFormat, files: ImportFiles): Promise<ImportResult> {
  return format.read(files, await format.extractSources?.(files));
}
