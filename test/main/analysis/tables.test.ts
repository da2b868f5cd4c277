import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossClient } from '../../../shared/api-client';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/** Code frequencies and the figures table on a small project whose every annotation the test made. */
const TEXTS: Record<string, string> = {
  'news/a.txt': 'TikTok was valued at $15-30 billion. Privacy groups worry. Microsoft bid $10 billion.\n',
  'news/b.txt': 'ByteDance has 80 million users in the United States. Security is the issue.\n',
  'c.txt': 'A note with nothing coded.\n',
};

let project: TempProject;
let clients: AnnotatorClients;
let alice: GlossClient;

async function tag(api: GlossClient, key: string, quote: string, code: string, extra: object = {}) {
  const start = TEXTS[key]!.indexOf(quote);
  return api.createAnnotation({ key, code, start, end: start + quote.length, ...extra });
}

let tiktokId = '';
let microsoftId = '';
beforeAll(async () => {
  project = await makeTempProject(TEXTS);
  clients = annotatorClients(project.path);
  alice = await clients.as('alice');
  const bob = await clients.as('bob');
  tiktokId = (await alice.addStakeholder({ name: 'TikTok', kind: 'company' })).id;
  microsoftId = (await alice.addStakeholder({ name: 'Microsoft', kind: 'company' })).id;
  const tiktok = await tag(alice, 'news/a.txt', 'TikTok', 'stakeholder', { stakeholderId: tiktokId });
  const microsoft = await tag(alice, 'news/a.txt', 'Microsoft', 'stakeholder', {
    stakeholderId: microsoftId,
  });
  const valuation = await tag(alice, 'news/a.txt', '$15-30 billion', 'valuation', {
    value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' },
  });
  const bid = await tag(alice, 'news/a.txt', '$10 billion', 'money', {
    value: { min: 10e9, max: 10e9, currency: 'USD', qualifier: 'exactly' },
  });
  await alice.createRelation({ key: 'news/a.txt', type: 'describes', from: valuation.id, to: tiktok.id });
  // The other way round: the mention describes the figure; still the figure's stakeholder.
  await alice.createRelation({ key: 'news/a.txt', type: 'describes', from: microsoft.id, to: bid.id });
  await tag(alice, 'news/a.txt', 'Privacy groups worry', 'privacy');
  await tag(alice, 'news/b.txt', '80 million', 'user-count', {
    value: { min: 80e6, max: 80e6, unit: 'users', qualifier: 'exactly' },
  });
  await tag(bob, 'news/b.txt', 'Security is the issue', 'security');
  await tag(bob, 'news/b.txt', 'the issue', 'privacy');
});
afterAll(async () => {
  await clients.close();
  await project.cleanup();
});

describe('code frequencies', () => {
  it('counts each code, its group with it, per document and per folder, and what is left to code', async () => {
    const f = await alice.codeFrequencies({});
    const code = (id: string) => f.codes.find((c) => c.id === id)!;
    expect(code('privacy')).toMatchObject({ total: 2, documents: 2 });
    expect(code('security')).toMatchObject({ total: 1, documents: 1 });
    expect(code('concerns')).toMatchObject({ total: 3, documents: 2 });
    expect(code('figures')).toMatchObject({ total: 3, documents: 2 });
    expect(code('stakeholders')).toMatchObject({ total: 2, documents: 1 });
    expect(f.documents).toEqual([
      { key: 'news/a.txt', counts: { stakeholder: 2, valuation: 1, money: 1, privacy: 1 } },
      { key: 'news/b.txt', counts: { 'user-count': 1, security: 1, privacy: 1 } },
    ]);
    expect(f.folders).toContainEqual({
      folder: 'news/',
      counts: { stakeholder: 2, valuation: 1, money: 1, privacy: 2, 'user-count': 1, security: 1 },
    });
    expect(f.folders).toContainEqual({ folder: '', counts: {} });
    expect(f.withoutGroup).toContainEqual({ groupId: 'stakeholders', keys: ['c.txt', 'news/b.txt'] });
    expect(f.withoutGroup).toContainEqual({ groupId: 'concerns', keys: ['c.txt'] });
  });

  it('counts one annotator’s work alone when asked', async () => {
    const f = await alice.codeFrequencies({ annotator: 'bob' });
    expect(f.documents).toEqual([{ key: 'news/b.txt', counts: { security: 1, privacy: 1 } }]);
  });
});

describe('the figures table', () => {
  it('lists every figure with its value and the stakeholder a relation gives it, and totals ranges by currency and unit', async () => {
    const t = await alice.figuresTable({});
    expect(t.figures.map((f) => [f.key, f.quote, f.code, f.stakeholderId ?? null])).toEqual([
      ['news/a.txt', '$15-30 billion', 'valuation', tiktokId],
      ['news/a.txt', '$10 billion', 'money', microsoftId],
      ['news/b.txt', '80 million', 'user-count', null],
    ]);
    expect(t.figures[0]!.value).toMatchObject({ min: 15e9, max: 30e9, currency: 'USD' });
    expect(t.figures[0]!.title).toBeTruthy();
    expect(t.totals).toEqual(
      expect.arrayContaining([
        { currency: 'USD', count: 2, min: 25e9, max: 40e9 },
        { unit: 'users', count: 1, min: 80e6, max: 80e6 },
        { stakeholderId: tiktokId, currency: 'USD', count: 1, min: 15e9, max: 30e9 },
        { stakeholderId: microsoftId, currency: 'USD', count: 1, min: 10e9, max: 10e9 },
      ]),
    );
    expect(t.totals).toHaveLength(4);
  });

  it('dates each figure by its document: the date set on it in Gloss', async () => {
    expect((await alice.figuresTable({})).figures.map((f) => f.date)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await alice.setDocumentDate({ key: 'news/b.txt', date: '2020-08-03' });
    try {
      const dated = await alice.figuresTable({});
      expect(dated.figures.map((f) => [f.key, f.date ?? null])).toEqual([
        ['news/a.txt', null],
        ['news/a.txt', null],
        ['news/b.txt', '2020-08-03'],
      ]);
    } finally {
      await alice.setDocumentDate({ key: 'news/b.txt', date: null });
    }
  });
});
