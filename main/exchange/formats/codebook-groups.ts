import type { Code, Codebook } from '../../../shared/model/codebook';

/**
 * The group of each code: its top-level ancestor, as the exports name it. A top-level code has
 * no group (it is one), so an import does not put it under itself.
 */
export function groupsByCode(book: Codebook): Map<string, Code | undefined> {
  const byId = new Map(book.codes.map((code) => [code.id, code]));
  const groups = new Map<string, Code | undefined>();
  for (const code of book.codes) {
    let top = code;
    const seen = new Set([code.id]);
    for (let parent = byId.get(top.parentId ?? ''); parent && !seen.has(parent.id); ) {
      seen.add(parent.id);
      top = parent;
      parent = byId.get(top.parentId ?? '');
    }
    groups.set(code.id, top === code ? undefined : top);
  }
  return groups;
}
