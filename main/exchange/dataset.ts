import type { Annotation } from '../../shared/model/annotation';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentMetadata, DocumentStatus } from '../../shared/model/document';
import type { Relation } from '../../shared/model/relation';
import type { Stakeholder } from '../../shared/model/stakeholder';

/**
 * Everything an export writes, gathered once from the project (collect-dataset.ts) so that each
 * format is a pure function of it. Offsets in annotations are Gloss's own: UTF-16 code units into
 * `text`; each format converts to the unit it promises (shared/text/offsets.ts).
 */
export interface Dataset {
  project: { name: string };
  codebook: Codebook;
  stakeholders: Stakeholder[];
  documents: DatasetDocument[];
  /** ISO time of the export, written where a format has a place for it. */
  exportedAt: string;
  /**
   * Orphans the filters would have taken (annotations not found again after their article
   * changed): no format can place them, so they are left out, and the export says how many.
   */
  orphansLeftOut: number;
}

export interface DatasetDocument {
  key: string;
  title: string;
  metadata: DocumentMetadata;
  /** The exporting annotator's status for it. */
  status: DocumentStatus;
  note: string;
  /** Extracted text with "\n" line endings. */
  text: string;
  /** Every included annotator's annotations, in text order, stakeholder merges resolved. */
  annotations: Annotation[];
  /** Relations whose two annotations are both included. */
  relations: Relation[];
}

/** One file an export produces, at a path relative to the output (with "/" separators). */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
}

export interface ExportFormat {
  id: string;
  /** One line for `gloss export --help` and the export dialog. */
  description: string;
  /** What the offsets it writes count, said in the README and in the files where they can say it. */
  offsets: 'code points' | 'UTF-16 code units' | 'none';
  /** True when the output is one file (`--out` names it); else a folder of files. */
  singleFile: boolean;
  write(dataset: Dataset, options: ExportOptions): ExportFile[];
}

export interface ExportOptions {
  /** CSV: start with a UTF-8 byte-order mark, as Excel wants. */
  bom?: boolean;
  /** CoNLL: the code group whose spans become tags (its id). */
  group?: string;
}
