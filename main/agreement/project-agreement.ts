import { cohenKappa } from '../../shared/agreement/cohen-kappa';
import { fleissKappa } from '../../shared/agreement/fleiss-kappa';
import { krippendorffAlphaNominal } from '../../shared/agreement/krippendorff-alpha';
import { type UnitizingSegment, unitizingAlphaByCategory } from '../../shared/agreement/unitizing-alpha';
import type { WeightedUnit } from '../../shared/agreement/weighted-unit';
import type { AnalysedAnnotation } from '../../shared/analysis/analysed-annotation';
import type { AgreementResult, GroupAgreement, PairAgreement } from '../../shared/api-analysis';
import type { AnalysedDocument, AnalysisCorpus } from '../analysis/analysis-corpus';
import { forEachLimited } from '../project/for-each-limited';
import { type CodeCounts, type DocumentCounts, documentCounts } from './document-counts';
import { workedOn } from './worked-on';

export interface AgreementOptions {
  /** The annotators to compare; all with annotations (or, doneOnly, a status) when absent. */
  annotators?: readonly string[];
  /** Code ids; every code used when absent. */
  codes?: readonly string[];
  /** Count a document only where the annotators compared all marked it done. */
  doneOnly?: boolean;
}

/** What one pair of annotators did on one code, summed over their documents, their coverages laid end to end. */
interface PairCounts extends Omit<CodeCounts, 'a' | 'b'> {
  segments: UnitizingSegment[];
}

interface Pair {
  a: string;
  b: string;
  documents: number;
  /** Code points of their documents, end to end: the continuum and the character units. */
  length: number;
  tokens: number;
  codes: Map<string, PairCounts>;
}

interface Group {
  documents: number;
  length: number;
  /** By code: how many code points k of the annotators covered, for k = 1…n (k = 0 is the rest). */
  depths: Map<string, number[]>;
  segments: UnitizingSegment[];
}

/** Documents whose texts are read at once: their reads overlap. */
const READS_IN_FLIGHT = 8;
/** Where each document's counts are kept between calls (AnalysisCorpus.remember). */
const SLOT = 'agreement';

/**
 * Inter-annotator agreement over a project: for each pair of annotators over the documents both
 * worked on (have annotations in, or both marked done), and for all of them over the documents
 * every one worked on, per code and over all codes. Characters are code points, tokens are the
 * words search finds; a unit is inside a code for an annotator when a span of that code covers
 * it (a token: covers one of its characters). The measures are shared/agreement/'s. Each
 * document's counts are kept with it until it changes, so a later call reads only the documents
 * changed since.
 */
export async function projectAgreement(
  corpus: AnalysisCorpus,
  options: AgreementOptions = {},
): Promise<AgreementResult> {
  const documents = await corpus.documents();
  const doneOnly = options.doneOnly ?? false;
  const annotators = options.annotators
    ? [...new Set(options.annotators)]
    : annotatorsOf(documents, doneOnly);
  const wanted = options.codes ? new Set(options.codes) : undefined;
  const settings = JSON.stringify([annotators, options.codes ?? null, doneOnly]);
  const counted = new Array<DocumentCounts | undefined>(documents.length);
  const toRead: { index: number; byAuthor: Map<string, AnalysedAnnotation[]>; workers: Set<string> }[] = [];
  documents.forEach((document, index) => {
    const kept = corpus.recall<DocumentCounts | null>(document, SLOT, settings);
    if (kept !== undefined) {
      counted[index] = kept ?? undefined;
      return;
    }
    const byAuthor = new Map<string, AnalysedAnnotation[]>();
    for (const annotation of document.annotations) {
      if (wanted && !wanted.has(annotation.code)) continue;
      const list = byAuthor.get(annotation.author);
      if (list) list.push(annotation);
      else byAuthor.set(annotation.author, [annotation]);
    }
    const workers = new Set(
      annotators.filter((name) => workedOn(document, name, byAuthor.get(name), doneOnly)),
    );
    // Nothing to compare: no text to read.
    if (workers.size < 2) corpus.remember(document, SLOT, settings, null);
    else toRead.push({ index, byAuthor, workers });
  });
  await forEachLimited(toRead, READS_IN_FLIGHT, async ({ index, byAuthor, workers }) => {
    const document = documents[index]!;
    const text = await corpus.text(document);
    const counts = documentCounts(document.summary.key, text, byAuthor, annotators, workers);
    corpus.remember(document, SLOT, settings, counts);
    counted[index] = counts;
  });

  const pairs: Pair[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      pairs.push({
        a: annotators[i]!,
        b: annotators[j]!,
        documents: 0,
        length: 0,
        tokens: 0,
        codes: new Map(),
      });
    }
  }
  const group: Group = { documents: 0, length: 0, depths: new Map(), segments: [] };
  for (const counts of counted) if (counts) addDocument(counts, pairs, group, annotators.length);
  return {
    annotators,
    doneOnly,
    documents: group.documents,
    pairs: pairs.map((pair) => pairResult(pair)),
    ...groupResult(group, annotators.length),
  };
}

/** Adds one document's counts to its pairs' and the group's sums, its coverages placed after the documents before. */
function addDocument(counts: DocumentCounts, pairs: Pair[], group: Group, raters: number): void {
  for (const [index, byCode] of counts.pairs) {
    const pair = pairs[index]!;
    for (const [code, c] of byCode) {
      const sum = countsOf(pair, code);
      sum.onlyA += c.onlyA;
      sum.onlyB += c.onlyB;
      sum.both += c.both;
      sum.tokensOnlyA += c.tokensOnlyA;
      sum.tokensOnlyB += c.tokensOnlyB;
      sum.tokensBoth += c.tokensBoth;
      sum.matched += c.matched;
      sum.spansOnlyA += c.spansOnlyA;
      sum.spansOnlyB += c.spansOnlyB;
      for (const [start, end] of c.a) {
        sum.segments.push({ rater: 0, category: code, start: pair.length + start, end: pair.length + end });
      }
      for (const [start, end] of c.b) {
        sum.segments.push({ rater: 1, category: code, start: pair.length + start, end: pair.length + end });
      }
    }
    pair.documents += 1;
    pair.length += counts.length;
    pair.tokens += counts.tokens;
  }
  if (!counts.group) return;
  for (const [code, { depths, coverages }] of counts.group) {
    const sum = group.depths.get(code) ?? new Array<number>(raters + 1).fill(0);
    for (let k = 1; k < depths.length; k++) sum[k]! += depths[k]!;
    group.depths.set(code, sum);
    coverages.forEach((intervals, rater) => {
      for (const [start, end] of intervals) {
        group.segments.push({ rater, category: code, start: group.length + start, end: group.length + end });
      }
    });
  }
  group.documents += 1;
  group.length += counts.length;
}

/** Everyone with an annotation, or with a status when only done documents count, in name order. */
function annotatorsOf(documents: readonly AnalysedDocument[], doneOnly: boolean): string[] {
  const found = new Set<string>();
  for (const document of documents) {
    for (const annotation of document.annotations) found.add(annotation.author);
    if (doneOnly) for (const name of Object.keys(document.statuses)) found.add(name);
  }
  return [...found].sort();
}

function countsOf(pair: Pair, code: string): PairCounts {
  let counts = pair.codes.get(code);
  if (!counts) {
    counts = {
      onlyA: 0,
      onlyB: 0,
      both: 0,
      tokensOnlyA: 0,
      tokensOnlyB: 0,
      tokensBoth: 0,
      matched: 0,
      spansOnlyA: 0,
      spansOnlyB: 0,
      segments: [],
    };
    pair.codes.set(code, counts);
  }
  return counts;
}

function pairResult(pair: Pair): AgreementResult['pairs'][number] {
  const codes: Record<string, PairAgreement> = {};
  const pooled = {
    onlyA: 0,
    onlyB: 0,
    both: 0,
    total: 0,
    tokens: [
      [0, 0],
      [0, 0],
    ],
    matched: 0,
    spansOnlyA: 0,
    spansOnlyB: 0,
  };
  const segments: UnitizingSegment[] = [];
  for (const counts of pair.codes.values()) for (const segment of counts.segments) segments.push(segment);
  const alphaU = unitizingAlphaByCategory({ length: pair.length, raters: 2, segments });
  for (const [code, counts] of [...pair.codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const characters = binaryTable(counts.onlyA, counts.onlyB, counts.both, pair.length);
    const tokens = binaryTable(counts.tokensOnlyA, counts.tokensOnlyB, counts.tokensBoth, pair.tokens);
    codes[code] = {
      f1: f1(counts.matched, counts.spansOnlyA, counts.spansOnlyB),
      kappa: defined(cohenKappa(characters)),
      alpha: defined(krippendorffAlphaNominal(pairUnits(characters))),
      tokenKappa: defined(cohenKappa(tokens)),
      tokenAlpha: defined(krippendorffAlphaNominal(pairUnits(tokens))),
      alphaU: defined(alphaU.byCategory.get(code) ?? Number.NaN),
    };
    pooled.onlyA += counts.onlyA;
    pooled.onlyB += counts.onlyB;
    pooled.both += counts.both;
    pooled.total += pair.length;
    for (const r of [0, 1]) for (const c of [0, 1]) pooled.tokens[r]![c]! += tokens[r]![c]!;
    pooled.matched += counts.matched;
    pooled.spansOnlyA += counts.spansOnlyA;
    pooled.spansOnlyB += counts.spansOnlyB;
  }
  const characters = binaryTable(pooled.onlyA, pooled.onlyB, pooled.both, pooled.total);
  return {
    a: pair.a,
    b: pair.b,
    documents: pair.documents,
    codes,
    overall: {
      f1: f1(pooled.matched, pooled.spansOnlyA, pooled.spansOnlyB),
      kappa: defined(cohenKappa(characters)),
      alpha: defined(krippendorffAlphaNominal(pairUnits(characters))),
      tokenKappa: defined(cohenKappa(pooled.tokens)),
      tokenAlpha: defined(krippendorffAlphaNominal(pairUnits(pooled.tokens))),
      alphaU: defined(alphaU.overall),
    },
  };
}

function groupResult(group: Group, raters: number): Pick<AgreementResult, 'codes' | 'overall'> {
  const codes: Record<string, GroupAgreement> = {};
  const pooled: WeightedUnit[] = [];
  // With fewer than two annotators there is no group to measure.
  const alphaU =
    raters >= 2
      ? unitizingAlphaByCategory({ length: group.length, raters, segments: group.segments })
      : { overall: Number.NaN, byCategory: new Map<string, number>() };
  for (const [code, depths] of [...group.depths].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const units = depthUnits(depths, group.length, raters);
    codes[code] = {
      fleissKappa: defined(fleissKappa(units)),
      alpha: defined(krippendorffAlphaNominal(units)),
      alphaU: defined(alphaU.byCategory.get(code) ?? Number.NaN),
    };
    for (const unit of units) pooled.push(unit);
  }
  return {
    codes,
    overall: {
      fleissKappa: defined(pooled.length > 0 ? fleissKappa(pooled) : Number.NaN),
      alpha: defined(krippendorffAlphaNominal(pooled)),
      alphaU: defined(alphaU.overall),
    },
  };
}

/** [[neither, only b], [only a, both]] over `total` units. */
function binaryTable(onlyA: number, onlyB: number, both: number, total: number): number[][] {
  return [
    [total - onlyA - onlyB - both, onlyB],
    [onlyA, both],
  ];
}

/** A 2×2 table as the units alpha counts: each unit has two values, one per annotator. */
function pairUnits(table: number[][]): WeightedUnit[] {
  return [
    { counts: [2, 0], times: table[0]![0]! },
    { counts: [1, 1], times: table[0]![1]! + table[1]![0]! },
    { counts: [0, 2], times: table[1]![1]! },
  ];
}

/** Units by how many of `raters` covered them, k = 0…raters, as counts of [outside, inside]. */
function depthUnits(depths: readonly number[], length: number, raters: number): WeightedUnit[] {
  let inside = 0;
  for (let k = 1; k < depths.length; k++) inside += depths[k]!;
  return depths.map((times, k) => ({ counts: [raters - k, k], times: k === 0 ? length - inside : times }));
}

function f1(matched: number, onlyA: number, onlyB: number): number | null {
  const all = 2 * matched + onlyA + onlyB;
  return all === 0 ? null : (2 * matched) / all;
}

function defined(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
