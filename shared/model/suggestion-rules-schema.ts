import { z } from 'zod';
import { NAME_SUGGESTION_KINDS, type NeverSuggestName } from './suggestion-rules';

/** A name as the researcher saw it; spacing and case do not matter when it is compared. */
export const NeverSuggestNameSchema = z
  .object({
    name: z
      .string()
      .max(200)
      .refine((name) => name.trim() !== '', 'a name to never suggest cannot be empty'),
    kind: z.enum(NAME_SUGGESTION_KINDS).optional(),
  })
  .strict() satisfies z.ZodType<NeverSuggestName>;
