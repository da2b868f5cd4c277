import { z } from 'zod';
import { Id } from './ids';

/**
 * What applying a code means. Stakeholder codes link a passage to the register,
 * figure codes carry a normalised value; other codes are plain qualitative codes.
 * A code's role is inherited from its group (top-level code) unless set on it.
 */
export const CODE_ROLES = ['stakeholder', 'concern', 'figure', 'other'] as const;
export type CodeRole = (typeof CODE_ROLES)[number];

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are written #rrggbb');

/** One node of the codebook tree. Top-level codes are its groups. */
export const Code = z.object({
  id: Id,
  name: z.string().trim().min(1).max(120),
  parentId: Id.nullable(),
  color: HexColor,
  description: z.string().max(10_000).default(''),
  /** A single key that applies this code in the reader. */
  shortcut: z
    .string()
    .regex(/^[a-z0-9]$/, 'a shortcut is one letter or digit')
    .optional(),
  role: z.enum(CODE_ROLES).optional(),
  /** Groups such as "Figures" organise codes but are not applied themselves (REFI-QDA's isCodable). */
  codable: z.boolean().default(true),
});
export type Code = z.infer<typeof Code>;

/** Codes in display order: a child comes after its parent, siblings in their order. */
export const Codebook = z.object({ codes: z.array(Code) }).superRefine((book, ctx) => {
  const ids = new Set<string>();
  for (const code of book.codes) {
    if (ids.has(code.id)) ctx.addIssue({ code: 'custom', message: `code id "${code.id}" is used twice` });
    ids.add(code.id);
  }
  for (const code of book.codes) {
    if (code.parentId !== null && !ids.has(code.parentId)) {
      ctx.addIssue({
        code: 'custom',
        message: `code "${code.name}" has a parent "${code.parentId}" that does not exist`,
      });
    }
  }
  const shortcuts = new Map<string, string>();
  for (const code of book.codes) {
    if (!code.shortcut) continue;
    const other = shortcuts.get(code.shortcut);
    if (other)
      ctx.addIssue({
        code: 'custom',
        message: `shortcut "${code.shortcut}" is used by both "${other}" and "${code.name}"`,
      });
    shortcuts.set(code.shortcut, code.name);
  }
});
export type Codebook = z.infer<typeof Codebook>;

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
