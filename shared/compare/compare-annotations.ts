/**
 * Two annotators' passages of one document, set against each other: which they agree on, which
 * only one of them marked, and where they marked the same words differently. The side-by-side
 * reader shows it; the agreement screen and curation are meant to reuse it.
 *
 * Offsets are whatever unit the passages share; in Gloss they are UTF-16 code units into the
 * document's text (shared/model/annotation.ts), end exclusive. Passages of different units must be
 * converted first (shared/text/offsets.ts): a passage after an emoji differs by one per astral
 * character, and would be classed as overlapping, not agreed.
 */

/** How two annotators' passages relate, from the most to the least agreement. */
export const PAIR_KINDS = ['agreed', 'different-codes', 'overlapping', 'only-a', 'only-b'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

/** What the comparison reads of an annotation: Gloss's `Annotation` fits, as does any `{ code, target }`. */
export interface ComparablePassage {
  code: string;
  target: { start: number; end: number };
}

/**
 * One line of the comparison. `agreed`: same start, end and code. `different-codes`: same start
 * and end, other code. `overlapping`: the passages share at least one code unit but start or end
 * elsewhere (any codes). `only-a` / `only-b`: no passage of the other annotator shares a code
 * unit with it (`b` / `a` is null).
 */
export type PassagePair<T extends ComparablePassage> =
  | { kind: 'agreed' | 'different-codes' | 'overlapping'; a: T; b: T }
  | { kind: 'only-a'; a: T; b: null }
  | { kind: 'only-b'; a: null; b: T };

export interface AnnotationComparison<T extends ComparablePassage> {
  /** In text order: by start, then end, of the pair's earlier passage. */
  pairs: PassagePair<T>[];
  /** Pairs of each kind. */
  counts: Record<PairKind, number>;
  /**
   * Each passage's most agreeing kind among its pairs, by index into the lists compared
   * (`kindsA[i]` is about `a[i]`): what a reader colours a passage by.
   */
  kindsA: PairKind[];
  kindsB: PairKind[];
}

/**
 * Compares annotator A's passages with annotator B's. Pure; the lists are not changed.
 *
 * Matching goes from the closest to the loosest, each passage used once in the first two steps:
 * 1. same start, end and code: `agreed`, one to one (two identical passages of A and one of B
 *    make one agreed pair; the second of A is left over);
 * 2. of those left, same start and end: `different-codes`, one to one;
 * 3. every passage left after 1–2 is paired with each passage of the other annotator it overlaps
 *    with other bounds, whether that one was matched before or not: `overlapping`. A passage
 *    inside a longer one the colleague agreed with elsewhere is not "only" anyone's: the
 *    colleague marked words there too;
 * 4. a passage with no pair at all is `only-a` or `only-b`. So is a leftover duplicate, whose
 *    twin was matched in step 1 or 2 with identical bounds (it overlaps, but with the same bounds).
 *
 * Empty passages (start ≥ end) overlap nothing; they can still agree exactly.
 */
export function compareAnnotations<T extends ComparablePassage>(
  a: readonly T[],
  b: readonly T[],
): AnnotationComparison<T> {
  // Indexes in text order, ties by code: steps 1 and 2 are merge joins over these, no keys made.
  const orderA = textOrder(a);
  const orderB = textOrder(b);
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  /** Each passage's best rank so far (index into PAIR_KINDS); a passage never paired keeps its "only". */
  const rankA = new Uint8Array(a.length).fill(ONLY_A);
  const rankB = new Uint8Array(b.length).fill(ONLY_B);
  const found: Found<T>[] = [];
  const pair = (rank: typeof AGREED | typeof DIFFERENT_CODES | typeof OVERLAPPING, i: number, j: number) => {
    const x = a[i]!;
    const y = b[j]!;
    found.push({
      rank,
      start: Math.min(x.target.start, y.target.start),
      end: Math.max(x.target.end, y.target.end),
      pair: { kind: PAIR_KINDS[rank], a: x, b: y },
    });
    if (rank < rankA[i]!) rankA[i] = rank;
    if (rank < rankB[j]!) rankB[j] = rank;
  };

  // Steps 1 and 2: one to one, in text order.
  mergeJoin(a, b, orderA, orderB, matchedA, matchedB, true, (i, j) => pair(AGREED, i, j));
  mergeJoin(a, b, orderA, orderB, matchedA, matchedB, false, (i, j) => pair(DIFFERENT_CODES, i, j));

  // Step 3: overlaps involving at least one passage left over, each pair once: the second pass
  // leaves out pairs of two left-over passages, which the first one made.
  const findB = overlapFinder(b, orderB);
  for (const i of orderA) if (!matchedA[i]) for (const j of findB(a[i]!)) pair(OVERLAPPING, i, j);
  const findA = overlapFinder(a, orderA);
  for (const j of orderB) {
    if (!matchedB[j]) for (const i of findA(b[j]!)) if (matchedA[i]) pair(OVERLAPPING, i, j);
  }

  // Step 4: the rest.
  for (const i of orderA) {
    if (rankA[i] !== ONLY_A) continue;
    const x = a[i]!;
    found.push({
      rank: ONLY_A,
      start: x.target.start,
      end: x.target.end,
      pair: { kind: 'only-a', a: x, b: null },
    });
  }
  for (const j of orderB) {
    if (rankB[j] !== ONLY_B) continue;
    const y = b[j]!;
    found.push({
      rank: ONLY_B,
      start: y.target.start,
      end: y.target.end,
      pair: { kind: 'only-b', a: null, b: y },
    });
  }

  found.sort((x, y) => x.start - y.start || x.end - y.end || x.rank - y.rank);
  const counts = Object.fromEntries(PAIR_KINDS.map((kind) => [kind, 0])) as Record<PairKind, number>;
  const pairs = found.map((f) => f.pair);
  for (const { kind } of pairs) counts[kind]++;
  return {
    pairs,
    counts,
    kindsA: Array.from(rankA, (rank) => PAIR_KINDS[rank]!),
    kindsB: Array.from(rankB, (rank) => PAIR_KINDS[rank]!),
  };
}

/** Ranks: indexes into PAIR_KINDS, the most agreeing first. */
const AGREED = 0;
const DIFFERENT_CODES = 1;
const OVERLAPPING = 2;
const ONLY_A = 3;
const ONLY_B = 4;

/** A pair with its sort key, made once rather than in each comparison of the sort. */
interface Found<T extends ComparablePassage> {
  rank: number;
  start: number;
  end: number;
  pair: PassagePair<T>;
}

/** The pair's passages' earliest start and latest end, to bring it into view. */
export function pairBounds(pair: PassagePair<ComparablePassage>): { start: number; end: number } {
  if (pair.a === null) return { start: pair.b.target.start, end: pair.b.target.end };
  if (pair.b === null) return { start: pair.a.target.start, end: pair.a.target.end };
  return {
    start: Math.min(pair.a.target.start, pair.b.target.start),
    end: Math.max(pair.a.target.end, pair.b.target.end),
  };
}

/**
 * Pairs the passages not matched yet that have the same bounds (and, with `sameCode`, the same
 * code), one to one. Both lists are walked once in text order, which sorts by start, end and
 * then code, so equal keys meet; among equal keys the earlier of each list go together.
 */
function mergeJoin(
  a: readonly ComparablePassage[],
  b: readonly ComparablePassage[],
  orderA: readonly number[],
  orderB: readonly number[],
  matchedA: Uint8Array,
  matchedB: Uint8Array,
  sameCode: boolean,
  onPair: (i: number, j: number) => void,
): void {
  let at = 0;
  let bt = 0;
  while (at < orderA.length && bt < orderB.length) {
    const i = orderA[at]!;
    const j = orderB[bt]!;
    if (matchedA[i]) {
      at++;
      continue;
    }
    if (matchedB[j]) {
      bt++;
      continue;
    }
    const x = a[i]!.target;
    const y = b[j]!.target;
    const order = x.start - y.start || x.end - y.end || (sameCode ? compareCodes(a[i]!.code, b[j]!.code) : 0);
    if (order < 0) at++;
    else if (order > 0) bt++;
    else {
      matchedA[i] = 1;
      matchedB[j] = 1;
      onPair(i, j);
      at++;
      bt++;
    }
  }
}

function compareCodes(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sharing at least one code unit; an empty passage shares none. */
function overlaps(x: ComparablePassage, y: ComparablePassage): boolean {
  return (
    x.target.start < x.target.end &&
    y.target.start < y.target.end &&
    x.target.start < y.target.end &&
    y.target.start < x.target.end
  );
}

function sameBounds(x: ComparablePassage, y: ComparablePassage): boolean {
  return x.target.start === y.target.start && x.target.end === y.target.end;
}

/** Indexes of `list` by start, end, code, then position in the list (ties keep input order). */
function textOrder(list: readonly ComparablePassage[]): number[] {
  return list
    .map((_, index) => index)
    .sort(
      (i, j) =>
        list[i]!.target.start - list[j]!.target.start ||
        list[i]!.target.end - list[j]!.target.end ||
        compareCodes(list[i]!.code, list[j]!.code) ||
        i - j,
    );
}

/**
 * The passages of `list` (indexes, in text order) that overlap a passage with other bounds.
 * Only those starting less than the list's longest passage before it can reach it, so a scan
 * starts there (binary search) instead of at the top: near linear for a document's passages.
 */
function overlapFinder<T extends ComparablePassage>(
  list: readonly T[],
  order: readonly number[],
): (passage: T) => number[] {
  let longest = 0;
  for (const passage of list) longest = Math.max(longest, passage.target.end - passage.target.start);
  return (passage) => {
    const from = passage.target.start - longest;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[order[middle]!]!.target.start < from) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < order.length; at++) {
      const other = list[order[at]!]!;
      if (other.target.start >= passage.target.end) break;
      if (overlaps(passage, other) && !sameBounds(passage, other)) found.push(order[at]!);
    }
    return found;
  };
}
