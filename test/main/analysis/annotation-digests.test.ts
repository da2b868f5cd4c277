import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisCorpus, type AnalysisProject } from '../../../main/analysis/analysis-corpus';
import { codeFrequencies } from '../../../main/analysis/code-frequencies';
import { DigestsCache } from '../../../main/analysis/digests-cache';
import { decodeDigests } from '../../../main/analysis/digests-file';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import type { Project } from '../../../main/project/project';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * The first analysis after opening a project takes what it needs of each annotation file from
 * .gloss/cache/annotation-digests.bin where the file has the size and time the document list
 * just found, and reads the others: the counts are those of the files as they are now.
 */
const KEYS = ['world/a.txt', 'world/b.txt', 'c.txt'];
let project: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  await project?.cleanup();
  project = undefined;
});

async function open(annotator: string, options: { readOnly?: boolean } = {}): Promise<GlossService> {
  const service = createGlossService({ annotator, watchFolder: false, ...options });
  services.push(service);
  await service.open(project!.path);
  return service;
}

async function close(service: GlossService): Promise<void> {
  services.splice(services.indexOf(service), 1);
  await service.close();
}

/** A corpus over a freshly opened project, counting the annotation files it reads. */
async function freshCorpus(annotator = 'alice', options: { readOnly?: boolean } = {}) {
  const service = await open(annotator, options);
  const opened: Project = service.project!;
  const read: string[] = [];
  const counted: AnalysisProject = new Proxy(opened, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (name === 'readAnnotationFile') read.push(String(args[0]).slice(project!.path.length + 1));
        return value.apply(target, args);
      };
    },
  });
  const corpus = new AnalysisCorpus(counted, {
    digestsFile: opened.layout.annotationDigestsFile,
    readOnly: opened.readOnly,
  });
  const counts = async () =>
    Object.fromEntries((await codeFrequencies(corpus)).documents.map((d) => [d.key, d.counts]));
  return { service, corpus, read, counts };
}

const word = (text: string, w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

async function bbcProject(): Promise<string> {
  const text = (await readFile(join(CORPUS, 'news-txt', 'tech', '002.txt'), 'utf8')).replace(/\r\n?/g, '\n');
  project = await makeTempProject(Object.fromEntries(KEYS.map((key) => [key, text])));
  return text;
}

const digestsFile = () => join(project!.path, '.gloss/cache/annotation-digests.bin');

describe('the annotation digests kept between sessions', () => {
  it('serve a reopened project’s first analysis, and a file saved since is read again', async () => {
    const text = await bbcProject();
    const words = text.split(/\s+/).filter((w) => w.length > 6);
    const alice = await open('alice');
    const bob = await open('bob');
    await alice.createAnnotation({ key: 'world/a.txt', code: 'privacy', ...word(text, words[0]!) });
    await alice.createAnnotation({ key: 'c.txt', code: 'security', ...word(text, words[1]!) });
    await bob.createAnnotation({ key: 'world/a.txt', code: 'security', ...word(text, words[2]!) });
    await close(alice);

    const first = await freshCorpus();
    const expected = { 'world/a.txt': { privacy: 1, security: 1 }, 'c.txt': { security: 1 } };
    expect(await first.counts()).toEqual(expected);
    expect(first.read.sort()).toEqual([
      '.gloss/annotations/c.txt/alice.json',
      '.gloss/annotations/world/a.txt/alice.json',
      '.gloss/annotations/world/a.txt/bob.json',
    ]);
    await first.corpus.close();
    const kept = decodeDigests(await readFile(digestsFile()));
    expect([...kept!.keys()].sort()).toEqual([
      'c.txt/alice.json',
      'world/a.txt/alice.json',
      'world/a.txt/bob.json',
    ]);

    // Reopened: nothing to read.
    const second = await freshCorpus();
    expect(await second.counts()).toEqual(expected);
    expect(second.read).toEqual([]);

    // Bob saves again: only his file is read, and the new count is there.
    await bob.createAnnotation({ key: 'world/a.txt', code: 'privacy', ...word(text, words[3]!) });
    const third = await freshCorpus();
    expect(await third.counts()).toEqual({
      'world/a.txt': { privacy: 2, security: 1 },
      'c.txt': { security: 1 },
    });
    expect(third.read).toEqual(['.gloss/annotations/world/a.txt/bob.json']);

    // A file deleted is forgotten by the next file written.
    await close(bob);
    await rm(join(project!.path, '.gloss/annotations/c.txt/alice.json'));
    const fourth = await freshCorpus();
    expect(await fourth.counts()).toEqual({ 'world/a.txt': { privacy: 2, security: 1 } });
    await fourth.corpus.close();
    expect([...decodeDigests(await readFile(digestsFile()))!.keys()].sort()).toEqual([
      'world/a.txt/alice.json',
      'world/a.txt/bob.json',
    ]);
  });

  it('count right with a damaged file, which is then written anew; a read-only project writes none', async () => {
    const text = await bbcProject();
    const alice = await open('alice');
    await alice.createAnnotation({ key: 'c.txt', code: 'privacy', ...word(text, 'said') });
    await close(alice);

    const readOnly = await freshCorpus('alice', { readOnly: true });
    expect(await readOnly.counts()).toEqual({ 'c.txt': { privacy: 1 } });
    await readOnly.corpus.close();
    await expect(stat(digestsFile())).rejects.toThrow();

    const first = await freshCorpus();
    await first.counts();
    await first.corpus.close();
    const bytes = await readFile(digestsFile());
    bytes[bytes.length - 3]! ^= 0xff;
    await writeFile(digestsFile(), bytes);
    const damaged = await freshCorpus();
    expect(await damaged.counts()).toEqual({ 'c.txt': { privacy: 1 } });
    expect(damaged.read).toEqual(['.gloss/annotations/c.txt/alice.json']);
    await damaged.corpus.close();
    expect(decodeDigests(await readFile(digestsFile()))?.size).toBe(1);
  });
});

describe('a digest is kept', () => {
  const stamped = {
    annotator: 'alice',
    fingerprint: '',
    status: 'todo' as const,
    note: '',
    annotations: [],
    relations: [],
  };

  it('only from a read whose time tells it from a later save of the same size', () => {
    const cache = new DigestsCache();
    const now = Date.now();
    // FAT keeps whole 2-second times: a save in the same tick could leave the same stamp.
    const coarse = { size: 10, mtimeMs: Math.floor(now / 2000) * 2000 };
    cache.put('fat.json', coarse, stamped);
    expect(cache.get('fat.json', coarse)).toBeUndefined();
    const old = { size: 10, mtimeMs: Math.floor(now / 2000) * 2000 - 10_000 };
    cache.put('old.json', old, stamped);
    expect(cache.get('old.json', old)).toBe(stamped);
    const fine = { size: 10, mtimeMs: now + 0.5 };
    cache.put('ext4.json', fine, stamped);
    expect(cache.get('ext4.json', fine)).toBe(stamped);
    expect(cache.get('ext4.json', { ...fine, size: 11 })).toBeUndefined();
    expect(cache.get('ext4.json', { ...fine, mtimeMs: fine.mtimeMs + 1 })).toBeUndefined();
  });
});
