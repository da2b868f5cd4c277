import { z } from 'zod';
import { Annotation } from '../../shared/model/annotation';
import { CurationDecision } from '../../shared/model/curation';
import { DocumentStatus } from '../../shared/model/document';
import { Day } from '../../shared/model/document-date';
import { Relation } from '../../shared/model/relation';
import { quickParsers } from '../storage/parse-json';
import { ANNOTATION_SCHEMA_VERSION, parseAnnotationFileAsWritten } from './annotation-file-quick-parse';

export { ANNOTATION_SCHEMA_VERSION };

/** One document's annotations by one annotator, with that annotator's status and note for it. */
export const AnnotationFileSchema = z.object({
  format: z.literal('gloss-annotations'),
  schemaVersion: z.literal(ANNOTATION_SCHEMA_VERSION),
  document: z.string(),
  annotator: z.string(),
  /** Fingerprint of the text the offsets were made against. */
  fingerprint: z.string(),
  status: DocumentStatus.default('todo'),
  note: z.string().default(''),
  /** The document's date as this annotator set it (YYYY-MM-DD), over the page's; absent if not set. */
  date: Day.optional(),
  annotations: z.array(Annotation),
  /** Links between this file's annotations; files from before relations have none. */
  relations: z.array(Relation).default([]),
  /**
   * Annotations that could not be placed in the article after its text changed: kept with their
   * old target (its quote says what they were) until the researcher re-attaches or deletes them.
   * Their relations stay in `relations` and count again once they are re-attached.
   */
  orphans: z.array(Annotation).default([]),
  /**
   * Only in the curated layer's files (shared/model/curation.ts): each disagreement the curators
   * decided or skipped, so a walk-through resumes where it stopped.
   */
  decisions: z.array(CurationDecision).optional(),
});
export type AnnotationFile = z.infer<typeof AnnotationFileSchema>;
// Every reader of annotation files takes one as Gloss writes it without running the schema.
quickParsers.add(AnnotationFileSchema, { quickParse: parseAnnotationFileAsWritten });

export function newAnnotationFile(document: string, annotator: string, fingerprint: string): AnnotationFile {
  return {
    format: 'gloss-annotations',
    schemaVersion: ANNOTATION_SCHEMA_VERSION,
    document,
    annotator,
    fingerprint,
    status: 'todo',
    note: '',
    annotations: [],
    relations: [],
    orphans: [],
  };
}
