import type { Annotation } from '../../../shared/model/annotation';

/** Finds the annotations under a character quickly, for hit testing thousands of them on every pointer move. */
export interface AnnotationIndex {
  /** Annotations covering the character at `offset` (start ≤ offset < end), in text order. UTF-16 offsets. */
  at(offset: number): Annotation[];
}

/**
 * Annotations sorted by start, with the furthest end reached so far at each position: a lookup
 * binary-searches the last start at or before the offset, then walks back only while an earlier
 * annotation can still reach it. Building is O(n) for a sorted list (the store keeps it sorted).
 */
export function indexAnnotations(annotations: readonly Annotation[]): AnnotationIndex {
  const sorted = isSortedByStart(annotations)
    ? annotations
    : [...annotations].sort((a, b) => a.target.start - b.target.start);
  const reach: number[] = new Array(sorted.length);
  let furthest = -1;
  for (let i = 0; i < sorted.length; i++) {
    furthest = Math.max(furthest, sorted[i]!.target.end);
    reach[i] = furthest;
  }
  return {
    at(offset) {
      let low = 0;
      let high = sorted.length - 1;
      let last = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (sorted[middle]!.target.start <= offset) {
          last = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      const found: Annotation[] = [];
      for (let i = last; i >= 0 && reach[i]! > offset; i--) {
        const annotation = sorted[i]!;
        if (annotation.target.end > offset) found.push(annotation);
      }
      return found.reverse();
    },
  };
}

/** An index built on first use, so annotation changes cost nothing until the pointer moves. */
export function lazyAnnotationIndex(annotations: readonly Annotation[]): AnnotationIndex {
  let index: AnnotationIndex | undefined;
  return {
    at(offset) {
      index ??= indexAnnotations(annotations);
      return index.at(offset);
    },
  };
}

/** The shortest of `annotations` (the innermost where they nest); the later-starting on a tie. */
export function innermost(annotations: readonly Annotation[]): Annotation | undefined {
  let best: Annotation | undefined;
  for (const annotation of annotations) {
    const length = annotation.target.end - annotation.target.start;
    const bestLength = best ? best.target.end - best.target.start : Number.POSITIVE_INFINITY;
    if (length < bestLength || (length === bestLength && best && annotation.target.start > best.target.start))
      best = annotation;
  }
  return best;
}

function isSortedByStart(annotations: readonly Annotation[]): boolean {
  for (let i = 1; i < annotations.length; i++) {
    if (annotations[i - 1]!.target.start > annotations[i]!.target.start) return false;
  }
  return true;
}
