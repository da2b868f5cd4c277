import { z } from 'zod';
import { SUGGESTION_KINDS } from '../../shared/model/suggestion';

/**
 * The suggestions one annotator said no to in one document, kept apart from annotations so a
 * rejection never shows up as data in exports. Quote and offsets are kept beside the id so a
 * person reading the file can tell what was rejected.
 */
export const RejectionsFileSchema = z.object({
  format: z.literal('gloss-rejected-suggestions'),
  schemaVersion: z.literal(1),
  document: z.string(),
  annotator: z.string(),
  rejected: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SUGGESTION_KINDS),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      quote: z.string(),
      at: z.string(),
    }),
  ),
});
export type RejectionsFile = z.infer<typeof RejectionsFileSchema>;

export function newRejectionsFile(document: string, annotator: string): RejectionsFile {
  return { format: 'gloss-rejected-suggestions', schemaVersion: 1, document, annotator, rejected: [] };
}
