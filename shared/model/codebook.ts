import { z } from 'zod';
import { Id } from './ids';
import { DEFAULT_RELATION_TYPES, RelationType } from './relation';
import { CODE_ROLES } from './vocabulary';

export { roleOf, subtreeIds } from './codebook-tree';
export { CODE_ROLES, type CodeRole } from './vocabulary';

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
export const Codebook = z
  .object({
    codes: z.array(Code),
    /** The kinds of relation that can link two annotations; files from before relations get the defaults. */
    relationTypes: z.array(RelationType).default(() => DEFAULT_RELATION_TYPES.map((type) => ({ ...type }))),
  })
  .superRefine((book, ctx) => {
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
    const types = new Set<string>();
    for (const type of book.relationTypes) {
      if (types.has(type.id))
        ctx.addIssue({ code: 'custom', message: `relation type id "${type.id}" is used twice` });
      types.add(type.id);
    }
  });
export type Codebook = z.infer<typeof Codebook>;
