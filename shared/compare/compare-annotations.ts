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
  const orderA = textOrder(a);
  const orderB = textOrder(b);
  const matchedA = new Array<boolean>(a.length).fill(false);
  const matchedB = new Array<boolean>(b.length).fill(false);
  const pairs: PassagePair<T>[] = [];

  // Steps 1 and 2: one to one, by a key of the bounds (and the code), in text order.
  for (const kind of ['agreed', 'different-codes'] as const) {
    const keyOf = (passage: T) =>
      kind === 'agreed' ? `${boundsKey(passage)}|${passage.code}` : boundsKey(passage);
    const waiting = new Map<string, number[]>();
    for (const j of orderB) {
      if (matchedB[j]) continue;
      const key = keyOf(b[j]!);
      const list = waiting.get(key);
      if (list) list.push(j);
      else waiting.set(key, [j]);
    }
    for (const i of orderA) {
      if (matchedA[i]) continue;
      const j = waiting.get(keyOf(a[i]!))?.shift();
      if (j === undefined) continue;
      matchedA[i] = true;
      matchedB[j] = true;
      pairs.push({ kind, a: a[i]!, b: b[j]! });
    }
  }

  // Step 3: overlaps involving at least one passage left over, each pair once.
  const paired = new Set<string>();
  const pairedA = new Array<boolean>(a.length).fill(false);
  const pairedB = new Array<boolean>(b.length).fill(false);
  const addOverlap = (i: number, j: number) => {
    const id = `${i}:${j}`;
    if (paired.has(id)) return;
    paired.add(id);
    pairedA[i] = true;
    pairedB[j] = true;
    pairs.push({ kind: 'overlapping', a: a[i]!, b: b[j]! });
  };
  const findB = overlapFinder(b, orderB);
  for (const i of orderA) if (!matchedA[i]) for (const j of findB(a[i]!)) addOverlap(i, j);
  const findA = overlapFinder(a, orderA);
  for (const j of orderB) if (!matchedB[j]) for (const i of findA(b[j]!)) addOverlap(i, j);

  // Step 4: the rest.
  for (const i of orderA) if (!matchedA[i] && !pairedA[i]) pairs.push({ kind: 'only-a', a: a[i]!, b: null });
  for (const j of orderB) if (!matchedB[j] && !pairedB[j]) pairs.push({ kind: 'only-b', a: null, b: b[j]! });

  pairs.sort(byTextOrder);
  return { pairs, counts: countKinds(pairs), ...sideKinds(a, b, pairs) };
}

/** The pair's passages' earliest start and end, for sorting and scrolling to it. */
export function pairBounds(pair: PassagePair<ComparablePassage>): { start: number; end: number } {
  const passages = [pair.a, pair.b].filter((p) => p !== null);
  return {
    start: Math.min(...passages.map((p) => p.target.start)),
    end: Math.max(...passages.map((p) => p.target.end)),
  };
}

function boundsKey(passage: ComparablePassage): string {
  return `${passage.target.start}:${passage.target.end}`;
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

/** Indexes of `list` by start, then end, then position in the list (so ties keep input order). */
function textOrder(list: readonly ComparablePassage[]): number[] {
  return list
    .map((_, index) => index)
    .sort(
      (i, j) =>
        list[i]!.target.start - list[j]!.target.start || list[i]!.target.end - list[j]!.target.end || i - j,
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

function byTextOrder(x: PassagePair<ComparablePassage>, y: PassagePair<ComparablePassage>): number {
  const bx = pairBounds(x);
  const by = pairBounds(y);
  return bx.start - by.start || bx.end - by.end || PAIR_KINDS.indexOf(x.kind) - PAIR_KINDS.indexOf(y.kind);
}

function countKinds(pairs: readonly PassagePair<ComparablePassage>[]): Record<PairKind, number> {
  const counts = Object.fromEntries(PAIR_KINDS.map((kind) => [kind, 0])) as Record<PairKind, number>;
  for (const pair of pairs) counts[pair.kind]++;
  return counts;
}

/** Each passage's most agreeing kind; by object, then back to indexes (a list may hold one object twice). */
function sideKinds<T extends ComparablePassage>(
  a: readonly T[],
  b: readonly T[],
  pairs: readonly PassagePair<T>[],
): { kindsA: PairKind[]; kindsB: PairKind[] } {
  const rank = (kind: PairKind) => PAIR_KINDS.indexOf(kind);
  const best = (found: Map<T, PairKind>, passage: T | null, kind: PairKind) => {
    if (!passage) return;
    const before = found.get(passage);
    if (before === undefined || rank(kind) < rank(before)) found.set(passage, kind);
  };
  const ofA = new Map<T, PairKind>();
  const ofB = new Map<T, PairKind>();
  for (const pair of pairs) {
    best(ofA, pair.a, pair.kind);
    best(ofB, pair.b, pair.kind);
  }
  return {
    kindsA: a.map((passage) => ofA.get(passage) ?? 'only-a'),
    kindsB: b.map((passage) => ofB.get(passage) ?? 'only-b'),
  };
}
