import { z } from 'zod';
import { Id } from './ids';
import { STAKEHOLDER_KINDS } from './vocabulary';

export { STAKEHOLDER_KINDS, type StakeholderKind } from './vocabulary';

/** A canonical entity of the stakeholder register, with the other names it goes by. */
export const Stakeholder = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(STAKEHOLDER_KINDS),
  aliases: z.array(z.string().trim().min(1).max(200)).default([]),
  description: z.string().max(10_000).optional(),
  country: z.string().max(100).optional(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;
