import type { ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Codebook } from '../../shared/model/codebook';
import type { Relation } from '../../shared/model/relation';
import type { AnnotationFile } from './annotation-files-schema';

/**
 * Relations as edits of one annotator's file for one document. Each function changes the file
 * it is given (the draft of a JsonStore update) or throws an ApiError saying why it cannot, before
 * changing anything. A relation links two annotations of the same file: an annotator relates
 * their own annotations, so deleting an annotation can take its relations with it.
 */

export type RelationChanges = ParsedRequest<'updateRelation'>['changes'];

export interface NewRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  note?: string;
  author: string;
  /** ISO time, for `created` and `modified`. */
  now: string;
}

export function addRelation(file: AnnotationFile, book: Codebook, request: NewRelation): Relation {
  if (file.relations.some((r) => r.id === request.id)) {
    throw new ApiError('conflict', `A relation with id ${request.id} already exists in ${file.document}`);
  }
  const relation: Relation = {
    id: request.id,
    type: request.type,
    from: request.from,
    to: request.to,
    author: request.author,
    created: request.now,
    modified: request.now,
    ...(request.note ? { note: request.note } : {}),
  };
  checkRelation(file, book, relation);
  file.relations.push(relation);
  return relation;
}

export function changeRelation(
  file: AnnotationFile,
  book: Codebook,
  id: string,
  changes: RelationChanges,
  now: string,
): Relation {
  const index = file.relations.findIndex((r) => r.id === id);
  const current = file.relations[index];
  if (!current) throw new ApiError('not-found', `There is no relation ${id} of yours in ${file.document}`);
  const next: Relation = { ...current, modified: now };
  if (changes.type !== undefined) next.type = changes.type;
  if (changes.from !== undefined) next.from = changes.from;
  if (changes.to !== undefined) next.to = changes.to;
  if (changes.note === null || changes.note === '') delete next.note;
  else if (changes.note !== undefined) next.note = changes.note;
  checkRelation(file, book, next);
  file.relations[index] = next;
  return next;
}

export function removeRelation(file: AnnotationFile, id: string): Relation {
  const relation = file.relations.find((r) => r.id === id);
  if (!relation) throw new ApiError('not-found', `There is no relation ${id} of yours in ${file.document}`);
  file.relations = file.relations.filter((r) => r !== relation);
  return relation;
}

/** Drops the relations that go from or to any of `annotationIds`; returns them. */
export function removeRelationsOf(file: AnnotationFile, annotationIds: ReadonlySet<string>): Relation[] {
  const removed = file.relations.filter((r) => annotationIds.has(r.from) || annotationIds.has(r.to));
  if (removed.length > 0)
    file.relations = file.relations.filter((r) => !annotationIds.has(r.from) && !annotationIds.has(r.to));
  return removed;
}

/** Both ends are annotations of this file, they differ, the type is in the codebook, and it is not a duplicate. */
function checkRelation(file: AnnotationFile, book: Codebook, relation: Relation): void {
  const type = book.relationTypes.find((t) => t.id === relation.type);
  if (!type) throw new ApiError('not-found', `There is no relation type "${relation.type}" in the codebook`);
  for (const end of [relation.from, relation.to]) {
    if (!file.annotations.some((a) => a.id === end)) {
      throw new ApiError(
        'not-found',
        `There is no annotation ${end} of yours in ${file.document}: relations link your own annotations of one document`,
      );
    }
  }
  if (relation.from === relation.to) {
    throw new ApiError('bad-request', 'A relation links two different annotations, not one to itself');
  }
  const same = file.relations.find(
    (r) =>
      r.id !== relation.id && r.type === relation.type && r.from === relation.from && r.to === relation.to,
  );
  if (same) throw new ApiError('conflict', `These two annotations are already linked by "${type.name}"`);
}
