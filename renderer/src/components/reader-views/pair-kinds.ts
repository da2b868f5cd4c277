import type { PairKind } from '../../../../shared/compare';

/** What each kind of pair is called on screen; the "only" kinds name the column's annotator. */
export function pairKindLabel(kind: PairKind, left: string, right: string): string {
  switch (kind) {
    case 'agreed':
      return 'Agreed';
    case 'different-codes':
      return 'Same passage, different codes';
    case 'overlapping':
      return 'Overlapping, different boundaries';
    case 'only-a':
      return `Only ${left}`;
    case 'only-b':
      return `Only ${right}`;
  }
}

export type ColumnSide = 'left' | 'right';

/**
 * The painter names a highlight after an annotation's code (`gloss-code-<code>`); side by side a
 * passage is painted by its kind, in its column, so each column's painter gets its annotations
 * with this in place of the code. Per side, because each painter drops the highlights it made when
 * it goes, and the two columns' highlights must not be one another's. Colours: reader-views.css.
 */
export function comparisonPaintCode(side: ColumnSide, kind: PairKind): string {
  // Both "only" kinds paint alike: in its own column a passage is only its annotator's.
  return `compare-${side}-${kind === 'only-a' || kind === 'only-b' ? 'only' : kind}`;
}
