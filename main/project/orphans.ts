import { ApiError } from '../../shared/api-error';
import type { Annotation, TextTarget } from '../../shared/model/annotation';
import type { Relation } from '../../shared/model/relation';
import type { AnnotationFile } from './annotation-files-schema';
import { removeRelationsOf } from './relations';

/**
 * Orphans as edits of one annotator's file (the draft of a JsonStore update), like relations.ts.
 * An orphan is an annotation whose passage was not found again after its article changed; the
 * researcher places it by hand, or deletes it. Nothing here drops one without being asked.
 */

/** Moves an orphan back among the annotations, on `target` (a passage of the current text). */
export function reattachOrphan(
  file: AnnotationFile,
  id: string,
  target: TextTarget,
  now: string,
): Annotation {
  const orphan = file.orphans.find((a) => a.id === id);
  if (!orphan)
    throw new ApiError('not-found', `There is no orphaned annotation ${id} of yours in ${file.document}`);
  const placed: Annotation = { ...orphan, target, modified: now };
  file.orphans = file.orphans.filter((a) => a.id !== id);
  file.annotations.push(placed);
  file.annotations.sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  return placed;
}

/** Deletes an orphan with its relations, which are returned so that undo can bring them back. */
export function deleteOrphan(file: AnnotationFile, id: string): Relation[] {
  if (!file.orphans.some((a) => a.id === id)) {
    throw new ApiError('not-found', `There is no orphaned annotation ${id} of yours in ${file.document}`);
  }
  file.orphans = file.orphans.filter((a) => a.id !== id);
  return removeRelationsOf(file, new Set([id]));
}

/**
 * Undoes a re-attach or a delete: the annotation is an orphan again, as it was, and its relations
 * are back. The author is the file's annotator whatever the request says.
 */
export function restoreOrphan(
  file: AnnotationFile,
  orphan: Annotation,
  relations: readonly Relation[],
): void {
  file.annotations = file.annotations.filter((a) => a.id !== orphan.id);
  file.orphans = [...file.orphans.filter((a) => a.id !== orphan.id), { ...orphan, author: file.annotator }];
  const ids = new Set([...file.annotations, ...file.orphans].map((a) => a.id));
  const present = new Set(file.relations.map((r) => r.id));
  for (const relation of relations) {
    if (!ids.has(relation.from) || !ids.has(relation.to)) {
      throw new ApiError(
        'bad-request',
        `Relation ${relation.id} links an annotation that is not in ${file.document}`,
      );
    }
    if (!present.has(relation.id)) file.relations.push({ ...relation, author: file.annotator });
  }
}
