import { z } from 'zod';
import type { Annotation } from './annotation';
import { DOCUMENT_STATUSES } from './vocabulary';

export { DOCUMENT_STATUSES } from './vocabulary';
export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** What extraction learned about a document besides its text. Absent fields were not found. */
export interface DocumentMetadata {
  title: string;
  byline?: string;
  siteName?: string;
  /** As the page states it (usually ISO 8601); not reinterpreted. */
  publishedTime?: string;
  excerpt?: string;
  lang?: string;
  /**
   * The character encoding the file was decoded from, e.g. "UTF-8" or "windows-1252"; for a PDF
   * or a Word file, whose text is not decoded from bytes, the kind of file ("PDF", "DOCX").
   */
  encoding: string;
  /**
   * A PDF's pages in order, each with the offset of its first character in the text (UTF-16 code
   * units; a page without text starts where the next one does). Absent for every other format.
   */
  pages?: PageStart[];
}

/** Where a page of a PDF begins in the extracted text. */
export interface PageStart {
  /** 1 for the first page of the file. */
  number: number;
  /** The page's own label when the PDF gives one that is not its number ("iv", "A-3"). */
  label?: string;
  /** Offset of the page's first character in the text, in UTF-16 code units. */
  start: number;
}

/** One row of the document list. */
export interface DocumentSummary {
  key: string;
  format: SourceFormat;
  title: string;
  metadata: DocumentMetadata;
  /** SHA-256 of the extracted text, hex. */
  fingerprint: string;
  /** Length of the extracted text in UTF-16 code units. */
  length: number;
  status: DocumentStatus;
  /** Annotations by every annotator. */
  annotationCount: number;
  /**
   * The day the analyses place the document at (YYYY-MM-DD): the date a researcher set on it wins
   * (this annotator's, else a colleague's), else the page's publishedTime reduced to its day when
   * it reads as one (shared/model/document-date.ts); absent when neither gives one.
   */
  date?: string;
  /** Who set `date`; absent when it comes from the page, or there is none. */
  dateSetBy?: string;
  /**
   * Who has worked on the document: every annotator with a readable annotation file for it, this
   * annotator too, in order of name (UTF-16 code units). A file that cannot be read or trusted is
   * left out here (the list names it among its problems) and counts nowhere. Set by the document
   * list (listDocuments); absent from the answers about one document (getDocument, setDocumentStatus).
   */
  annotators?: AnnotatorWork[];
}

/** One annotator's work on a document, as their annotation file for it says. */
export interface AnnotatorWork {
  /** The annotator's name, as in `.gloss/annotations/<key>/<name>.json`. */
  name: string;
  /** Their own status for the document. */
  status: DocumentStatus;
  /** The annotations in their file (orphans not counted). */
  annotationCount: number;
}

export interface Document extends DocumentSummary {
  /** Extracted plain text with "\n" line endings. Annotation offsets index into it (UTF-16). */
  text: string;
  note: string;
  /**
   * This annotator's annotations that could not be placed in the text after the article changed,
   * with their old target. Kept until re-attached or deleted.
   */
  orphans: Annotation[];
}

/** A file of the folder that is not a document, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A file Gloss could not read or trust. It is left untouched on disk. */
export interface FileProblem {
  /** Path relative to the project root, with "/" separators. */
  file: string;
  message: string;
}
