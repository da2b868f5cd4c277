import type { Annotation } from '../../shared/model/annotation';
import type { Relation } from '../../shared/model/relation';

/**
 * When an import lands on an article that already has work on it, an imported annotation that is
 * already there is not added again, so importing the same file twice (a model's pre-annotations
 * re-run, a colleague's folder brought in again) changes nothing the second time.
 *
 * "Already there" means: by the same annotator, over the same span (UTF-16 start and end), with
 * the same code, stakeholder, figure value and note (no note and an empty one are the same). Ids
 * and times do not count: they are the tool's or the import's, not the researcher's judgement.
 * An annotation that differs in any of those (another note, a corrected value) is added beside it.
 * A relation is already there when its annotator's file links the same two annotations by the same type.
 */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return (
    a.author === b.author &&
    a.target.start === b.target.start &&
    a.target.end === b.target.end &&
    a.code === b.code &&
    a.stakeholderId === b.stakeholderId &&
    (a.note ?? '') === (b.note ?? '') &&
    JSON.stringify(sortedKeys(a.value)) === JSON.stringify(sortedKeys(b.value))
  );
}

export function sameRelation(a: Relation, b: Relation): boolean {
  return a.author === b.author && a.type === b.type && a.from === b.from && a.to === b.to;
}

/** A figure value with its keys in one order, so that two equal values compare equal as JSON. */
function sortedKeys(value: Annotation['value']): unknown {
  if (!value) return undefined;
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
}
