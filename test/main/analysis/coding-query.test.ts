import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlossClient } from '../../../shared/api-client';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { rejection } from '../../support/api-rejection';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/** The coding query on a small project whose every annotation the test made, so each answer is known. */
const TEXTS: Record<string, string> = {
  'news/a.txt':
    'TikTok privacy worries grow. Privacy and security are linked here.\n\nA lone privacy note.\n',
  'b.txt': 'Security first, 😀 then privacy by Bob.\n',
};
let project: TempProject;
let clients: AnnotatorClients;
let api: GlossClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  project = await makeTempProject(TEXTS);
  clients = annotatorClients(project.path);
  api = await clients.as('alice');
  const bob = await clients.as('bob');
  const tag = async (
    who: GlossClient,
    name: string,
    key: string,
    quote: string,
    code: string,
    extra = {},
  ) => {
    const start = TEXTS[key]!.indexOf(quote);
    ids[name] = (await who.createAnnotation({ key, code, start, end: start + quote.length, ...extra })).id;
  };
  const tiktok = await api.addStakeholder({ name: 'TikTok', kind: 'company', aliases: ['the app'] });
  ids.tiktok = tiktok.id;
  await tag(api, 'mention', 'news/a.txt', 'TikTok', 'stakeholder', { stakeholderId: tiktok.id });
  await tag(api, 'p1', 'news/a.txt', 'TikTok privacy', 'privacy', { note: 'first' });
  await tag(api, 'p2', 'news/a.txt', 'Privacy and', 'privacy');
  await tag(api, 's1', 'news/a.txt', 'security are linked', 'security');
  await tag(api, 'p3', 'news/a.txt', 'lone privacy', 'privacy');
  await tag(api, 's2', 'b.txt', 'Security first', 'security');
  await tag(bob, 'pb', 'b.txt', 'privacy by Bob', 'privacy');
});
afterAll(async () => {
  await clients.close();
  await project.cleanup();
});

const found = async (request: Parameters<GlossClient['codingQuery']>[0]) =>
  (await api.codingQuery(request)).passages.map(
    (p) => Object.entries(ids).find(([, id]) => id === p.annotationId)![0],
  );

describe('the coding query', () => {
  it('retrieves every passage of a code, or of any code under a group', async () => {
    expect(await found({ codes: ['privacy'] })).toEqual(['pb', 'p1', 'p2', 'p3']);
    expect(await found({ codes: ['concerns'] })).toEqual(['s2', 'pb', 'p1', 'p2', 's1', 'p3']);
    expect(await found({ codes: ['privacy', 'security'] })).toEqual(['s2', 'pb', 'p1', 'p2', 's1', 'p3']);
  });

  it('with another code near it, by sentence, paragraph or overlap, or without it', async () => {
    const security = (rule: 'overlap' | 'sentence' | 'paragraph', not = false) =>
      found({ codes: ['privacy'], conditions: [{ code: 'security', rule, not }] });
    expect(await security('sentence')).toEqual(['pb', 'p2']);
    expect(await security('paragraph')).toEqual(['pb', 'p1', 'p2']);
    expect(await security('overlap')).toEqual([]);
    expect(await security('sentence', true)).toEqual(['p1', 'p3']);
  });

  it('near a stakeholder’s mention, by one annotator, in a folder', async () => {
    expect(
      await found({ codes: ['privacy'], conditions: [{ stakeholderId: ids.tiktok!, rule: 'overlap' }] }),
    ).toEqual(['p1']);
    expect(await found({ codes: ['privacy'], annotator: 'bob' })).toEqual(['pb']);
    expect(await found({ codes: ['concerns'], folder: 'news/' })).toEqual(['p1', 'p2', 's1', 'p3']);
    // Plain-text articles carry no publication date: a date range leaves them out.
    expect(await found({ codes: ['privacy'], from: '2020-01-01' })).toEqual([]);
  });

  it('places a document at the date a researcher set on it, for the date limits and each passage', async () => {
    await api.setDocumentDate({ key: 'b.txt', date: '2021-03-04' });
    try {
      expect(await found({ codes: ['privacy'], from: '2020-01-01' })).toEqual(['pb']);
      expect(await found({ codes: ['privacy'], from: '2021-03-05' })).toEqual([]);
      expect(await found({ codes: ['privacy'], to: '2021-03' })).toEqual(['pb']);
      const { passages } = await api.codingQuery({ codes: ['privacy'] });
      expect(passages.map((p) => [p.key, p.date])).toEqual([
        ['b.txt', '2021-03-04'],
        ['news/a.txt', undefined],
        ['news/a.txt', undefined],
        ['news/a.txt', undefined],
      ]);
    } finally {
      await api.setDocumentDate({ key: 'b.txt', date: null });
    }
    expect(await found({ codes: ['privacy'], from: '2020-01-01' })).toEqual([]);
  });

  it('shows each passage with its sentence, note, document and annotator', async () => {
    const first = (await api.codingQuery({ codes: ['privacy'] })).passages.find(
      (p) => p.key === 'news/a.txt',
    );
    expect(first).toMatchObject({
      key: 'news/a.txt',
      quote: 'TikTok privacy',
      code: 'privacy',
      author: 'alice',
      note: 'first',
      sentence: 'TikTok privacy worries grow.',
    });
    const bobs = (await api.codingQuery({ codes: ['privacy'], annotator: 'bob' })).passages[0]!;
    expect(bobs.sentence).toBe('Security first, 😀 then privacy by Bob.');
    expect(TEXTS['b.txt']!.slice(bobs.start, bobs.end)).toBe('privacy by Bob');
  });

  it('refuses a condition naming both a code and a stakeholder, or neither', async () => {
    const error = await rejection(api.codingQuery({ codes: ['privacy'], conditions: [{ rule: 'overlap' }] }));
    expect(error.message).toMatch(/a condition names a code or a stakeholder, one of the two/);
  });
});
