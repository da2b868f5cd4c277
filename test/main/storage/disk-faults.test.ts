import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { describeDiskRefusal } from '../../../main/storage/disk-refusal';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { rejection } from '../../support/api-rejection';
import { CORPUS } from '../../support/corpus';
import { mountSmallDisk, type SmallDisk } from '../../support/small-disk';

/**
 * Disk faults on real mounts: a project on a 1 MB tmpfs whose disk is filled up, then remounted
 * read-only. Every edit fails with an 'io' error naming the file in words ("the disk is full",
 * "the folder is read-only"); what the API answers and every file on disk stay exactly as they
 * were, no temp or lock file is left; once the disk has room again (or is writable) the same edit
 * succeeds. Both kinds of project file are tried: an annotation file and project.json.
 */

const ARTICLE = 'tiktok-microsoft.txt';
const ANNOTATION_FILE = `.gloss/annotations/${ARTICLE}/alice.json`;
const SECOND = 'b.txt';

let disk: SmallDisk | undefined;
let service: GlossService | undefined;
let api: GlossClient;
let folder: string;

beforeAll(async () => {
  disk = await mountSmallDisk('1m');
  folder = join(disk.path, 'project');
  await mkdir(folder);
  await copyFile(join(CORPUS, 'seed', ARTICLE), join(folder, ARTICLE));
  await copyFile(join(CORPUS, 'seed', ARTICLE), join(folder, SECOND));
  service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(folder);
  api = createApiClient(inProcessTransport(createDispatch(service)));
});

afterAll(async () => {
  service?.close();
  await disk?.unmount();
});

/** Every file of the project, by path relative to it, with the SHA-256 of its bytes; JSON files must parse. */
async function filesOnDisk(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (entry.name.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8')), path).not.toThrow();
    files[relative(folder, path)] = createHash('sha256').update(bytes).digest('hex');
  }
  return files;
}

/** What the screens would show: annotations of both articles, documents, the project. */
async function whatTheApiSays() {
  return {
    annotations: await api.listAnnotations({ key: ARTICLE }),
    second: await api.listAnnotations({ key: SECOND }),
    documents: (await api.listDocuments({})).documents,
    project: await api.getProject({}),
  };
}

/**
 * The edits tried under each fault, each with the file it saves. The same closures are run again
 * once the fault is gone, as the screens' Retry does. `firstId` is an annotation made beforehand.
 */
function edits(firstId: string, tag: string) {
  return [
    {
      file: ANNOTATION_FILE,
      run: () => api.createAnnotation({ key: ARTICLE, code: 'privacy', start: 0, end: 6, note: tag }),
    },
    {
      file: ANNOTATION_FILE,
      run: () => api.updateAnnotation({ key: ARTICLE, id: firstId, changes: { note: tag } }),
    },
    { file: ANNOTATION_FILE, run: () => api.setDocumentStatus({ key: ARTICLE, status: 'done' }) },
    // The second article has no annotation file yet: its first save also makes its folder.
    {
      file: `.gloss/annotations/${SECOND}/alice.json`,
      run: () => api.createAnnotation({ key: SECOND, code: 'security', start: 0, end: 6 }),
    },
    { file: '.gloss/project.json', run: () => api.addCode({ name: `Jobs ${tag}`, parentId: 'figures' }) },
  ];
}

/** Runs each edit under a fault: each is refused in words, and nothing on screen or disk moves. */
async function expectAllRefused(list: ReturnType<typeof edits>, words: string): Promise<void> {
  const shown = await whatTheApiSays();
  const files = await filesOnDisk();
  for (const edit of list) {
    const error = await rejection(edit.run());
    expect(error.code).toBe('io');
    expect(error.file).toBe(edit.file);
    expect(error.message).toBe(`Could not save ${edit.file}: ${words}`);
  }
  expect(await whatTheApiSays()).toEqual(shown);
  // Byte for byte, with no temp or lock file left over, and every JSON file still valid.
  expect(await filesOnDisk()).toEqual(files);
}

describe('a disk that refuses to save', () => {
  it('full: every edit fails with "the disk is full", nothing changes, and the same edits succeed once there is room', async () => {
    const first = await api.createAnnotation({ key: ARTICLE, code: 'security', start: 0, end: 6 });
    await api.createAnnotation({ key: ARTICLE, code: 'privacy', start: 10, end: 20 });
    await api.listDocuments({}); // lets the cache index settle before the disk fills
    disk!.fill();
    const list = edits(first.id, 'full');
    await expectAllRefused(list, 'the disk is full');
    await disk!.free();
    for (const edit of list) await edit.run();
    const saved = JSON.parse(await readFile(join(folder, ANNOTATION_FILE), 'utf8'));
    expect(saved.status).toBe('done');
    expect(saved.annotations.map((a: { note?: string }) => a.note)).toEqual(['full', undefined, 'full']);
    expect(await api.listAnnotations({ key: SECOND })).toHaveLength(1);
    expect((await api.getProject({})).codebook.codes.map((c) => c.name)).toContain('Jobs full');
  });

  it('nearly full: room for the start of the file but not all of it; the half-written temp file is removed', async () => {
    // Long notes make the annotation file several blocks long.
    for (let i = 0; i < 6; i++) {
      await api.createAnnotation({
        key: ARTICLE,
        code: 'security',
        start: 30 + i,
        end: 40 + i,
        note: 'n'.repeat(2000),
      });
    }
    // Two blocks: room for the start of the temp file, not the rest of it.
    disk!.fill(2);
    const shown = await whatTheApiSays();
    const files = await filesOnDisk();
    expect(disk!.freeBlocks()).toBe(2);
    const error = await rejection(
      api.updateAnnotation({ key: ARTICLE, id: shown.annotations[0]!.id, changes: { note: 'x' } }),
    );
    expect(error.message).toBe(`Could not save ${ANNOTATION_FILE}: the disk is full`);
    expect(await filesOnDisk()).toEqual(files);
    expect(disk!.freeBlocks()).toBe(2);
    expect(await whatTheApiSays()).toEqual(shown);
    await disk!.free();
    await api.updateAnnotation({ key: ARTICLE, id: shown.annotations[0]!.id, changes: { note: 'x' } });
    expect((await api.listAnnotations({ key: ARTICLE }))[0]!.note).toBe('x');
  });

  it('read-only: every edit fails with "the folder is read-only", nothing changes, and the same edits succeed once writable', async () => {
    const [first] = await api.listAnnotations({ key: ARTICLE });
    const list = edits(first!.id, 'read-only');
    disk!.readOnly();
    try {
      await expectAllRefused(list, 'the folder is read-only');
    } finally {
      disk!.writable();
    }
    for (const edit of list) await edit.run();
    const saved = JSON.parse(await readFile(join(folder, ANNOTATION_FILE), 'utf8'));
    expect(saved.annotations[0].note).toBe('read-only');
    expect(saved.annotations.at(-1).note).toBe('read-only');
    expect((await api.getProject({})).codebook.codes.map((c) => c.name)).toContain('Jobs read-only');
  });
});

describe('the words for a refusal', () => {
  it('names each way the disk refuses, and keeps the message of anything else', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });
    expect(describeDiskRefusal(errno('ENOSPC'))).toBe('the disk is full');
    expect(describeDiskRefusal(errno('EDQUOT'))).toBe('your disk quota is used up');
    expect(describeDiskRefusal(errno('EROFS'))).toBe('the folder is read-only');
    expect(describeDiskRefusal(errno('EACCES'))).toMatch(/read-only \(permission denied\)/);
    expect(describeDiskRefusal(errno('EPERM'))).toMatch(/read-only \(permission denied\)/);
    expect(describeDiskRefusal(errno('EMFILE'))).toBe('EMFILE: something');
  });
});
