import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Project } from '../../../main/project/project';
import * as extraction from '../../../main/sources/extract-document';

// The real extractor, counted: a refusal remembered is one the extractor is not asked for again.
vi.mock('../../../main/sources/extract-document', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/sources/extract-document')>();
  return { ...real, extractDocument: vi.fn(real.extractDocument) };
});
const extractDocument = vi.mocked(extraction.extractDocument);
const extractedFiles = () => extractDocument.mock.calls.map(([path]) => path.split('/').pop());

const DEEP = `<html><body>${'<div>'.repeat(100_000)}deep words${'</div>'.repeat(100_000)}</body></html>`;
const DEEP_REASON =
  'the page nests its elements 100,000 levels deep, and Gloss reads pages nested up to 1,000 levels: its HTML is probably malformed';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-refused-'));
  await writeFile(join(root, 'deep.html'), DEEP);
  await writeFile(join(root, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  await writeFile(join(root, 'article.txt'), 'An article\n\nIts text.\n');
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a file Gloss refuses to read', () => {
  it('is refused with its reason at every listing, and read only at the first', async () => {
    const project = await Project.open(root, { annotator: 'tester' });
    const first = await project.listDocuments();
    expect(first.documents.map((d) => d.key)).toEqual(['article.txt']);
    expect(first.skipped).toEqual([
      { path: 'binary.txt', reason: 'looks like a binary file, not text: it contains NUL bytes' },
      { path: 'deep.html', reason: DEEP_REASON },
    ]);
    expect(extractedFiles().sort()).toEqual(['article.txt', 'binary.txt', 'deep.html']);

    extractDocument.mockClear();
    expect(await project.listDocuments()).toEqual(first);
    // Reopened, the refusals come from .gloss/cache/ on disk.
    const reopened = await Project.open(root, { annotator: 'tester' });
    expect(await reopened.listDocuments()).toEqual(first);
    expect(extractDocument).not.toHaveBeenCalled();

    // Opening it says why, again without reading it.
    await expect(reopened.getDocument('deep.html')).rejects.toThrow(`deep.html: ${DEEP_REASON}`);
    expect(extractDocument).not.toHaveBeenCalled();
  });

  it('is read again once it changes', async () => {
    const project = await Project.open(root, { annotator: 'tester' });
    // The same size, only a new modification time: the file may have been fixed in place.
    await utimes(join(root, 'deep.html'), new Date(), new Date(Date.now() + 5_000));
    extractDocument.mockClear();
    const list = await project.listDocuments();
    expect(extractedFiles()).toEqual(['deep.html']);
    expect(list.skipped.find((s) => s.path === 'deep.html')?.reason).toBe(DEEP_REASON);

    await writeFile(join(root, 'deep.html'), '<html><body><div><div>deep words</div></div></body></html>');
    const fixed = await project.listDocuments();
    expect(fixed.skipped.map((s) => s.path)).toEqual(['binary.txt']);
    expect(fixed.documents.map((d) => d.key)).toEqual(['article.txt', 'deep.html']);
    expect(extractedFiles()).toEqual(['deep.html', 'deep.html']);
  });
});
