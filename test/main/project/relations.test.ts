import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import type { Annotation } from '../../../shared/model/annotation';
import type { Relation } from '../../../shared/model/relation';
import { rejection } from '../../support/api-rejection';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const TEXT = 'Oracle buys TikTok.\n\nPrivacy advocates fear for user data; Microsoft objects.\n';

let project: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  // Closed before the folder goes: a service still watching it writes into .gloss/ as it is removed.
  await Promise.all(services.splice(0).map((service) => service.close()));
  try {
    await project?.cleanup();
  } finally {
    project = undefined;
  }
});

/** A fresh service on the folder (as after a restart of Gloss) with a client over the in-process transport. */
async function openClient(annotator = 'alice'): Promise<GlossClient> {
  project ??= await makeTempProject({ 'a.txt': TEXT, 'b.txt': 'Another story.\n' });
  const service = createGlossService({ annotator });
  services.push(service);
  await service.open(project.path);
  return createApiClient(inProcessTransport(createDispatch(service)));
}

async function tag(api: GlossClient, quote: string, code: string, key = 'a.txt'): Promise<Annotation> {
  const start = TEXT.indexOf(quote);
  return api.createAnnotation({ key, code, start, end: start + quote.length });
}

async function fileOnDisk(annotator = 'alice', key = 'a.txt') {
  const path = join(project!.path, '.gloss', 'annotations', key, `${annotator}.json`);
  return JSON.parse(await readFile(path, 'utf8')) as { annotations: Annotation[]; relations: Relation[] };
}

async function projectFile() {
  return JSON.parse(await readFile(join(project!.path, '.gloss', 'project.json'), 'utf8')) as {
    codebook: { relationTypes: { id: string; name: string; description: string }[] };
  };
}

describe('relations between annotations', () => {
  it('links two annotations, saves the link beside them and lists it after a restart', async () => {
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const relation = await api.createRelation({
      key: 'a.txt',
      type: 'raises',
      from: oracle.id,
      to: privacy.id,
      note: 'through its lobby',
    });
    expect(relation).toMatchObject({ type: 'raises', from: oracle.id, to: privacy.id, author: 'alice' });
    expect(relation.created).toBe(relation.modified);
    expect((await fileOnDisk()).relations).toEqual([relation]);
    const again = await openClient();
    expect(await again.listRelations({ key: 'a.txt' })).toEqual([relation]);
    expect(await again.listRelations({ key: 'b.txt' })).toEqual([]);
  });

  it('changes the type, ends and note, clearing the note with null', async () => {
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const microsoft = await tag(api, 'Microsoft', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const made = await api.createRelation({ key: 'a.txt', type: 'raises', from: oracle.id, to: privacy.id });
    const changed = await api.updateRelation({
      key: 'a.txt',
      id: made.id,
      changes: { type: 'opposes', to: microsoft.id, note: 'rivals' },
    });
    expect(changed).toMatchObject({ type: 'opposes', from: oracle.id, to: microsoft.id, note: 'rivals' });
    const cleared = await api.updateRelation({ key: 'a.txt', id: made.id, changes: { note: null } });
    expect(cleared.note).toBeUndefined();
    expect((await fileOnDisk()).relations).toEqual([cleared]);
  });

  it('refuses links that do not hold, naming what is wrong, and saves nothing', async () => {
    const bob = await openClient('bob');
    const theirs = await tag(bob, 'Microsoft', 'stakeholder');
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const link = (changes: { type?: string; from?: string; to?: string }) =>
      rejection(
        api.createRelation({ key: 'a.txt', type: 'raises', from: oracle.id, to: privacy.id, ...changes }),
      );

    const unknownType = await link({ type: 'funds' });
    expect(unknownType).toMatchObject({ code: 'not-found' });
    expect(unknownType.message).toContain('"funds"');
    const missing = await link({ to: 'nowhere' });
    expect(missing).toMatchObject({ code: 'not-found' });
    expect(missing.message).toContain('nowhere');
    // Another annotator's annotation is not in this annotator's file.
    expect((await link({ to: theirs.id })).code).toBe('not-found');
    expect((await link({ to: oracle.id })).code).toBe('bad-request');
    // Annotations of another document are not there either.
    const other = await api.createAnnotation({ key: 'b.txt', code: 'privacy', start: 0, end: 7 });
    expect((await link({ to: other.id })).code).toBe('not-found');

    const made = await api.createRelation({ key: 'a.txt', type: 'raises', from: oracle.id, to: privacy.id });
    const twice = await link({});
    expect(twice.code).toBe('conflict');
    expect(twice.message).toContain('already linked by "raises"');
    expect(
      (
        await rejection(
          api.createRelation({ key: 'a.txt', id: made.id, type: 'opposes', from: oracle.id, to: privacy.id }),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (await rejection(api.updateRelation({ key: 'a.txt', id: made.id, changes: { from: privacy.id } })))
        .code,
    ).toBe('bad-request');
    expect(
      (await rejection(api.updateRelation({ key: 'a.txt', id: 'nope', changes: { note: 'x' } }))).code,
    ).toBe('not-found');
    expect((await fileOnDisk()).relations).toEqual([made]);
  });

  it('deletes a relation, and undo re-creates it with its id', async () => {
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const made = await api.createRelation({ key: 'a.txt', type: 'raises', from: oracle.id, to: privacy.id });
    expect(await api.deleteRelation({ key: 'a.txt', id: made.id })).toEqual({ id: made.id });
    expect((await fileOnDisk()).relations).toEqual([]);
    expect((await rejection(api.deleteRelation({ key: 'a.txt', id: made.id }))).code).toBe('not-found');
    const { author: _author, created: _created, modified: _modified, ...request } = made;
    const back = await api.createRelation({ key: 'a.txt', ...request });
    expect(back.id).toBe(made.id);
  });

  it('deletes an annotation with its relations and returns them, so the delete can be undone in full', async () => {
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const microsoft = await tag(api, 'Microsoft', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const raises = await api.createRelation({
      key: 'a.txt',
      type: 'raises',
      from: oracle.id,
      to: privacy.id,
    });
    const opposes = await api.createRelation({
      key: 'a.txt',
      type: 'opposes',
      from: microsoft.id,
      to: oracle.id,
    });
    const kept = await api.createRelation({
      key: 'a.txt',
      type: 'raises',
      from: microsoft.id,
      to: privacy.id,
    });

    const deleted = await api.deleteAnnotation({ key: 'a.txt', id: oracle.id });
    expect(deleted).toEqual({ id: oracle.id, relations: [raises, opposes] });
    expect((await fileOnDisk()).relations).toEqual([kept]);
    expect(await api.listRelations({ key: 'a.txt' })).toEqual([kept]);
  });

  it('drops the relations of annotations removed with their code', async () => {
    const api = await openClient();
    const oracle = await tag(api, 'Oracle', 'stakeholder');
    const privacy = await tag(api, 'Privacy advocates', 'privacy');
    const microsoft = await tag(api, 'Microsoft', 'stakeholder');
    await api.createRelation({ key: 'a.txt', type: 'raises', from: oracle.id, to: privacy.id });
    const kept = await api.createRelation({
      key: 'a.txt',
      type: 'opposes',
      from: microsoft.id,
      to: oracle.id,
    });
    await api.deleteCode({ id: 'privacy', annotations: { action: 'remove' } });
    expect((await fileOnDisk()).relations).toEqual([kept]);
    // Reassigning keeps the annotations, and so their relations.
    await api.deleteCode({ id: 'stakeholder', annotations: { action: 'reassign', to: 'security' } });
    expect((await fileOnDisk()).relations).toEqual([kept]);
  });

  it("lists every annotator's relations but changes only one's own", async () => {
    const bob = await openClient('bob');
    const b1 = await tag(bob, 'Oracle', 'stakeholder');
    const b2 = await tag(bob, 'user data', 'privacy');
    const theirs = await bob.createRelation({ key: 'a.txt', type: 'raises', from: b1.id, to: b2.id });
    const api = await openClient();
    const a1 = await tag(api, 'Microsoft', 'stakeholder');
    const a2 = await tag(api, 'Privacy advocates', 'privacy');
    const mine = await api.createRelation({ key: 'a.txt', type: 'raises', from: a1.id, to: a2.id });
    expect(await api.listRelations({ key: 'a.txt' })).toEqual([mine, theirs]);
    expect((await rejection(api.deleteRelation({ key: 'a.txt', id: theirs.id }))).code).toBe('not-found');
    expect((await fileOnDisk('bob')).relations).toEqual([theirs]);
  });
});

describe('relation types in the codebook', () => {
  it('starts with the default types', async () => {
    const api = await openClient();
    const { codebook } = await api.getProject({});
    expect(codebook.relationTypes.map((t) => t.id)).toEqual(['raises', 'describes', 'opposes', 'supports']);
  });

  it('adds, renames and describes a type, saved in project.json', async () => {
    const api = await openClient();
    const added = await api.addRelationType({
      name: 'Funds',
      description: 'Money goes from one to the other',
    });
    expect(added.relationTypes.at(-1)).toEqual({
      id: 'funds',
      name: 'Funds',
      description: 'Money goes from one to the other',
    });
    const renamed = await api.updateRelationType({
      id: 'funds',
      changes: { name: 'finances', description: '' },
    });
    expect(renamed.relationTypes.at(-1)).toEqual({ id: 'funds', name: 'finances', description: '' });
    expect((await projectFile()).codebook.relationTypes.at(-1)).toEqual(renamed.relationTypes.at(-1));
    const taken = await rejection(api.updateRelationType({ id: 'funds', changes: { name: 'Raises' } }));
    expect(taken).toMatchObject({
      code: 'conflict',
      message: 'There is already a relation type named "raises"',
    });
    expect((await rejection(api.addRelationType({ name: 'opposes' }))).code).toBe('conflict');
    expect((await rejection(api.updateRelationType({ id: 'nope', changes: { name: 'x' } }))).code).toBe(
      'not-found',
    );
  });

  it('refuses to delete a type while relations of it exist, in any annotator’s files', async () => {
    const bob = await openClient('bob');
    const b1 = await tag(bob, 'Oracle', 'stakeholder');
    const b2 = await tag(bob, 'user data', 'privacy');
    const theirs = await bob.createRelation({ key: 'a.txt', type: 'opposes', from: b1.id, to: b2.id });
    const api = await openClient();
    const a1 = await tag(api, 'Microsoft', 'stakeholder');
    const a2 = await tag(api, 'Privacy advocates', 'privacy');
    await api.createRelation({ key: 'a.txt', type: 'opposes', from: a1.id, to: a2.id });
    await api.createRelation({ key: 'a.txt', type: 'raises', from: a1.id, to: a2.id });

    const inUse = await rejection(api.deleteRelationType({ id: 'opposes' }));
    expect(inUse).toMatchObject({
      code: 'conflict',
      message: '"opposes" is used by 2 relations: delete or retype them first',
    });
    await bob.deleteRelation({ key: 'a.txt', id: theirs.id });
    expect((await rejection(api.deleteRelationType({ id: 'opposes' }))).message).toContain('1 relation:');
    const [mine] = (await api.listRelations({ key: 'a.txt' })).filter((r) => r.type === 'opposes');
    await api.updateRelation({ key: 'a.txt', id: mine!.id, changes: { type: 'supports' } });
    const book = await api.deleteRelationType({ id: 'opposes' });
    expect(book.relationTypes.map((t) => t.id)).toEqual(['raises', 'describes', 'supports']);
    expect((await projectFile()).codebook.relationTypes.map((t) => t.id)).toEqual([
      'raises',
      'describes',
      'supports',
    ]);
    expect((await rejection(api.deleteRelationType({ id: 'opposes' }))).code).toBe('not-found');
  });
});
