import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import type { ApiEvent } from '../../../shared/api';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Annotation files saved by someone other than this Gloss (another annotator's work arriving by
 * sync, another window of the same annotator) are news for the screens; this Gloss's own saves
 * are not. Real services on a real folder, watched as the app watches it.
 */

const TEXT = 'TikTok talks\n\nMicrosoft is in talks to buy TikTok.\n';
let project: TempProject;
const services: GlossService[] = [];

async function open(annotator: string): Promise<{ service: GlossService; changed: string[][] }> {
  const service = createGlossService({ annotator });
  services.push(service);
  const changed: string[][] = [];
  service.subscribe((event: ApiEvent) => {
    if (event.type === 'documentsChanged') changed.push(event.payload.keys);
  });
  await service.open(project.path);
  return { service, changed };
}

async function tag(service: GlossService, quote: string) {
  const start = TEXT.indexOf(quote);
  return service.createAnnotation({ key: 'a.txt', code: 'privacy', start, end: start + quote.length });
}

/** Long enough for the watcher's quiet time (250 ms) to pass twice over. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': TEXT });
});
afterEach(async () => {
  for (const service of services.splice(0)) service.close();
  await project.cleanup();
});

describe('annotation files changed under an open project', () => {
  it('reports another annotator’s save, and not its own', async () => {
    const alice = await open('alice');
    await tag(alice.service, 'Microsoft');
    await settle();
    expect(alice.changed).toEqual([]);

    const bob = await open('bob');
    await tag(bob.service, 'TikTok.');
    await expect.poll(() => alice.changed, { timeout: 5_000 }).toContainEqual(['a.txt']);
    expect((await alice.service.listAnnotations({ key: 'a.txt' })).map((a) => a.author).sort()).toEqual([
      'alice',
      'bob',
    ]);
  });

  it('reports a save by another window of the same annotator, and shows its work', async () => {
    const first = await open('alice');
    await tag(first.service, 'Microsoft');
    const second = await open('alice');
    await tag(second.service, 'TikTok.');
    await expect.poll(() => first.changed, { timeout: 5_000 }).toContainEqual(['a.txt']);
    const quotes = (await first.service.listAnnotations({ key: 'a.txt' })).map((a) => a.target.quote);
    expect(quotes).toEqual(['Microsoft', 'TikTok.']);
  });
});
