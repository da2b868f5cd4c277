/** Setting two annotators' work on one document against each other (see compare-annotations.ts). */
export {
  type AnnotationComparison,
  type ComparablePassage,
  compareAnnotations,
  PAIR_KINDS,
  type PairKind,
  type PassagePair,
  pairBounds,
} from './compare-annotations';
