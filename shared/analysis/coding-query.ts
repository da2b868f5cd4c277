import type { Codebook } from '../model/codebook';
import { subtreeIds } from '../model/codebook-tree';
import type { AnalysedAnnotation } from './analysed-annotation';
import type { CooccurrenceRule } from './cooccurrence';
import { nearSpans, type TextUnits } from './near';

/** One more thing a passage must have near it (or, with `not`, must not): a code's passage, or a stakeholder's mention. */
export interface QueryCondition {
  /** A passage of this code or of a code under it. */
  code?: string;
  /** A mention of this register entry. */
  stakeholderId?: string;
  rule: CooccurrenceRule;
  not?: boolean;
}

/** The passages wanted: coded with any of `codes` (or a code under one), meeting every condition. */
export interface CodingQuery {
  codes: readonly string[];
  conditions: readonly QueryCondition[];
}

/** A query with the codes under each of its codes worked out, once for all the documents. */
export interface ResolvedQuery {
  /** The codes wanted and every code under them. */
  wanted: ReadonlySet<string>;
  conditions: readonly (QueryCondition & { codes?: ReadonlySet<string> })[];
}

export function resolveQuery(codebook: Codebook, query: CodingQuery): ResolvedQuery {
  return {
    wanted: new Set(query.codes.flatMap((code) => [...subtreeIds(codebook, code)])),
    conditions: query.conditions.map((condition) =>
      condition.code ? { ...condition, codes: subtreeIds(codebook, condition.code) } : condition,
    ),
  };
}

/**
 * The passages of one document a coding query retrieves, in text order: OR over the codes, AND
 * over the conditions, NOT where a condition says so. A passage is never its own neighbour. The
 * text (or its units) is looked at only when `unitsWanted` says so.
 */
export function retrievePassages<A extends AnalysedAnnotation>(
  of: string | TextUnits,
  annotations: readonly A[],
  query: ResolvedQuery,
): A[] {
  const { wanted } = query;
  if (!annotations.some((a) => wanted.has(a.code))) return [];
  const tests = query.conditions.map((condition) => {
    const { codes } = condition;
    const others = annotations.filter((a) =>
      codes
        ? codes.has(a.code)
        : a.stakeholderId !== undefined && a.stakeholderId === condition.stakeholderId,
    );
    const near = nearSpans(
      of,
      condition.rule,
      others.map((other) => other.target),
    );
    return (passage: A) =>
      near(passage.target).some((i) => others[i]!.id !== passage.id) !== (condition.not ?? false);
  });
  return annotations.filter((a) => wanted.has(a.code) && tests.every((test) => test(a)));
}

/** Whether a query needs a document's sentences or paragraphs: a condition by either, and a passage of a wanted code. */
export function unitsWanted(annotations: readonly AnalysedAnnotation[], query: ResolvedQuery): boolean {
  if (query.conditions.every((condition) => condition.rule === 'overlap')) return false;
  return annotations.some((a) => query.wanted.has(a.code));
}
