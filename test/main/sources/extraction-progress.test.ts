// A first listing tells how far it has got extracting the files it has not seen, for a folder of
// PDFs that takes seconds to read the first time; a listing from the cache has nothing to tell.
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionProgress } from '../../../main/project/document-list';
import { Project } from '../../../main/project/project';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject;
beforeAll(async () => {
  const files: Record<string, string> = { 'broken.pdf': 'not a PDF' };
  for (let i = 0; i < 40; i++) files[`a${i}.txt`] = `Article ${i}\n\nIts text.\n`;
  project = await makeTempProject(files);
});
afterAll(async () => {
  await project.cleanup();
});

async function list(): Promise<ExtractionProgress[]> {
  const opened = await Project.open(project.path, { annotator: 'alice' });
  const heard: ExtractionProgress[] = [];
  await opened.listDocuments((progress) => heard.push(progress));
  return heard;
}

describe('the progress of a first listing', () => {
  it('counts every new file, refused ones too, from none to all', async () => {
    const heard = await list();
    expect(heard[0]).toEqual({ done: 0, total: 41 });
    expect(heard.at(-1)).toEqual({ done: 41, total: 41 });
    for (let i = 1; i < heard.length; i++) expect(heard[i]!.done).toBeGreaterThan(heard[i - 1]!.done);
  });

  it('says nothing when everything comes from the cache, and counts only what changed', async () => {
    expect(await list()).toEqual([]);
    await utimes(join(project.path, 'a3.txt'), new Date(), new Date(Date.now() + 5_000));
    expect(await list()).toEqual([
      { done: 0, total: 1 },
      { done: 1, total: 1 },
    ]);
  });
});
