import { access, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { Project } from '../../../main/project/project';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { gloss } from '../../support/gloss-cli';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject;
const path = (name: string) => join(project.path, ...name.split('/'));

const services: GlossService[] = [];

async function openClient(annotator = 'alice'): Promise<GlossClient> {
  const service = createGlossService({ annotator });
  services.push(service);
  await service.open(project.path);
  return createApiClient(inProcessTransport(createDispatch(service)));
}

/** Tags the first occurrence of `quote` in the article. */
async function tag(api: GlossClient, key: string, quote: string, code = 'privacy') {
  const { text } = await api.getDocument({ key });
  const start = text.indexOf(quote);
  expect(start, `"${quote}" in ${key}`).toBeGreaterThanOrEqual(0);
  return api.createAnnotation({ key, code, start, end: start + quote.length });
}

async function savedFile(key: string, annotator = 'alice') {
  return JSON.parse(await readFile(path(`.gloss/annotations/${key}/${annotator}.json`), 'utf8'));
}

const exists = (name: string) =>
  access(path(name)).then(
    () => true,
    () => false,
  );

const ARTICLE = [
  'TikTok talks with Microsoft',
  '',
  'Microsoft is in talks to buy TikTok’s US arm, valued at $15-30 billion.',
  'The app has 80 million users in the United States. Café owners 😀 use it too.',
  '',
  'Privacy groups raised concerns about data held in China.',
].join('\n');

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': ARTICLE });
});
afterEach(async () => {
  // Closed before the folder goes: a service still watching it writes into .gloss/ as it is removed.
  await Promise.all(services.splice(0).map((service) => service.close()));
  await project.cleanup();
});

describe('an article whose text changed on disk', () => {
  it('keeps each annotation on its passage, by quote and context, and saves the new offsets', async () => {
    const api = await openClient();
    const emoji = await tag(api, 'a.txt', 'Café owners 😀 use it');
    const privacy = await tag(api, 'a.txt', 'Privacy groups raised concerns');
    await writeFile(path('a.txt'), ARTICLE.replace('TikTok talks', 'BREAKING: TikTok talks, again,'));

    const after = await openClient();
    const { text, orphans } = await after.getDocument({ key: 'a.txt' });
    const annotations = await after.listAnnotations({ key: 'a.txt' });
    expect(orphans).toEqual([]);
    for (const [before, quote] of [
      [emoji, 'Café owners 😀 use it'],
      [privacy, 'Privacy groups raised concerns'],
    ] as const) {
      const now = annotations.find((a) => a.id === before.id)!;
      expect(now.target.start).toBe(text.indexOf(quote));
      expect(text.slice(now.target.start, now.target.end)).toBe(quote);
      expect(now.target.start).toBeGreaterThan(before.target.start);
    }
    const file = await savedFile('a.txt');
    expect(file.fingerprint).toBe((await after.getDocument({ key: 'a.txt' })).fingerprint);
    expect(file.annotations.map((a: { target: { start: number } }) => a.target.start)).toEqual(
      annotations.map((a) => a.target.start),
    );
  });

  it('follows a typo fixed inside the quote and lines wrapped differently', async () => {
    const api = await openClient();
    const valued = await tag(api, 'a.txt', 'valued at $15-30 billion');
    await tag(api, 'a.txt', 'raised concerns about data held in China');
    await writeFile(
      path('a.txt'),
      ARTICLE.replace('valued at', 'valued  at').replace(
        'raised concerns about data',
        'raised concerns\nabout data',
      ),
    );
    const after = await openClient();
    const { text, orphans } = await after.getDocument({ key: 'a.txt' });
    expect(orphans).toEqual([]);
    const quotes = (await after.listAnnotations({ key: 'a.txt' })).map((a) => a.target.quote);
    expect(quotes).toEqual(['valued  at $15-30 billion', 'raised concerns\nabout data held in China']);
    const moved = (await after.listAnnotations({ key: 'a.txt' })).find((a) => a.id === valued.id)!;
    expect(text.slice(moved.target.start, moved.target.end)).toBe('valued  at $15-30 billion');
  });

  it('keeps an annotation whose passage was deleted as an orphan, with its relation, until re-attached', async () => {
    const api = await openClient();
    const users = await tag(api, 'a.txt', '80 million users', 'user-count');
    const microsoft = await tag(api, 'a.txt', 'Microsoft is in talks', 'stakeholder');
    const relation = await api.createRelation({
      key: 'a.txt',
      type: 'describes',
      from: users.id,
      to: microsoft.id,
    });
    await writeFile(path('a.txt'), ARTICLE.replace(/The app has[^\n]*\n/, ''));

    const after = await openClient();
    const document = await after.getDocument({ key: 'a.txt' });
    expect(document.orphans.map((o) => [o.id, o.target.quote])).toEqual([[users.id, '80 million users']]);
    expect((await after.listAnnotations({ key: 'a.txt' })).map((a) => a.id)).toEqual([microsoft.id]);
    expect(await after.listRelations({ key: 'a.txt' })).toEqual([]);
    const file = await savedFile('a.txt');
    expect(file.orphans.map((o: { id: string }) => o.id)).toEqual([users.id]);
    expect(file.relations.map((r: { id: string }) => r.id)).toEqual([relation.id]);

    // The researcher finds the figure reworded and places it there.
    await writeFile(path('a.txt'), `${document.text}\nIt has 80m users.`);
    const text = (await after.getDocument({ key: 'a.txt' })).text;
    const start = text.indexOf('80m users');
    const placed = await after.reattachOrphan({ key: 'a.txt', id: users.id, start, end: start + 9 });
    expect(placed).toMatchObject({ id: users.id, code: 'user-count', target: { start, quote: '80m users' } });
    expect((await after.getDocument({ key: 'a.txt' })).orphans).toEqual([]);
    expect((await after.listRelations({ key: 'a.txt' })).map((r) => r.id)).toEqual([relation.id]);

    // Undo makes it an orphan again, as it was.
    await after.restoreOrphan({ key: 'a.txt', orphan: document.orphans[0]!, relations: [] });
    expect((await after.getDocument({ key: 'a.txt' })).orphans).toEqual(document.orphans);
    expect(await after.listRelations({ key: 'a.txt' })).toEqual([]);

    // Deleting it takes its relation and gives both back for undo.
    const deleted = await after.deleteOrphan({ key: 'a.txt', id: users.id });
    expect(deleted.relations.map((r) => r.id)).toEqual([relation.id]);
    expect((await savedFile('a.txt')).relations).toEqual([]);
    await after.restoreOrphan({ key: 'a.txt', orphan: document.orphans[0]!, relations: deleted.relations });
    expect((await savedFile('a.txt')).relations.map((r: { id: string }) => r.id)).toEqual([relation.id]);
  });

  it('exports say how many orphans they left out, on screen and on the command line', async () => {
    const api = await openClient();
    await tag(api, 'a.txt', '80 million users');
    const kept = await tag(api, 'a.txt', 'Privacy groups');
    await writeFile(path('a.txt'), ARTICLE.replace(/The app has[^\n]*\n/, ''));

    const result = await (await openClient()).exportDataset({ format: 'jsonl' });
    expect(result).toMatchObject({ annotations: 1, orphansLeftOut: 1 });
    const jsonl = await readFile(path(`${result.folder}/${result.files[0]}`), 'utf8');
    expect(jsonl).toContain(kept.id);
    expect(jsonl).not.toContain('80 million users');

    const out = join(project.path, '..', `${basename(project.path)}-export.jsonl`);
    const cli = await gloss(['export', project.path, '--format', 'jsonl', '--out', out]);
    await rm(out, { force: true });
    expect(cli.stdout).toMatch(
      /1 orphaned annotation was left out: not found again after its article changed/,
    );
  });

  it('brings orphans back by themselves when the article is edited back', async () => {
    const api = await openClient();
    const users = await tag(api, 'a.txt', '80 million users');
    await writeFile(path('a.txt'), ARTICLE.replace(/The app has[^\n]*\n/, ''));
    expect((await (await openClient()).getDocument({ key: 'a.txt' })).orphans).toHaveLength(1);
    await writeFile(path('a.txt'), ARTICLE);
    const again = await openClient();
    expect((await again.getDocument({ key: 'a.txt' })).orphans).toEqual([]);
    expect((await again.listAnnotations({ key: 'a.txt' }))[0]).toMatchObject({
      id: users.id,
      target: users.target,
    });
  });

  it('places new tags and old ones in the same text when tagging right after the change', async () => {
    const api = await openClient();
    const old = await tag(api, 'a.txt', 'Privacy groups');
    await writeFile(path('a.txt'), `Update.\n\n${ARTICLE}`);
    // No getDocument in between: the edit itself must bring the file up to the new text first.
    const fresh = `Update.\n\n${ARTICLE}`;
    const start = fresh.indexOf('Microsoft is in talks');
    await api.createAnnotation({ key: 'a.txt', code: 'stakeholder', start, end: start + 9 });
    const file = await savedFile('a.txt');
    for (const a of file.annotations) expect(fresh.slice(a.target.start, a.target.end)).toBe(a.target.quote);
    expect(file.annotations.find((a: { id: string }) => a.id === old.id).target.start).toBe(
      fresh.indexOf('Privacy groups'),
    );
  });

  it('re-attaches another annotator’s annotations on screen without writing their file', async () => {
    const bob = await openClient('bob');
    await tag(bob, 'a.txt', 'Privacy groups');
    const before = await readFile(path('.gloss/annotations/a.txt/bob.json'), 'utf8');
    await writeFile(path('a.txt'), `Update.\n\n${ARTICLE}`);
    const alice = await openClient('alice');
    const [seen] = await alice.listAnnotations({ key: 'a.txt' });
    expect(seen!.target.quote).toBe('Privacy groups');
    expect(seen!.target.start).toBe(`Update.\n\n${ARTICLE}`.indexOf('Privacy groups'));
    expect(await readFile(path('.gloss/annotations/a.txt/bob.json'), 'utf8')).toBe(before);
  });

  it('re-attaches in memory only when the project is open read-only', async () => {
    const api = await openClient();
    await tag(api, 'a.txt', 'Privacy groups');
    const before = await readFile(path('.gloss/annotations/a.txt/alice.json'), 'utf8');
    await writeFile(path('a.txt'), `Update.\n\n${ARTICLE}`);
    const readOnly = await Project.open(project.path, { annotator: 'alice', readOnly: true });
    const { annotations } = await readOnly.openDocument('a.txt');
    expect(annotations[0]!.target.start).toBe(`Update.\n\n${ARTICLE}`.indexOf('Privacy groups'));
    expect(await readFile(path('.gloss/annotations/a.txt/alice.json'), 'utf8')).toBe(before);
  });
});

describe('an article renamed or moved on disk', () => {
  it('is recognised by its text and keeps its annotations and rejected suggestions', async () => {
    const api = await openClient();
    const privacy = await tag(api, 'a.txt', 'Privacy groups');
    await api.setDocumentStatus({ key: 'a.txt', status: 'in-progress' });
    await mkdir(path('.gloss/suggestions/a.txt'), { recursive: true });
    await writeFile(path('.gloss/suggestions/a.txt/alice.json'), '{}');
    await mkdir(path('2020'));
    await rename(path('a.txt'), path('2020/tiktok.txt'));

    const list = await api.listDocuments({});
    expect(list.renamed).toEqual([{ from: 'a.txt', to: '2020/tiktok.txt' }]);
    expect(list.problems).toEqual([]);
    expect(list.documents).toMatchObject([
      { key: '2020/tiktok.txt', annotationCount: 1, status: 'in-progress' },
    ]);
    expect((await api.listAnnotations({ key: '2020/tiktok.txt' })).map((a) => a.id)).toEqual([privacy.id]);
    expect(await exists('.gloss/annotations/a.txt')).toBe(false);
    expect(await exists('.gloss/suggestions/2020/tiktok.txt/alice.json')).toBe(true);
    // Tagging under the new key goes to the moved file, not a new one at the old key.
    await tag(api, '2020/tiktok.txt', 'Microsoft is in talks');
    expect((await savedFile('2020/tiktok.txt')).annotations).toHaveLength(2);
    expect(await exists('.gloss/annotations/a.txt')).toBe(false);
    expect((await api.listDocuments({})).renamed).toEqual([]);
  });

  it('is left for the researcher when two articles have the text, and nothing is dropped', async () => {
    const api = await openClient();
    await tag(api, 'a.txt', 'Privacy groups');
    await writeFile(path('copy-1.txt'), ARTICLE);
    await writeFile(path('copy-2.txt'), ARTICLE);
    await unlink(path('a.txt'));
    const list = await api.listDocuments({});
    expect(list.renamed).toEqual([]);
    expect(list.problems).toEqual([
      {
        file: '.gloss/annotations/a.txt',
        message: expect.stringMatching(/"a\.txt" is no longer in the folder; its annotations .* are kept/),
      },
    ]);
    expect((await savedFile('a.txt')).annotations).toHaveLength(1);
  });

  it('a deleted article’s annotations are kept and named, and come back with the article', async () => {
    const api = await openClient();
    await tag(api, 'a.txt', 'Privacy groups');
    await unlink(path('a.txt'));
    expect((await api.listDocuments({})).problems).toHaveLength(1);
    await writeFile(path('a.txt'), ARTICLE);
    const list = await api.listDocuments({});
    expect(list.problems).toEqual([]);
    expect(list.documents[0]).toMatchObject({ key: 'a.txt', annotationCount: 1 });
  });
});
