import type { Dataset } from '../../dataset';
import { type RelationShape, relationShape } from './brat-shapes';
import { safeTypeName, TypeNamer } from './type-names';

/** The attribute that carries each annotation's annotator. */
export const ANNOTATOR_ATTRIBUTE = 'Annotator';
/** The normalisation "database" of N lines pointing into the stakeholder register. */
export const STAKEHOLDER_DB = 'Gloss';

/** The brat type of every code and relation type of one export, by Gloss id. */
export interface BratTypes {
  codes: Map<string, string>;
  /** R line types: relation types of no other shape, and `fragment-of`. */
  relations: Map<string, string>;
  /** Relation types that write events, equivalences or discontinuous spans (brat-shapes.ts), by id. */
  shapes: Map<string, Exclude<RelationShape, { kind: 'relation' }>>;
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
  const shapes: BratTypes['shapes'] = new Map();
  const add = (id: string, name: string) => {
    const shape = relationShape(name);
    // Roles and equivalence types are brat's own names, written as they were read.
    if (shape.kind === 'event-role') shapes.set(id, { ...shape, role: safeTypeName(shape.role, id) });
    else if (shape.kind === 'equivalence') shapes.set(id, { ...shape, type: safeTypeName(shape.type, id) });
    else {
      // A fragment link that cannot join its span (the pieces' codes differ) is an R line.
      if (shape.kind === 'fragment') shapes.set(id, shape);
      relations.set(id, namer.take(name, id));
    }
  };
  for (const type of dataset.codebook.relationTypes) add(type.id, type.name);
  for (const document of dataset.documents) {
    for (const r of document.relations)
      if (!relations.has(r.type) && !shapes.has(r.type)) add(r.type, r.type);
  }
  return { codes, relations, shapes };
}
