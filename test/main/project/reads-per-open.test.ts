import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../../support/corpus';
import { traceScript } from '../../support/strace';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let folder: TempProject | undefined;
afterEach(() => folder?.cleanup());

const TEXT = 'TikTok and ByteDance met Microsoft.\n\nThe deal was valued at $ 15-30 billion.\n';

function annotationFile(annotator: string, n: number) {
  const start = TEXT.indexOf('ByteDance');
  return JSON.stringify({
    format: 'gloss-annotations',
    schemaVersion: 1,
    document: 'news.txt',
    annotator,
    fingerprint: '',
    status: 'todo',
    note: '',
    annotations: Array.from({ length: n }, (_, i) => ({
      id: `${annotator}-${i}`,
      code: 'privacy',
      author: annotator,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      target: { start, end: start + 9, quote: 'ByteDance', prefix: 'TikTok and ', suffix: ' met Microsoft.' },
    })),
    orphans: [],
    relations: [],
  });
}

/**
 * Which files a process opens while the reader opens one document and asks for its suggestions,
 * as strace sees them: the files reached, not the functions called, are what a slow disk or a
 * synced folder pays for.
 */
async function opensWhileOpening(root: string): Promise<Map<string, number>> {
  const script = `
    const { createGlossService } = await import(${JSON.stringify(join(REPO, 'main/api/gloss-service.ts'))});
    const { openSync, closeSync } = await import('node:fs');
    const service = createGlossService({ annotator: 'alice' });
    await service.open(process.argv[1]);
    await service.listDocuments({});
    // Marks in the trace: what is opened between them is the document's opening.
    closeSync(openSync(process.argv[1] + '/.gloss/start-mark', 'w'));
    await service.openDocument({ key: 'news.txt' });
    await service.listSuggestions({ key: 'news.txt' });
    closeSync(openSync(process.argv[1] + '/.gloss/end-mark', 'w'));
    service.close();
  `;
  const opened = new Map<string, number>();
  let inside = false;
  for (const { open } of await traceScript('openat', script, [root])) {
    if (!open) continue;
    const { path } = open;
    if (path.endsWith('/start-mark')) inside = true;
    else if (path.endsWith('/end-mark')) inside = false;
    else if (inside && path.startsWith(`${root}/`)) {
      const name = path.slice(root.length + 1);
      opened.set(name, (opened.get(name) ?? 0) + 1);
    }
  }
  return opened;
}

describe('opening a document', () => {
  it('reads each annotator’s file once, suggestions included', async () => {
    folder = await makeTempProject({ 'news.txt': TEXT });
    const dir = join(folder.path, '.gloss/annotations/news.txt');
    await mkdir(dir, { recursive: true });
    for (const [annotator, n] of [
      ['alice', 3],
      ['bob', 2],
      ['carol', 1],
    ] as const) {
      await writeFile(join(dir, `${annotator}.json`), annotationFile(annotator, n));
    }
    const opened = await opensWhileOpening(folder.path);
    const annotationFiles = [...opened].filter(([name]) => name.startsWith('.gloss/annotations/'));
    expect(Object.fromEntries(annotationFiles.filter(([name]) => name.endsWith('.json')))).toEqual({
      '.gloss/annotations/news.txt/alice.json': 1,
      '.gloss/annotations/news.txt/bob.json': 1,
      '.gloss/annotations/news.txt/carol.json': 1,
    });
    // The article itself is read once too (its text then stays in memory).
    expect(opened.get('news.txt') ?? 0).toBeLessThanOrEqual(1);
  }, 60_000);
});
