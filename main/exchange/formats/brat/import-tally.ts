import type { ImportMapping } from '../../import-plan';

/** How many lines of each kind an import read, and what they became; summed over documents. */
export interface BratTally {
  textBound: number;
  /** Annotations made from T lines, one per piece of a discontinuous span. */
  annotations: number;
  /** T lines whose fragments are apart by more than a line break. */
  discontinuous: number;
  fragmentRelations: number;
  events: number;
  /** Distinct trigger annotations, plus copies for an event that shares its trigger with another. */
  triggers: number;
  triggerCopies: number;
  roleRelations: number;
  relations: number;
  equivalences: number;
  equivalenceRelations: number;
  annotators: number;
  attributesOnAnnotations: number;
  attributesOnRelations: number;
  normalisations: number;
  notesOnAnnotations: number;
  notesOnRelations: number;
  figureValues: number;
}

export function emptyTally(): BratTally {
  return {
    textBound: 0,
    annotations: 0,
    discontinuous: 0,
    fragmentRelations: 0,
    events: 0,
    triggers: 0,
    triggerCopies: 0,
    roleRelations: 0,
    relations: 0,
    equivalences: 0,
    equivalenceRelations: 0,
    annotators: 0,
    attributesOnAnnotations: 0,
    attributesOnRelations: 0,
    normalisations: 0,
    notesOnAnnotations: 0,
    notesOnRelations: 0,
    figureValues: 0,
  };
}

export function addTally(into: BratTally, more: BratTally): void {
  for (const key of Object.keys(into) as (keyof BratTally)[]) into[key] += more[key];
}

/** The summary's lines, one per kind of line the input held (kinds it lacked are left out). */
export function mappingOf(t: BratTally): ImportMapping[] {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const out: ImportMapping[] = [];
  const add = (lines: string, count: number, became: string) => {
    if (count > 0) out.push({ lines, count, became });
  };
  add(
    'T (text-bound)',
    t.textBound,
    [
      n(t.annotations, 'annotation'),
      ...(t.discontinuous > 0
        ? [
            `${n(t.discontinuous, 'discontinuous span')} as one annotation per piece + ${n(t.fragmentRelations, '“fragment-of” relation')}`,
          ]
        : []),
    ].join('; '),
  );
  add(
    'E (event)',
    t.events,
    `${n(t.triggers, 'trigger annotation')}${t.triggerCopies > 0 ? ` (${t.triggerCopies} a copy of a trigger two events share)` : ''} + ${n(t.roleRelations, 'relation')} typed by role (“… (event role)”)`,
  );
  add('R (relation)', t.relations, n(t.relations, 'relation'));
  add(
    '* (equivalence)',
    t.equivalences,
    `${n(t.equivalenceRelations, 'relation')} between neighbouring members`,
  );
  add('A/M (attribute) “Annotator”', t.annotators, `the annotator of ${n(t.annotators, 'annotation')}`);
  add(
    'A/M (attribute)',
    t.attributesOnAnnotations + t.attributesOnRelations,
    `“attribute: …” note lines: ${t.attributesOnAnnotations} on annotations (an event's on its trigger), ${t.attributesOnRelations} on relations`,
  );
  add('N (normalisation)', t.normalisations, n(t.normalisations, 'stakeholder link'));
  add(
    '# (note)',
    t.notesOnAnnotations + t.notesOnRelations + t.figureValues,
    [
      `notes: ${t.notesOnAnnotations} on annotations (an event's on its trigger), ${t.notesOnRelations} on relations`,
      ...(t.figureValues > 0 ? [n(t.figureValues, 'figure value')] : []),
    ].join('; '),
  );
  return out;
}
