import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

/** Every path under a folder, to see whether anything was written after a moment. */
async function tree(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).sort();
}

const page = (i: number) =>
  `<!doctype html><html><head><title>Article ${i}</title></head><body><article><h1>Article ${i}</h1>${'<p>Ministers met in Geneva to talk about data protection and the rules for platforms.</p>'.repeat(30)}</article></body></html>`;

describe('closing the service', () => {
  it('waits for the requests still running, so nothing is written into the folder after it', async () => {
    project = await makeTempProject(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i}.html`, page(i)])),
    );
    const service = createGlossService({ annotator: 'alice' });
    await service.open(project.path);
    const order: string[] = [];
    // As the screens do on load: a listing (which extracts the pages and saves the cache) not awaited.
    const listing = service.listDocuments({}).then((list) => {
      order.push(`listed ${list.documents.length}`);
    });
    await service.close();
    order.push('closed');
    const after = await tree(join(project.path, '.gloss'));
    await listing;
    expect(order).toEqual(['listed 12', 'closed']);
    expect(await tree(join(project.path, '.gloss'))).toEqual(after);
    expect(after).toContain(join('cache', 'documents.json'));
  });
});
