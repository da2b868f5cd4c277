import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import { newProjectFile } from '../../../main/project/project-file';

const SAMPLE = join(__dirname, '../../../assets/sample-project');

describe('the shipped sample project', () => {
  it('opens with the default codebook and a register of the seed article’s stakeholders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-sample-'));
    try {
      await cp(SAMPLE, dir, { recursive: true });
      const project = await Project.open(dir, { annotator: 'alice' });
      const info = project.info();
      expect(info.problems).toEqual([]);
      // Kept equal to assets/default-codebook.json, so the sample never shows an outdated codebook.
      expect(info.codebook).toEqual(newProjectFile().codebook);
      expect(info.stakeholders.map((s) => s.name)).toContain('Donald Trump');
      expect(info.stakeholders.map((s) => s.name)).not.toContain('ByteDance');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
