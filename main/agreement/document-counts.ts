import { exactSpanF1, type KeyedSpan } from '../../shared/agreement/span-f1';
import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import { codePointsOf } from './code-points';
import {
  coverage,
  coverageDepths,
  coveredLength,
  type Intervals,
  overlapOfSorted,
  sharedLength,
} from './coverage';
import { countTokens, touchedTokens } from './tokens';

/** What two annotators did with one code in one document: the counts the pair measures add up. */
export interface CodeCounts {
  /** Characters (code points) only a covered, only b, both. */
  onlyA: number;
  onlyB: number;
  both: number;
  /** Tokens only a touched, only b, both. */
  tokensOnlyA: number;
  tokensOnlyB: number;
  tokensBoth: number;
  /** Spans with the same start, end and code in both; spans of one without a match in the other. */
  matched: number;
  spansOnlyA: number;
  spansOnlyB: number;
  /** Each one's coverage, in code points from the document's start, for unitizing alpha. */
  a: Intervals;
  b: Intervals;
}

/** One document's part of the agreement of a set of annotators. */
export interface DocumentCounts {
  /** Code points, and tokens. */
  length: number;
  tokens: number;
  /** By pair (index into the pairs of the annotators, in order) and by code. */
  pairs: Map<number, Map<string, CodeCounts>>;
  /** When every annotator worked on it, by code: characters covered by exactly k of them (k = 1…n), and each one's coverage. */
  group?: Map<string, { depths: number[]; coverages: Intervals[] }>;
}

/**
 * A document's counts for the annotators who worked on it (`workers`, a subset of
 * `annotators`), from its text and each one's annotations of the codes wanted.
 */
export function documentCounts(
  key: string,
  text: string,
  byAuthor: ReadonlyMap<string, readonly AnalysedAnnotation[]>,
  annotators: readonly string[],
  workers: ReadonlySet<string>,
): DocumentCounts {
  const points = codePointsOf(text);
  const codes = new Set<string>();
  // Each one's coverage of each code in code points; the tokens it touches found in UTF-16.
  const covered = new Map<string, Map<string, { points: Intervals; tokens: number[] }>>();
  for (const name of workers) {
    const byCode = new Map<string, { start: number; end: number }[]>();
    for (const a of byAuthor.get(name) ?? []) {
      codes.add(a.code);
      const list = byCode.get(a.code);
      if (list) list.push(a.target);
      else byCode.set(a.code, [a.target]);
    }
    const mine = new Map<string, { points: Intervals; tokens: number[] }>();
    for (const [code, spans] of byCode) {
      const units = coverage(spans);
      mine.set(code, {
        points: units.map(([start, end]) => [points.at(start), points.at(end)] as const),
        tokens: touchedTokens(text, units),
      });
    }
    covered.set(name, mine);
  }
  const none = { points: [], tokens: [] };
  const coverageOf = (name: string, code: string) => covered.get(name)?.get(code) ?? none;
  const counts: DocumentCounts = { length: points.length, tokens: countTokens(text), pairs: new Map() };
  let pair = -1;
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pair++;
      const [nameA, nameB] = [annotators[i]!, annotators[j]!];
      if (!workers.has(nameA) || !workers.has(nameB)) continue;
      const byCode = new Map<string, CodeCounts>();
      for (const code of codes) {
        const { points: a, tokens: tokensA } = coverageOf(nameA, code);
        const { points: b, tokens: tokensB } = coverageOf(nameB, code);
        if (a.length === 0 && b.length === 0) continue;
        const both = sharedLength(a, b);
        const touched = overlapOfSorted(tokensA, tokensB);
        const spans = exactSpanF1(
          keyed(key, byAuthor.get(nameA), code),
          keyed(key, byAuthor.get(nameB), code),
        );
        byCode.set(code, {
          onlyA: coveredLength(a) - both,
          onlyB: coveredLength(b) - both,
          both,
          tokensOnlyA: touched.onlyA,
          tokensOnlyB: touched.onlyB,
          tokensBoth: touched.both,
          matched: spans.matched,
          spansOnlyA: spans.onlyA,
          spansOnlyB: spans.onlyB,
          a,
          b,
        });
      }
      counts.pairs.set(pair, byCode);
    }
  }
  if (workers.size === annotators.length) {
    counts.group = new Map();
    for (const code of codes) {
      const coverages = annotators.map((name) => coverageOf(name, code).points);
      counts.group.set(code, { depths: coverageDepths(coverages, points.length), coverages });
    }
  }
  return counts;
}

function keyed(
  key: string,
  annotations: readonly AnalysedAnnotation[] | undefined,
  code: string,
): KeyedSpan[] {
  const spans: KeyedSpan[] = [];
  for (const a of annotations ?? []) {
    if (a.code === code) spans.push({ key, start: a.target.start, end: a.target.end, code });
  }
  return spans;
}
