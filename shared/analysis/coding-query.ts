import type { Annotation } from '../model/annotation';
import type { Codebook } from '../model/codebook';
import { subtreeIds } from '../model/codebook-tree';
import type { CooccurrenceRule } from './cooccurrence';
import { nearness } from './near';

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

/**
 * The passages of one document a coding query retrieves, in text order: OR over the codes, AND
 * over the conditions, NOT where a condition says so. A passage is never its own neighbour.
 */
export function retrievePassages(
  text: string,
  annotations: readonly Annotation[],
  codebook: Codebook,
  query: CodingQuery,
): Annotation[] {
  const wanted = new Set(query.codes.flatMap((code) => [...subtreeIds(codebook, code)]));
  const tests = query.conditions.map((condition) => {
    const near = nearness(text, condition.rule);
    const codes = condition.code ? subtreeIds(codebook, condition.code) : undefined;
    const others = annotations.filter((a) =>
      codes
        ? codes.has(a.code)
        : a.stakeholderId !== undefined && a.stakeholderId === condition.stakeholderId,
    );
    return (passage: Annotation) =>
      others.some((other) => other.id !== passage.id && near(other.target, passage.target)) !==
      (condition.not ?? false);
  });
  return annotations.filter((a) => wanted.has(a.code) && tests.every((test) => test(a)));
}
