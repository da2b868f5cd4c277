import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type { PassageRef } from '../../shared/api';

/** Where an annotation is, for the lists behind an analysis's numbers. */
export function passageOf(key: string, annotation: AnalysedAnnotation): PassageRef {
  return {
    key,
    annotationId: annotation.id,
    author: annotation.author,
    start: annotation.target.start,
    end: annotation.target.end,
    quote: annotation.target.quote,
  };
}
