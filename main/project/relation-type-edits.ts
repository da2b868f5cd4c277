import type { ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Codebook } from '../../shared/model/codebook';
import type { RelationType } from '../../shared/model/relation';
import { checked } from './codebook-edits';
import { idFromName } from './new-id';

/**
 * The codebook's relation types as pure edits, like codes (codebook-edits.ts): each returns a
 * new codebook or throws an ApiError. Whether a type is still used is the project's to check,
 * since that needs the annotation files.
 */

export function addRelationType(
  book: Codebook,
  request: ParsedRequest<'addRelationType'>,
): { codebook: Codebook; type: RelationType } {
  const name = request.name.trim();
  assertNameFree(book, name);
  const type: RelationType = {
    id: idFromName(name, (id) => book.relationTypes.some((t) => t.id === id), 'relation'),
    name,
    description: request.description ?? '',
  };
  return { codebook: checked({ ...book, relationTypes: [...book.relationTypes, type] }), type };
}

export function updateRelationType(
  book: Codebook,
  id: string,
  changes: ParsedRequest<'updateRelationType'>['changes'],
): Codebook {
  const type = findRelationType(book, id);
  const next: RelationType = { ...type };
  if (changes.name !== undefined) {
    next.name = changes.name.trim();
    assertNameFree(book, next.name, id);
  }
  if (changes.description !== undefined) next.description = changes.description;
  return checked({ ...book, relationTypes: book.relationTypes.map((t) => (t.id === id ? next : t)) });
}

export function removeRelationType(book: Codebook, id: string): Codebook {
  findRelationType(book, id);
  return checked({ ...book, relationTypes: book.relationTypes.filter((t) => t.id !== id) });
}

export function findRelationType(book: Codebook, id: string): RelationType {
  const type = book.relationTypes.find((t) => t.id === id);
  if (!type) throw new ApiError('not-found', `There is no relation type "${id}" in the codebook`);
  return type;
}

function assertNameFree(book: Codebook, name: string, except?: string): void {
  const taken = book.relationTypes.find(
    (t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw new ApiError('conflict', `There is already a relation type named "${taken.name}"`);
}
