import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * The timeline on real BBC articles, dated three ways: by their page's publication time (HTML
 * pages made from the articles, in the forms pages write it), by a date an annotator set, or not
 * at all; tagged by two annotators. Every count is checked against one made the simple way, from
 * each document as the reader opens it and dates worked out here by hand.
 */
const CODES = ['stakeholder', 'security', 'privacy', 'free-expression', 'valuation', 'money'];
const PUBLISHED = [
  '2004-12-31T23:30:00-05:00', // the page's own day, not UTC's (2005-01-01)
  '2005-01-03 09:53:00 -0400',
  '2005-02-28T10:00:00.000Z',
  '2005-03-01',
  'Sun, 06 Mar 2005 10:00:00 GMT',
  'sometime in March', // no day: undated unless someone sets one
];
const PUBLISHED_DAY = ['2004-12-31', '2005-01-03', '2005-02-28', '2005-03-01', '2005-03-06', undefined];
const SET_DAYS = ['2004-06-30', '2005-01-01', '2005-01-02', '2005-12-31', '2006-01-01', '2008-02-29'];

let project: TempProject;
let clients: AnnotatorClients;
let alice: GlossClient;
let bob: GlossClient;
/** Each document's date as alice should see it: hers, else bob's, else the page's. */
const expectedDate = new Map<string, string | undefined>();
/** And as bob should: his own first. */
const bobsDate = new Map<string, string | undefined>();

function htmlPage(title: string, body: string, published: string): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${published}"></head><body><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

beforeAll(async () => {
  const random = new SeededRandom(2005);
  const files: Record<string, string> = {};
  const plan: { key: string; published?: number; alice?: string; bob?: string }[] = [];
  for (const section of ['business', 'politics', 'tech']) {
    for (const name of (await readdir(join(CORPUS, 'news-txt', section))).sort().slice(0, 12)) {
      const text = await readFile(join(CORPUS, 'news-txt', section, name), 'utf8');
      // Each form of publication time once on its own, then by chance.
      const own = plan.length < PUBLISHED.length;
      if (own || random.int(0, 3) === 0) {
        const published = own ? plan.length : random.int(0, PUBLISHED.length - 1);
        const [title = '', ...rest] = text.split('\n');
        const key = `${section}/${name.replace('.txt', '.html')}`;
        files[key] = htmlPage(title, rest.join('\n'), PUBLISHED[published]!);
        plan.push({ key, published });
      } else {
        files[`${section}/${name}`] = text;
        plan.push({ key: `${section}/${name}` });
      }
      const entry = plan.at(-1)!;
      if (own) continue;
      if (random.chance(0.35)) entry.alice = random.pick(SET_DAYS);
      if (random.chance(0.35)) entry.bob = random.pick(SET_DAYS);
    }
  }
  project = await makeTempProject(files);
  clients = annotatorClients(project.path);
  alice = await clients.as('alice');
  bob = await clients.as('bob');
  for (const entry of plan) {
    for (const [who, api] of [
      ['alice', alice],
      ['bob', bob],
    ] as const) {
      const { text } = await api.getDocument({ key: entry.key });
      const words = [...text.matchAll(/\p{L}+/gu)];
      const tags = random.int(0, 8);
      for (let i = 0; i < tags; i++) {
        const word = random.pick(words);
        await api.createAnnotation({
          key: entry.key,
          code: random.pick(CODES),
          start: word.index,
          end: word.index + word[0].length,
        });
      }
      if (entry[who]) await api.setDocumentDate({ key: entry.key, date: entry[who] });
    }
    expectedDate.set(
      entry.key,
      entry.alice ??
        entry.bob ??
        (entry.published === undefined ? undefined : PUBLISHED_DAY[entry.published]),
    );
    bobsDate.set(entry.key, entry.bob ?? entry.alice ?? expectedDate.get(entry.key));
  }
  // One date set and then cleared counts as never set.
  const cleared = plan.find((e) => !e.alice)!;
  await alice.setDocumentDate({ key: cleared.key, date: '1999-09-09' });
  await alice.setDocumentDate({ key: cleared.key, date: null });
}, 120_000);
afterAll(async () => {
  await clients.close();
  await project.cleanup();
});

/** A week's Monday, the simple way: step back a day at a time. */
function monday(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function bruteStart(day: string, interval: Timeline['interval']): string {
  if (interval === 'day') return day;
  if (interval === 'week') return monday(day);
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  return `${day.slice(0, 4)}-01-01`;
}

/** period start → code → count, from every document opened as the reader opens it. */
async function bruteForce(interval: Timeline['interval'], annotator?: string) {
  const cells = new Map<string, Map<string, number>>();
  const undated: Record<string, number> = {};
  const { documents } = await alice.listDocuments({});
  for (const { key } of documents) {
    const { annotations } = await alice.openDocument({ key });
    const counted = annotations.filter((a) => !annotator || a.author === annotator);
    const day = expectedDate.get(key);
    for (const a of counted) {
      if (!day) {
        undated[a.code] = (undated[a.code] ?? 0) + 1;
        continue;
      }
      const row = cells.get(bruteStart(day, interval)) ?? new Map<string, number>();
      row.set(a.code, (row.get(a.code) ?? 0) + 1);
      cells.set(bruteStart(day, interval), row);
    }
  }
  return { cells, undated };
}

describe('the documents’ dates', () => {
  it('are the annotator’s own, else a colleague’s, else the page’s day', async () => {
    const { documents } = await alice.listDocuments({});
    expect(documents).toHaveLength(expectedDate.size);
    for (const d of documents) expect([d.key, d.date]).toEqual([d.key, expectedDate.get(d.key)]);
    const bobs = (await bob.listDocuments({})).documents;
    expect(bobs.filter((d) => d.date !== expectedDate.get(d.key)).length).toBeGreaterThan(0);
    for (const d of bobs) expect([d.key, d.date]).toEqual([d.key, bobsDate.get(d.key)]);
    // The same in the document as opened, and who set it.
    const set = documents.find((d) => d.dateSetBy === 'bob')!;
    expect(await alice.getDocument({ key: set.key })).toMatchObject({ date: set.date, dateSetBy: 'bob' });
    expect(documents.filter((d) => d.date && !d.dateSetBy).map((d) => d.date)).toEqual(
      expect.arrayContaining(PUBLISHED_DAY.filter(Boolean)),
    );
    expect(documents.some((d) => !d.date)).toBe(true);
  });

  it('refuses a day that is not one, saying why', async () => {
    const key = [...expectedDate.keys()][0]!;
    for (const [date, why] of [
      ['2005-02-29', 'has no day 29'],
      ['2005-13-01', 'no month 13'],
      ['1/3/2005', 'YYYY-MM-DD'],
      ['2005-01-03T10:00', 'YYYY-MM-DD'],
    ]) {
      await expect(alice.setDocumentDate({ key, date: date! })).rejects.toThrow(why);
    }
    expect((await alice.getDocument({ key })).date).toBe(expectedDate.get(key));
  });
});

describe('the timeline', () => {
  for (const interval of ['day', 'week', 'month', 'year'] as const) {
    it(`counts each code per ${interval} as the simple count does`, async () => {
      const timeline = await alice.timeline({ interval });
      const { cells, undated } = await bruteForce(interval);
      const got = new Map<string, Map<string, number>>();
      for (const c of timeline.cells) {
        const row = got.get(c.period) ?? new Map<string, number>();
        row.set(c.code, c.count);
        got.set(c.period, row);
      }
      expect(got).toEqual(cells);
      expect(timeline.undated.counts).toEqual(undated);
      // Periods run without a gap from the first date to the last, each a new one.
      const starts = timeline.periods.map((p) => p.start);
      expect(starts[0]).toBe(bruteStart('2004-06-30', interval));
      expect(starts.at(-1)).toBe(bruteStart('2008-02-29', interval));
      expect(new Set(starts).size).toBe(starts.length);
      expect([...starts].sort()).toEqual(starts);
      const total = timeline.cells.reduce((n, c) => n + c.count, 0);
      expect(timeline.dated.annotations).toBe(total);
    });
  }

  it('counts one annotator’s work alone, and names periods as tables write them', async () => {
    const timeline = await alice.timeline({ interval: 'week', annotator: 'bob' });
    expect(timeline.authors).toEqual(['alice', 'bob']);
    const { cells, undated } = await bruteForce('week', 'bob');
    expect(timeline.undated.counts).toEqual(undated);
    for (const c of timeline.cells) expect(cells.get(c.period)?.get(c.code)).toBe(c.count);
    const week = timeline.periods.find((p) => p.start === '2005-01-03');
    expect(week?.label).toBe('2005-W01');
    expect(timeline.periods.find((p) => p.start === '2004-12-27')?.label).toBe('2004-W53');
    const months = await alice.timeline({ interval: 'month' });
    expect(months.periods.map((p) => p.label)).toContain('2005-02');
  });
});
