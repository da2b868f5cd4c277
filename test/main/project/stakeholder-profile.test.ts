import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { ApiError } from '../../../shared/api-error';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const DEAL = [
  'TikTok deal',
  '',
  'ByteDance agreed to sell TikTok to Oracle for $15 billion. Critics doubted the deal.',
  'Privacy advocates raised concerns about user data.',
  '',
  'Regulators in Brussels worried about security. The app has 100 million users.',
  '',
].join('\n');
const REPLY = 'ByteDance replies\n\nByteDance said it would answer questions about free expression.\n';
const QUIET = 'Weather\n\nRain is expected. Security at the stadium was tight.\n';

let folder: TempProject | undefined;
const services: GlossService[] = [];
afterEach(async () => {
  // Closed before the folder goes: a service still watching it writes into .gloss/ as it is removed.
  await Promise.all(services.splice(0).map((service) => service.close()));
  await folder?.cleanup();
  folder = undefined;
});

async function openProject(): Promise<void> {
  folder = await makeTempProject({ 'deal.txt': DEAL, 'news/reply.txt': REPLY, 'quiet.txt': QUIET });
}

/** A client as `annotator` over a fresh service (as after a restart), on the same folder. */
async function clientAs(annotator: string): Promise<GlossClient> {
  const service = createGlossService({ annotator });
  services.push(service);
  await service.open(folder!.path);
  return createApiClient(inProcessTransport(createDispatch(service)));
}

/** Tags the `nth` occurrence (from 0) of `quote` in the document. */
async function tag(
  api: GlossClient,
  key: string,
  quote: string,
  code: string,
  extra: {
    stakeholderId?: string;
    value?: { min: number; max: number; currency?: string; unit?: string };
  } = {},
  nth = 0,
) {
  const { text } = await api.getDocument({ key });
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in ${key}`);
  return api.createAnnotation({ key, code, start, end: start + quote.length, ...extra });
}

describe('a stakeholder profile', () => {
  it('lists every mention across the corpus, by every annotator, with title, quote, context and author', async () => {
    await openProject();
    const alice = await clientAs('alice');
    const bytedance = await alice.addStakeholder({ name: 'ByteDance', kind: 'company' });
    const oracle = await alice.addStakeholder({ name: 'Oracle', kind: 'company' });
    const first = await tag(alice, 'deal.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    await tag(alice, 'deal.txt', 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    await tag(alice, 'quiet.txt', 'Security', 'security');
    const bob = await clientAs('bob');
    const second = await tag(
      bob,
      'news/reply.txt',
      'ByteDance',
      'stakeholder',
      { stakeholderId: bytedance.id },
      1,
    );

    const profile = await alice.stakeholderProfile({ id: bytedance.id });
    expect(profile.stakeholder).toEqual(bytedance);
    expect(profile.mentions).toEqual([
      {
        key: 'deal.txt',
        title: 'TikTok deal',
        annotationId: first.id,
        author: 'alice',
        start: first.target.start,
        end: first.target.end,
        quote: 'ByteDance',
        prefix: '',
        suffix: ' agreed to sell TikTok to Oracle for $15…',
      },
      {
        key: 'news/reply.txt',
        title: 'ByteDance replies',
        annotationId: second.id,
        author: 'bob',
        start: second.target.start,
        end: second.target.end,
        quote: 'ByteDance',
        prefix: '',
        suffix: ' said it would answer questions about free…',
      },
    ]);
    expect((await alice.stakeholderProfile({ id: oracle.id })).mentions.map((m) => m.quote)).toEqual([
      'Oracle',
    ]);
  });

  it('counts concerns overlapping a mention or in its paragraph, most frequent first, but not elsewhere', async () => {
    await openProject();
    const api = await clientAs('alice');
    const bytedance = await api.addStakeholder({ name: 'ByteDance', kind: 'company' });
    await tag(api, 'deal.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    const overlapping = await tag(api, 'deal.txt', 'ByteDance agreed', 'free-expression');
    const privacy = await tag(api, 'deal.txt', 'concerns about user data', 'privacy');
    const privacyToo = await tag(api, 'deal.txt', 'Privacy advocates', 'privacy');
    await tag(api, 'deal.txt', 'worried about security', 'security'); // the next paragraph
    await tag(api, 'quiet.txt', 'Security', 'security'); // a document without a mention

    const { concerns } = await api.stakeholderProfile({ id: bytedance.id });
    expect(concerns.map(({ code, count }) => ({ code, count }))).toEqual([
      { code: 'privacy', count: 2 },
      { code: 'free-expression', count: 1 },
    ]);
    expect(concerns[0]!.passages.map((p) => p.annotationId)).toEqual([privacyToo.id, privacy.id]);
    expect(concerns[1]!.passages[0]).toMatchObject({
      key: 'deal.txt',
      title: 'TikTok deal',
      annotationId: overlapping.id,
      quote: 'ByteDance agreed',
    });
  });

  it('finds figures in the same sentence as a mention, with their values, but not in the next sentence', async () => {
    await openProject();
    const api = await clientAs('alice');
    const oracle = await api.addStakeholder({ name: 'Oracle', kind: 'company' });
    await tag(api, 'deal.txt', 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    const price = await tag(api, 'deal.txt', '$15 billion', 'valuation', {
      value: { min: 15e9, max: 15e9, currency: 'USD' },
    });
    await tag(api, 'deal.txt', '100 million users', 'user-count', {
      value: { min: 1e8, max: 1e8, unit: 'users' },
    });

    const { figures } = await api.stakeholderProfile({ id: oracle.id });
    expect(figures).toEqual([
      expect.objectContaining({
        key: 'deal.txt',
        annotationId: price.id,
        code: 'valuation',
        quote: '$15 billion',
        value: { min: 15e9, max: 15e9, currency: 'USD', qualifier: 'exactly' },
        via: 'sentence',
      }),
    ]);
  });

  it('finds figures linked to a mention by a relation, wherever they are in the document', async () => {
    await openProject();
    const api = await clientAs('alice');
    const bytedance = await api.addStakeholder({ name: 'ByteDance', kind: 'company' });
    const mention = await tag(api, 'deal.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    const users = await tag(api, 'deal.txt', '100 million users', 'user-count', {
      value: { min: 1e8, max: 1e8, unit: 'users' },
    });
    await api.createRelation({ key: 'deal.txt', type: 'describes', from: users.id, to: mention.id });

    const { figures } = await api.stakeholderProfile({ id: bytedance.id });
    expect(figures).toEqual([
      expect.objectContaining({ annotationId: users.id, code: 'user-count', via: 'relation' }),
    ]);
  });

  it('keeps every mention after a rename and after a merge, including other annotators’ mentions', async () => {
    await openProject();
    const alice = await clientAs('alice');
    const bytedance = await alice.addStakeholder({ name: 'ByteDance', kind: 'company' });
    const ltd = await alice.addStakeholder({ name: 'Bytedance Ltd', kind: 'company' });
    await tag(alice, 'deal.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    await tag(alice, 'news/reply.txt', 'ByteDance', 'stakeholder', { stakeholderId: ltd.id });
    const bob = await clientAs('bob');
    await tag(bob, 'news/reply.txt', 'ByteDance', 'stakeholder', { stakeholderId: ltd.id }, 1);
    const ids = async (id: string) =>
      (await alice.stakeholderProfile({ id })).mentions.map((m) => m.annotationId).sort();
    const before = [...(await ids(bytedance.id)), ...(await ids(ltd.id))].sort();
    expect(before).toHaveLength(3);

    await alice.updateStakeholder({ id: ltd.id, changes: { name: 'ByteDance Limited' } });
    expect(await ids(ltd.id)).toHaveLength(2);

    await alice.mergeStakeholders({ from: ltd.id, into: bytedance.id });
    expect(await ids(bytedance.id)).toEqual(before);
    expect((await alice.countMentions({}))[bytedance.id]).toBe(3);
    // Bob's file still names the merged id; asking for it leads to the stakeholder it became.
    const merged = await alice.stakeholderProfile({ id: ltd.id });
    expect(merged.stakeholder.id).toBe(bytedance.id);
    expect(merged.mentions).toHaveLength(3);
    // A restart reads the redirect from project.json.
    expect(await ids(bytedance.id)).toEqual(before);
    expect((await (await clientAs('carol')).stakeholderProfile({ id: bytedance.id })).mentions).toHaveLength(
      3,
    );
  });

  it('passes over annotation files whose article is gone', async () => {
    await openProject();
    const api = await clientAs('alice');
    const bytedance = await api.addStakeholder({ name: 'ByteDance', kind: 'company' });
    await tag(api, 'deal.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    await tag(api, 'news/reply.txt', 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    await rm(join(folder!.path, 'news', 'reply.txt'));
    const { mentions } = await api.stakeholderProfile({ id: bytedance.id });
    expect(mentions.map((m) => m.key)).toEqual(['deal.txt']);
  });

  it('says when the stakeholder is not in the register', async () => {
    await openProject();
    const api = await clientAs('alice');
    const error = await api.stakeholderProfile({ id: 'nobody' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'not-found',
      message: 'There is no stakeholder "nobody" in the register',
    });
  });
});
