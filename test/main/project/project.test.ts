import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { Project } from '../../../main/project/project';
import { tempFileName } from '../../../main/storage/atomic-write';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { rejection } from '../../support/api-rejection';

let dir: string;

async function write(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
  }
}

/** A fresh service (as after a restart of Gloss) with a client over the in-process transport. */
async function openClient(annotator = 'alice'): Promise<GlossClient> {
  const service = createGlossService({ annotator });
  services.push(service);
  await service.open(dir);
  return createApiClient(inProcessTransport(createDispatch(service)));
}
/** Every service a test opened: stopped, and their background sweeps done, before the folder goes. */
const services: GlossService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-project-'));
});
afterEach(async () => {
  for (const service of services.splice(0)) {
    await service.project?.leftoversSwept;
    service.close();
  }
  await rm(dir, { recursive: true, force: true });
});

describe('opening a folder', () => {
  it('makes it a project with the default codebook, keeping Gloss data in .gloss/', async () => {
    await write({ 'a.txt': 'First article\n\nBody.' });
    const api = await openClient();
    const info = await api.getProject({});
    expect(info.schemaVersion).toBe(1);
    expect(info.annotator).toBe('alice');
    const groups = info.codebook.codes.filter((c) => c.parentId === null).map((c) => c.name);
    expect(groups).toEqual(['Stakeholders', 'Concerns', 'Figures']);
    const names = (group: string) => {
      const id = info.codebook.codes.find((c) => c.name === group)!.id;
      return info.codebook.codes.filter((c) => c.parentId === id).map((c) => c.name);
    };
    expect(names('Concerns')).toEqual(['Security', 'Privacy', 'Free expression']);
    expect(names('Figures')).toEqual(['Valuation', 'User count', 'Money', 'Jobs', 'Other']);
    const onDisk = JSON.parse(await readFile(join(dir, '.gloss/project.json'), 'utf8'));
    expect(onDisk).toMatchObject({ format: 'gloss-project', schemaVersion: 1, stakeholders: [] });
    expect(await readFile(join(dir, '.gloss/.gitignore'), 'utf8')).toContain('cache/');
  });

  it('lists articles in sub-folders by relative key and says what it skipped and why', async () => {
    await write({
      'b/2.txt': 'Second\n',
      'b/10.md': '# Tenth\n\ntext',
      'a.html':
        '<html><head><title>Page</title></head><body><article><h1>Page</h1><p>Some words here for the reader to read.</p></article></body></html>',
      'notes.pdf': '%PDF-1.4',
      'empty.txt': '',
      '.hidden.txt': 'hidden',
      README: 'no extension',
    });
    const api = await openClient();
    const list = await api.listDocuments({});
    expect(list.documents.map((d) => d.key)).toEqual(['a.html', 'b/2.txt', 'b/10.md']);
    expect(list.documents.map((d) => d.title)).toEqual(['Page', 'Second', 'Tenth']);
    expect(list.skipped).toEqual([
      { path: 'empty.txt', reason: 'empty file' },
      { path: 'notes.pdf', reason: 'not a valid PDF file (it may be damaged, or only partly downloaded)' },
      { path: 'README', reason: 'unsupported file type (no extension)' },
    ]);
    expect(list.documents.every((d) => d.status === 'todo' && d.annotationCount === 0)).toBe(true);
    expect(list.documents[1]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('opens read-only without writing anything into the folder', async () => {
    await write({ 'a.txt': 'Title\n\nText' });
    const project = await Project.open(dir, { annotator: 'alice', readOnly: true });
    expect((await project.listDocuments()).documents).toHaveLength(1);
    await expect(stat(join(dir, '.gloss'))).rejects.toThrow();
    await expect(project.setDocumentStatus('a.txt', 'done')).rejects.toThrow(/read-only/);
    await expect(stat(join(dir, '.gloss'))).rejects.toThrow();
  });

  it('reports a folder that does not exist', async () => {
    const service = createGlossService();
    await expect(service.open(join(dir, 'nope'))).rejects.toThrow(/does not exist/);
  });
});

describe('annotations', () => {
  const text = 'Café owners 😀 say ByteDance will pay $ 15-30 billion.\n\nSecond paragraph about TikTok.';

  it('are saved at once into the per-document, per-annotator file and survive a restart', async () => {
    await write({ 'news/tiktok.txt': `Headline\n\n${text}` });
    let api = await openClient();
    const doc = await api.getDocument({ key: 'news/tiktok.txt' });
    const start = doc.text.indexOf('ByteDance');
    const created = await api.createAnnotation({
      key: doc.key,
      code: 'stakeholder',
      start,
      end: start + 9,
      note: 'owner',
    });
    expect(created.target.quote).toBe('ByteDance');
    expect(created.target.prefix.endsWith('😀 say ')).toBe(true);
    expect(created.author).toBe('alice');

    const file = join(dir, '.gloss/annotations/news/tiktok.txt/alice.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.annotations).toHaveLength(1);
    expect(saved.annotations[0]).toMatchObject({ id: created.id, code: 'stakeholder', note: 'owner' });
    expect(saved.fingerprint).toBe(doc.fingerprint);

    api = await openClient();
    const again = await api.listAnnotations({ key: doc.key });
    expect(again).toEqual([created]);
    expect((await api.listDocuments({})).documents[0]!.annotationCount).toBe(1);
  });

  it('takes UTF-16 offsets, refuses a range that cuts an emoji in half, and allows overlaps', async () => {
    await write({ 'e.txt': text });
    const api = await openClient();
    const emoji = text.indexOf('😀');
    const whole = await api.createAnnotation({
      key: 'e.txt',
      code: 'security',
      start: emoji,
      end: emoji + 2,
    });
    expect(whole.target.quote).toBe('😀');
    const half = await rejection(
      api.createAnnotation({ key: 'e.txt', code: 'security', start: emoji, end: emoji + 1 }),
    );
    expect(half.code).toBe('bad-request');
    expect(half.message).toMatch(/cuts a character/);
    const money = text.indexOf('$ 15-30 billion');
    const outer = await api.createAnnotation({
      key: 'e.txt',
      code: 'valuation',
      start: money,
      end: money + '$ 15-30 billion'.length,
      value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly', measures: 'valuation' },
    });
    const inner = await api.createAnnotation({
      key: 'e.txt',
      code: 'money',
      start: money + 2,
      end: money + 7,
    });
    expect(outer.value).toEqual({
      min: 15e9,
      max: 30e9,
      currency: 'USD',
      qualifier: 'exactly',
      measures: 'valuation',
    });
    expect(inner.target.quote).toBe('15-30');
    const beyond = await rejection(
      api.createAnnotation({ key: 'e.txt', code: 'security', start: 5, end: 5000 }),
    );
    expect(beyond.message).toMatch(/does not fit/);
  });

  it('checks codes, values and stakeholders against the codebook and register', async () => {
    await write({ 'e.txt': text });
    const api = await openClient();
    expect(
      (await rejection(api.createAnnotation({ key: 'e.txt', code: 'nope', start: 0, end: 4 }))).code,
    ).toBe('not-found');
    expect(
      (await rejection(api.createAnnotation({ key: 'e.txt', code: 'figures', start: 0, end: 4 }))).message,
    ).toMatch(/group/);
    const valueOnConcern = await rejection(
      api.createAnnotation({ key: 'e.txt', code: 'privacy', start: 0, end: 4, value: { min: 1, max: 1 } }),
    );
    expect(valueOnConcern.message).toMatch(/not a figure code/);
    const missing = await rejection(
      api.createAnnotation({ key: 'e.txt', code: 'stakeholder', start: 0, end: 4, stakeholderId: 'x' }),
    );
    expect(missing.code).toBe('not-found');
    const bytedance = await api.addStakeholder({
      name: 'ByteDance',
      kind: 'company',
      aliases: ['TikTok owner', 'Bytedance'],
    });
    // Spellings differing only in case are one name: mentions are matched without regard to case.
    expect(bytedance.aliases).toEqual(['TikTok owner']);
    const start = text.indexOf('ByteDance');
    const mention = await api.createAnnotation({
      key: 'e.txt',
      code: 'stakeholder',
      start,
      end: start + 9,
      stakeholderId: bytedance.id,
    });
    expect(mention.stakeholderId).toBe('bytedance');
    const inUse = await rejection(api.deleteStakeholder({ id: 'bytedance' }));
    expect(inUse.message).toMatch(/mentioned 1 time/);
  });

  it('updates and deletes, clearing fields with null', async () => {
    await write({ 'e.txt': text });
    const api = await openClient();
    const a = await api.createAnnotation({ key: 'e.txt', code: 'privacy', start: 0, end: 4, note: 'n' });
    const b = await api.updateAnnotation({
      key: 'e.txt',
      id: a.id,
      changes: { code: 'security', note: null, end: 11 },
    });
    expect(b).toMatchObject({ code: 'security', target: { quote: 'Café owners' } });
    expect(b.note).toBeUndefined();
    expect(Date.parse(b.modified)).toBeGreaterThanOrEqual(Date.parse(a.modified));
    await api.deleteAnnotation({ key: 'e.txt', id: a.id });
    expect(await api.listAnnotations({ key: 'e.txt' })).toEqual([]);
    expect((await rejection(api.deleteAnnotation({ key: 'e.txt', id: a.id }))).code).toBe('not-found');
    // Undo re-creates with the same id.
    const back = await api.createAnnotation({ key: 'e.txt', id: a.id, code: 'privacy', start: 0, end: 4 });
    expect(back.id).toBe(a.id);
    expect(
      (await rejection(api.createAnnotation({ key: 'e.txt', id: a.id, code: 'privacy', start: 0, end: 4 })))
        .code,
    ).toBe('conflict');
  });

  it("shows every annotator's work but edits only one's own", async () => {
    await write({ 'e.txt': text });
    const bob = await openClient('bob');
    const theirs = await bob.createAnnotation({ key: 'e.txt', code: 'privacy', start: 0, end: 4 });
    const alice = await openClient('alice');
    const mine = await alice.createAnnotation({ key: 'e.txt', code: 'security', start: 5, end: 11 });
    expect((await alice.listAnnotations({ key: 'e.txt' })).map((a) => a.author)).toEqual(['bob', 'alice']);
    expect((await alice.listDocuments({})).documents[0]!.annotationCount).toBe(2);
    expect((await rejection(alice.deleteAnnotation({ key: 'e.txt', id: theirs.id }))).code).toBe('forbidden');
    await alice.setDocumentStatus({ key: 'e.txt', status: 'done' });
    expect((await bob.listDocuments({})).documents[0]!.status).toBe('todo');
    expect((await alice.listDocuments({})).documents[0]!.status).toBe('done');
    expect(mine.author).toBe('alice');
  });

  it('keeps status and note per document', async () => {
    await write({ 'e.txt': text });
    let api = await openClient();
    await api.setDocumentStatus({ key: 'e.txt', status: 'in-progress' });
    await api.setDocumentNote({ key: 'e.txt', note: 'check the figures' });
    api = await openClient();
    const doc = await api.getDocument({ key: 'e.txt' });
    expect(doc.status).toBe('in-progress');
    expect(doc.note).toBe('check the figures');
  });

  it('refuses keys that leave the project or point into .gloss', async () => {
    await write({ 'e.txt': text });
    const api = await openClient();
    expect((await rejection(api.getDocument({ key: '../e.txt' }))).code).toBe('bad-request');
    expect((await rejection(api.getDocument({ key: '.gloss/project.json' }))).code).toBe('forbidden');
    expect((await rejection(api.getDocument({ key: 'missing.txt' }))).code).toBe('not-found');
  });
});

describe('files that cannot be trusted', () => {
  it('an annotation file that is not JSON is named, left byte-for-byte as it is, and the rest still opens', async () => {
    await write({ 'a.txt': 'A\n\ntext a', 'b.txt': 'B\n\ntext b' });
    let api = await openClient();
    await api.createAnnotation({ key: 'a.txt', code: 'privacy', start: 3, end: 7 });
    const bad = join(dir, '.gloss/annotations/a.txt/alice.json');
    const broken = '{ "format": "gloss-annotations", oops';
    await writeFile(bad, broken);

    api = await openClient();
    const list = await api.listDocuments({});
    expect(list.documents.map((d) => d.key)).toEqual(['a.txt', 'b.txt']);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]!.file).toBe('.gloss/annotations/a.txt/alice.json');
    expect(list.problems[0]!.message).toMatch(/not valid JSON \(line 1, column \d+/);
    const refused = await rejection(
      api.createAnnotation({ key: 'a.txt', code: 'privacy', start: 3, end: 7 }),
    );
    expect(refused.code).toBe('invalid-file');
    expect(refused.file).toBe('.gloss/annotations/a.txt/alice.json');
    expect(refused.message).toMatch(/will not overwrite/);
    await rejection(api.setDocumentStatus({ key: 'a.txt', status: 'done' }));
    expect(await readFile(bad, 'utf8')).toBe(broken);
    // A copy is kept aside, named in the message, and is not taken for an annotation file.
    const copy = refused.message.match(/a copy is at (\S+)\./)?.[1];
    expect(copy).toMatch(/^\.gloss\/annotations\/a\.txt\/alice\.json\.invalid-[0-9a-f]{8}$/);
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(broken);
    api = await openClient();
    expect((await api.listDocuments({})).problems.map((p) => p.file)).toEqual([
      '.gloss/annotations/a.txt/alice.json',
    ]);
    await rejection(api.setDocumentStatus({ key: 'a.txt', status: 'done' }));
    // The file and its copy, beside the hidden token of the file's lock.
    const names = await readdir(join(dir, '.gloss/annotations/a.txt'));
    expect(names.filter((name) => !name.startsWith('.'))).toHaveLength(2);
    // Other documents are unaffected.
    await api.createAnnotation({ key: 'b.txt', code: 'privacy', start: 3, end: 7 });
    expect(await api.listAnnotations({ key: 'b.txt' })).toHaveLength(1);
  });

  it('an annotation file that fails validation names the field', async () => {
    await write({ 'a.txt': 'A\n\ntext a' });
    let api = await openClient();
    await api.createAnnotation({ key: 'a.txt', code: 'privacy', start: 3, end: 7 });
    const file = join(dir, '.gloss/annotations/a.txt/alice.json');
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.annotations[0].target.start = 'three';
    const edited = JSON.stringify(data);
    await writeFile(file, edited);
    api = await openClient();
    const { problems } = await api.listDocuments({});
    expect(problems[0]!.message).toMatch(/annotations\[0\]\.target\.start/);
    await rejection(api.deleteAnnotation({ key: 'a.txt', id: data.annotations[0].id }));
    expect(await readFile(file, 'utf8')).toBe(edited);
    const copies = (await readdir(join(dir, '.gloss/annotations/a.txt'))).filter(
      (n) => n !== 'alice.json' && n !== '.alice.json.free.lock',
    );
    expect(copies).toEqual([expect.stringMatching(/^alice\.json\.invalid-[0-9a-f]{8}$/)]);
    expect(await readFile(join(dir, '.gloss/annotations/a.txt', copies[0]!), 'utf8')).toBe(edited);
  });

  it('a broken project.json is reported and kept, the articles still open, codebook edits are refused', async () => {
    await write({
      'a.txt': 'A\n\ntext',
      '.gloss/project.json': '{"format": "gloss-project", "schemaVersion": 1, "codebook": 7}',
    });
    const before = await readFile(join(dir, '.gloss/project.json'));
    const api = await openClient();
    const info = await api.getProject({});
    expect(info.readOnlyCodebook).toBe(true);
    expect(info.problems[0]).toMatchObject({ file: '.gloss/project.json' });
    expect(info.problems[0]!.message).toMatch(/codebook/);
    expect(info.problems[0]!.message).toMatch(
      /It is kept as it is; a copy is at \.gloss\/project\.json\.invalid-[0-9a-f]{8}$/,
    );
    expect((await api.listDocuments({})).documents).toHaveLength(1);
    expect((await rejection(api.addCode({ name: 'Jobs lost', parentId: 'figures' }))).code).toBe(
      'invalid-file',
    );
    expect(await readFile(join(dir, '.gloss/project.json'))).toEqual(before);
    const copy = info.problems[0]!.message.match(/a copy is at (\S+)$/)![1]!;
    expect(await readFile(join(dir, copy))).toEqual(before);
  });

  it('a project.json from a newer Gloss is refused with a message saying so', async () => {
    await write({
      'a.txt': 'A',
      '.gloss/project.json': JSON.stringify({ format: 'gloss-project', schemaVersion: 9 }),
    });
    const info = await (await openClient()).getProject({});
    expect(info.problems[0]!.message).toMatch(/newer Gloss \(schema version 9; this Gloss reads up to 1\)/);
  });

  it('a save that the disk refuses fails with an io error and changes nothing in memory or on disk', async () => {
    await write({ 'a.txt': 'A\n\ntext' });
    const api = await openClient();
    await api.createAnnotation({ key: 'a.txt', code: 'privacy', start: 3, end: 7 });
    const file = join(dir, '.gloss/annotations/a.txt/alice.json');
    const before = await readFile(file, 'utf8');
    // A folder where the writer's temporary file must go makes the write fail even for root,
    // whom permission bits do not stop.
    const blocker = join(dir, '.gloss/annotations/a.txt', tempFileName('alice.json', true));
    await mkdir(join(blocker, 'x'), { recursive: true });
    const failed = await rejection(
      api.createAnnotation({ key: 'a.txt', code: 'security', start: 3, end: 7 }),
    );
    expect(failed.code).toBe('io');
    expect(failed.message).toMatch(/Could not save \.gloss\/annotations\/a\.txt\/alice\.json/);
    expect(await api.listAnnotations({ key: 'a.txt' })).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe(before);
    await rm(blocker, { recursive: true });
    await api.createAnnotation({ key: 'a.txt', code: 'security', start: 3, end: 7 });
    expect(await api.listAnnotations({ key: 'a.txt' })).toHaveLength(2);
  });
});

describe('codebook', () => {
  it('adds, renames, recolours, moves and deletes codes, saving project.json', async () => {
    await write({ 'a.txt': 'A\n\nsome text here' });
    let api = await openClient();
    let book = await api.addCode({ name: 'Competition', parentId: 'concerns', shortcut: '4' });
    expect(book.codes.find((c) => c.name === 'Competition')).toMatchObject({
      id: 'competition',
      parentId: 'concerns',
    });
    expect(
      (await rejection(api.addCode({ name: 'Other', parentId: 'concerns', shortcut: '1' }))).message,
    ).toMatch(/shortcut "1"/);
    book = await api.updateCode({ id: 'competition', changes: { name: 'Market power', color: '#123456' } });
    expect(book.codes.find((c) => c.id === 'competition')).toMatchObject({
      name: 'Market power',
      color: '#123456',
    });
    book = await api.moveCode({ id: 'competition', parentId: 'concerns', index: 0 });
    const concerns = book.codes.filter((c) => c.parentId === 'concerns').map((c) => c.id);
    expect(concerns).toEqual(['competition', 'security', 'privacy', 'free-expression']);
    expect(
      (await rejection(api.moveCode({ id: 'concerns', parentId: 'security', index: 0 }))).message,
    ).toMatch(/inside itself/);

    api = await openClient();
    const info = await api.getProject({});
    expect(info.codebook.codes.find((c) => c.id === 'competition')!.name).toBe('Market power');
  });

  it('deleting a code in use needs a choice: reassign or remove its annotations', async () => {
    await write({ 'a.txt': 'A\n\nsome text here', 'b.txt': 'B\n\nmore text here' });
    const api = await openClient();
    await api.createAnnotation({ key: 'a.txt', code: 'privacy', start: 3, end: 7 });
    await api.createAnnotation({ key: 'b.txt', code: 'privacy', start: 3, end: 7 });
    await api.createAnnotation({ key: 'b.txt', code: 'security', start: 8, end: 12 });
    const refused = await rejection(
      api.deleteCode({ id: 'privacy', annotations: { action: 'refuse-if-used' } }),
    );
    expect(refused.message).toMatch(/used by 2 annotations/);
    const moved = await api.deleteCode({
      id: 'privacy',
      annotations: { action: 'reassign', to: 'security' },
    });
    expect(moved.reassigned).toBe(2);
    expect(moved.codebook.codes.some((c) => c.id === 'privacy')).toBe(false);
    expect((await api.listAnnotations({ key: 'a.txt' }))[0]!.code).toBe('security');
    const figure = await api.createAnnotation({
      key: 'a.txt',
      code: 'jobs',
      start: 8,
      end: 12,
      value: { min: 5, max: 5 },
    });
    const toConcern = await api.deleteCode({
      id: 'jobs',
      annotations: { action: 'reassign', to: 'security' },
    });
    expect(toConcern.reassigned).toBe(1);
    const moved2 = (await api.listAnnotations({ key: 'a.txt' })).find((a) => a.id === figure.id)!;
    // A figure value means nothing on a concern code, so it goes with the move.
    expect(moved2).toMatchObject({ code: 'security' });
    expect(moved2.value).toBeUndefined();
    await api.deleteAnnotation({ key: 'a.txt', id: figure.id });
    const gone = await api.deleteCode({ id: 'concerns', annotations: { action: 'remove' } });
    expect(gone.removed).toBe(3);
    expect(await api.listAnnotations({ key: 'b.txt' })).toEqual([]);
    expect(gone.codebook.codes.map((c) => c.parentId === null && c.name).filter(Boolean)).toEqual([
      'Stakeholders',
      'Figures',
    ]);
  });
});

describe('stakeholder register', () => {
  const text = 'ByteDance and Bytedance: TikTok owner ByteDance said.';

  it('merging re-points every mention, also those of other annotators, and keeps the names as aliases', async () => {
    await write({ 'a.txt': text });
    const alice = await openClient('alice');
    const real = await alice.addStakeholder({
      name: 'ByteDance',
      kind: 'company',
      aliases: ['TikTok owner'],
    });
    const dupe = await alice.addStakeholder({ name: 'Bytedance Ltd', kind: 'company', country: 'China' });
    await alice.createAnnotation({
      key: 'a.txt',
      code: 'stakeholder',
      start: 0,
      end: 9,
      stakeholderId: real.id,
    });
    await alice.createAnnotation({
      key: 'a.txt',
      code: 'stakeholder',
      start: 14,
      end: 23,
      stakeholderId: dupe.id,
    });
    const bob = await openClient('bob');
    await bob.createAnnotation({
      key: 'a.txt',
      code: 'stakeholder',
      start: 38,
      end: 47,
      stakeholderId: dupe.id,
    });
    expect(await alice.countMentions({})).toEqual({ [real.id]: 1, [dupe.id]: 2 });

    const merged = await alice.mergeStakeholders({ from: dupe.id, into: real.id });
    expect(merged.repointed).toBe(1);
    expect(merged.stakeholders).toEqual([
      {
        id: real.id,
        name: 'ByteDance',
        kind: 'company',
        aliases: ['TikTok owner', 'Bytedance Ltd'],
        country: 'China',
      },
    ]);
    expect(await alice.countMentions({})).toEqual({ [real.id]: 3 });
    const mentions = (await alice.listAnnotations({ key: 'a.txt' })).map((a) => a.stakeholderId);
    expect(mentions).toEqual([real.id, real.id, real.id]);
    // Bob's file is his: it keeps the old id, which the redirect in project.json resolves.
    const bobs = JSON.parse(await readFile(join(dir, '.gloss/annotations/a.txt/bob.json'), 'utf8'));
    expect(bobs.annotations[0].stakeholderId).toBe(dupe.id);
    const saved = JSON.parse(await readFile(join(dir, '.gloss/project.json'), 'utf8'));
    expect(saved.stakeholderRedirects).toEqual({ [dupe.id]: real.id });
    expect((await rejection(alice.mergeStakeholders({ from: real.id, into: real.id }))).code).toBe(
      'conflict',
    );
  });

  it('settings are saved in project.json', async () => {
    await write({ 'a.txt': text });
    let api = await openClient();
    expect((await api.getProject({})).settings.snapToWords).toBe(true);
    // The answer is every setting, the suggestion rules' defaults among them.
    expect(await api.updateSettings({ snapToWords: false })).toEqual({
      snapToWords: false,
      acceptRegisterMentions: false,
      neverSuggest: [],
    });
    api = await openClient();
    expect((await api.getProject({})).settings.snapToWords).toBe(false);
  });
});
