import { readJsonFile } from '../storage/read-json-file';
import { findAnnotationFiles } from './annotation-files';
import { AnnotationFileSchema } from './annotation-files-schema';
import type { ProjectLayout } from './layout';

/** How many annotations each code has across the project, by every annotator. Invalid files are passed over. */
export async function countAnnotationsByCode(layout: ProjectLayout): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const perCode of (await countAnnotationsByDocument(layout)).documents.values()) {
    for (const [code, count] of perCode) counts.set(code, (counts.get(code) ?? 0) + count);
  }
  return counts;
}

/**
 * Each document's annotations per code, from the annotation files alone (no article is read), by
 * every annotator or only by `author`, and the authors of all of them whoever was asked for.
 * Invalid files are passed over, and orphans are not counted.
 * A colleague's file made against an earlier text counts as it stands: re-attaching it to the
 * current text (which opening the document does) may orphan some of its annotations.
 */
export async function countAnnotationsByDocument(
  layout: ProjectLayout,
  author?: string,
): Promise<AnnotationCounts> {
  const documents = new Map<string, Map<string, number>>();
  const authors = new Set<string>();
  for (const ref of await findAnnotationFiles(layout.annotationsDir)) {
    const read = await readJsonFile(ref.path, {
      displayName: layout.display(ref.path),
      schema: AnnotationFileSchema,
    });
    if (read.status !== 'valid') continue;
    const counts = documents.get(ref.key) ?? new Map<string, number>();
    for (const annotation of read.value.annotations) {
      authors.add(annotation.author);
      if (author !== undefined && annotation.author !== author) continue;
      counts.set(annotation.code, (counts.get(annotation.code) ?? 0) + 1);
    }
    documents.set(ref.key, counts);
  }
  return { documents, authors };
}

export interface AnnotationCounts {
  /** Document key → code → annotations. */
  documents: Map<string, Map<string, number>>;
  authors: Set<string>;
}
