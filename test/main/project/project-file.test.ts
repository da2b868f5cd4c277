import { describe, expect, it } from 'vitest';
import {
  type Migration,
  migrateProjectFile,
  newProjectFile,
  ProjectFileSchema,
} from '../../../main/project/project-file';
import { parseJsonText } from '../../../main/storage/parse-json';

describe('project.json', () => {
  it('a new project is valid against its own schema', () => {
    expect(ProjectFileSchema.safeParse(newProjectFile()).success).toBe(true);
  });

  it('older files are brought up one version at a time', () => {
    const migrations: Record<number, Migration> = {
      1: (file) => ({ ...file, codebook: { codes: file.codes }, codes: undefined }),
      2: (file) => ({ ...file, stakeholders: file.stakeholders ?? [] }),
    };
    const migrated = migrateProjectFile({ schemaVersion: 1, codes: [] }, migrations, 3);
    expect(migrated).toEqual({
      schemaVersion: 3,
      codebook: { codes: [] },
      codes: undefined,
      stakeholders: [],
    });
  });

  it('a version with no way up, or from a newer Gloss, is refused with a reason', () => {
    expect(() => migrateProjectFile({ schemaVersion: 1 }, {}, 2)).toThrow(/cannot be upgraded/);
    expect(() => migrateProjectFile({ schemaVersion: 5 }, {}, 2)).toThrow(/newer Gloss/);
  });

  it('problems are described by line and column, or by field', () => {
    const syntax = parseJsonText('{\n  "a": 1,\n  oops\n}', ProjectFileSchema);
    expect(syntax).toMatchObject({ ok: false });
    expect(!syntax.ok && syntax.problem).toMatch(/^not valid JSON \(line 3, column 3/);
    const shape = parseJsonText(
      JSON.stringify({ ...newProjectFile(), stakeholders: [{ name: 'X' }] }),
      ProjectFileSchema,
    );
    expect(!shape.ok && shape.problem).toMatch(/stakeholders\[0\]\.id/);
  });
});
