import { z } from 'zod';
import { TextTarget } from '../../shared/model/annotation';
import { SUGGESTION_KINDS } from '../../shared/model/suggestion';
import { migrateProjectFile } from '../project/project-file';

export const SUGGESTIONS_SCHEMA_VERSION = 2;

/**
 * What one annotator decided about suggestions in one document, kept apart from annotations so
 * that neither a rejection nor a proposal ever shows up as data in exports:
 * - `rejected`: the suggestions they said no to. Quote and offsets are kept beside the id so a
 *   person reading the file can tell what was rejected.
 * - `proposed` (version 2): search hits they asked to tag with a code, waiting for review. A
 *   proposal stays here while it is rejected (so taking the rejection back brings it back, and
 *   proposing it again is skipped) and leaves when it is accepted. Its target keeps the quote
 *   and context, so a proposal is found again when the article changes, like an annotation.
 */
export const RejectionsFileSchema = z.object({
  format: z.literal('gloss-rejected-suggestions'),
  schemaVersion: z.literal(SUGGESTIONS_SCHEMA_VERSION),
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
  proposed: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      target: TextTarget,
      query: z.string(),
      at: z.string(),
    }),
  ),
  /**
   * Register mentions the project's rule tagged for this annotator: never tagged by the rule again,
   * so one the researcher deletes (or undoes) comes back only as an ordinary suggestion. Optional,
   * so files written before the rule existed read as they are.
   */
  autoAccepted: z
    .array(
      z.object({
        id: z.string(),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        quote: z.string(),
        at: z.string(),
      }),
    )
    .default([]),
});
export type RejectionsFile = z.infer<typeof RejectionsFileSchema>;
export type StoredProposal = RejectionsFile['proposed'][number];

/** Version 1 held rejections only. */
const MIGRATIONS = { 1: (file: Record<string, unknown>) => ({ ...file, proposed: [] }) };

/** Brings a file of an older Gloss up to this version; a newer one is refused with a reason. */
export function migrateRejectionsFile(raw: unknown): unknown {
  return migrateProjectFile(raw, MIGRATIONS, SUGGESTIONS_SCHEMA_VERSION);
}

export function newRejectionsFile(document: string, annotator: string): RejectionsFile {
  return {
    format: 'gloss-rejected-suggestions',
    schemaVersion: SUGGESTIONS_SCHEMA_VERSION,
    document,
    annotator,
    rejected: [],
    proposed: [],
    autoAccepted: [],
  };
}
