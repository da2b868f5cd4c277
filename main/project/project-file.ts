import { z } from 'zod';
import defaultCodebook from '../../assets/default-codebook.json';
import { Codebook } from '../../shared/model/codebook';
import { Stakeholder } from '../../shared/model/stakeholder';
import { NEVER_SUGGEST_LIMIT } from '../../shared/model/suggestion-rules';
import { NeverSuggestNameSchema } from '../../shared/model/suggestion-rules-schema';

/** The version of project.json this Gloss writes. Raise it with a migration below. */
export const PROJECT_SCHEMA_VERSION = 1;

/**
 * Every setting has a default, so a project.json written before a setting existed still reads.
 * The suggestion rules (shared/model/suggestion-rules.ts) are here because, like the codebook and
 * the register, they are the whole project's, not one annotator's.
 */
export const ProjectSettingsSchema = z.object({
  snapToWords: z.boolean().default(true),
  acceptRegisterMentions: z.boolean().default(false),
  neverSuggest: z.array(NeverSuggestNameSchema).max(NEVER_SUGGEST_LIMIT).default([]),
});
export type ProjectSettingsFile = z.infer<typeof ProjectSettingsSchema>;

/** Settings of a new project, and of one whose project.json has none. */
export const defaultSettings = (): ProjectSettingsFile => ({
  snapToWords: true,
  acceptRegisterMentions: false,
  neverSuggest: [],
});

export const ProjectFileSchema = z.object({
  format: z.literal('gloss-project'),
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  codebook: Codebook,
  stakeholders: z.array(Stakeholder),
  /** Stakeholders merged into others: old id → the id it now counts as. */
  stakeholderRedirects: z.record(z.string(), z.string()).default({}),
  settings: ProjectSettingsSchema.default(defaultSettings),
});
export type ProjectFile = z.infer<typeof ProjectFileSchema>;

/** A step from one schema version to the next: takes the file at version N, returns it at N + 1. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations indexed by the version they start from. Empty while version 1 is the only one
 * that was ever written; the chain below is what opens an older file once there are more.
 */
export const PROJECT_MIGRATIONS: Record<number, Migration> = {};

export function migrateProjectFile(
  raw: unknown,
  migrations: Record<number, Migration> = PROJECT_MIGRATIONS,
  current = PROJECT_SCHEMA_VERSION,
): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let file = raw as Record<string, unknown>;
  let version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return raw;
  if (version > current) {
    throw new Error(
      `was written by a newer Gloss (schema version ${version}; this Gloss reads up to ${current}). Update Gloss to open it.`,
    );
  }
  while (version < current) {
    const step = migrations[version];
    if (!step) throw new Error(`schema version ${version} cannot be upgraded by this Gloss`);
    file = { ...step(file), schemaVersion: version + 1 };
    version += 1;
  }
  return file;
}

/** A new project starts from the default codebook kept in assets/. */
export function newProjectFile(): ProjectFile {
  const codebook = Codebook.parse(defaultCodebook);
  return {
    format: 'gloss-project',
    schemaVersion: PROJECT_SCHEMA_VERSION,
    codebook,
    stakeholders: [],
    stakeholderRedirects: {},
    settings: defaultSettings(),
  };
}
