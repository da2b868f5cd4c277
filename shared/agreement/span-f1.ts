/** A span one rater marked: in document `key`, [start, end) (end exclusive), coded `code`. */
export interface KeyedSpan {
  key: string;
  start: number;
  end: number;
  code: string;
}

/**
 * Exact-span agreement: a span of A matches a span of B with the same key, start, end and code
 * (each used once, so two identical spans of A need two in B). A is the reference, B is compared
 * with it:
 *
 *   precision = matched / |B|,   recall = matched / |A|,
 *   F1 = 2·precision·recall / (precision + recall) = 2·matched / (|A| + |B|),
 *
 * F1 is symmetric in A and B. Each is NaN when undefined: precision with no span in B, recall
 * with none in A, F1 with none in either.
 */
export function exactSpanF1(
  a: readonly KeyedSpan[],
  b: readonly KeyedSpan[],
): { matched: number; onlyA: number; onlyB: number; precision: number; recall: number; f1: number } {
  const unmatchedA = new Map<string, number>();
  for (const span of a) {
    const id = spanId(span);
    unmatchedA.set(id, (unmatchedA.get(id) ?? 0) + 1);
  }
  let matched = 0;
  for (const span of b) {
    const id = spanId(span);
    const left = unmatchedA.get(id) ?? 0;
    if (left > 0) {
      unmatchedA.set(id, left - 1);
      matched++;
    }
  }
  return {
    matched,
    onlyA: a.length - matched,
    onlyB: b.length - matched,
    precision: b.length === 0 ? Number.NaN : matched / b.length,
    recall: a.length === 0 ? Number.NaN : matched / a.length,
    f1: a.length + b.length === 0 ? Number.NaN : (2 * matched) / (a.length + b.length),
  };
}

/** One string per distinct span; JSON keeps keys and codes with any characters apart. */
function spanId(span: KeyedSpan): string {
  return JSON.stringify([span.key, span.start, span.end, span.code]);
}
