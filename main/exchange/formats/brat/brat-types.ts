import type { Dataset } from '../../dataset';
import { TypeNamer } from './type-names';

/** The attribute that carries each annotation's annotator. */
export const ANNOTATOR_ATTRIBUTE = 'Annotator';
/** The normalisation "database" of N lines pointing into the stakeholder register. */
export const STAKEHOLDER_DB = 'Gloss';

/** The brat type of every code and relation type of one export, by Gloss id. */
export interface BratTypes {
  codes: Map<string, string>;
  relations: Map<string, string>;
}

/**
 * Names every code of the codebook, then any code an annotation uses that the codebook lacks,
 * then the relation types, in that order, so the same codebook always gets the same names.
 */
export function nameTypes(dataset: Dataset): BratTypes {
  // Equiv is brat's own relation; Annotator is ours.
  const namer = new TypeNamer([ANNOTATOR_ATTRIBUTE, 'Equiv']);
  const codes = new Map<string, string>();
  for (const code of dataset.codebook.codes) codes.set(code.id, namer.take(code.name, code.id));
  for (const document of dataset.documents) {
    for (const a of document.annotations)
      if (!codes.has(a.code)) codes.set(a.code, namer.take(a.code, a.code));
  }
  const relations = new Map<string, string>();
  for (const type of dataset.codebook.relationTypes) relations.set(type.id, namer.take(type.name, type.id));
  for (const document of dataset.documents) {
    for (const r of document.relations)
      if (!relations.has(r.type)) relations.set(r.type, namer.take(r.type, r.type));
  }
  return { codes, relations };
}
