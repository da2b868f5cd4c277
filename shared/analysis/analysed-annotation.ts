import type { Annotation, TextTarget } from '../model/annotation';
import type { Relation } from '../model/relation';

/**
 * What the analyses read of an annotation: where it is and what it quotes, its code, annotator,
 * note, figure value and stakeholder. Not the quote's context or the times, which only
 * re-attaching and the reader need: the analyses keep a whole project's annotations in memory
 * and in .gloss/cache/, so they keep only this. An Annotation is one.
 */
export type AnalysedAnnotation = Pick<
  Annotation,
  'id' | 'code' | 'author' | 'note' | 'value' | 'stakeholderId'
> & {
  target: Pick<TextTarget, 'start' | 'end' | 'quote'>;
};

/** What the analyses read of a relation (a Relation is one). */
export type AnalysedRelation = Pick<Relation, 'id' | 'type' | 'from' | 'to'>;
