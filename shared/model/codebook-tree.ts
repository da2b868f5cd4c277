import type { Codebook } from './codebook';
import type { CodeRole } from './vocabulary';

/** The role a code has, looking up its ancestors. */
export function roleOf(book: Codebook, codeId: string): CodeRole {
  const byId = new Map(book.codes.map((c) => [c.id, c]));
  let code = byId.get(codeId);
  const seen = new Set<string>();
  while (code && !seen.has(code.id)) {
    if (code.role) return code.role;
    seen.add(code.id);
    code = code.parentId ? byId.get(code.parentId) : undefined;
  }
  return 'other';
}

/** The ids of a code and all its descendants. */
export function subtreeIds(book: Codebook, codeId: string): Set<string> {
  const out = new Set([codeId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of book.codes) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}
