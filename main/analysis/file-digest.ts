import type { AnalysedAnnotation, AnalysedRelation } from '../../shared/analysis/analysed-annotation';
import type { DocumentStatus } from '../../shared/model/document';
import type { AnnotationFile } from '../project/annotation-files-schema';

/** What the analyses keep of one annotator's file of one document (see AnalysedAnnotation). */
export interface FileDigest {
  annotator: string;
  /** The fingerprint of the text the offsets were made against ('' in files from before fingerprints). */
  fingerprint: string;
  status: DocumentStatus;
  note: string;
  /** The document's date as this annotator set it. */
  date?: string;
  annotations: AnalysedAnnotation[];
  relations: AnalysedRelation[];
}

/** The digest of a file as read: new objects, so the file's own can go. */
export function digestFile(file: AnnotationFile): FileDigest {
  return {
    annotator: file.annotator,
    fingerprint: file.fingerprint,
    status: file.status,
    note: file.note,
    ...(file.date !== undefined ? { date: file.date } : {}),
    annotations: file.annotations.map(analysedAnnotation),
    relations: file.relations.map(({ id, type, from, to }) => ({ id, type, from, to })),
  };
}

function analysedAnnotation(a: AnalysedAnnotation): AnalysedAnnotation {
  const analysed: AnalysedAnnotation = {
    id: a.id,
    code: a.code,
    author: a.author,
    target: { start: a.target.start, end: a.target.end, quote: a.target.quote },
  };
  if (a.note !== undefined) analysed.note = a.note;
  if (a.value !== undefined) analysed.value = a.value;
  if (a.stakeholderId !== undefined) analysed.stakeholderId = a.stakeholderId;
  return analysed;
}
