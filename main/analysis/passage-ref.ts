import type { PassageRef } from '../../shared/api';
import type { Annotation } from '../../shared/model/annotation';

/** Where an annotation is, for the lists behind an analysis's numbers. */
export function passageOf(key: string, annotation: Annotation): PassageRef {
  return {
    key,
    annotationId: annotation.id,
    author: annotation.author,
    start: annotation.target.start,
    end: annotation.target.end,
    quote: annotation.target.quote,
  };
}
