import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotatorClients } from '../../support/annotator-clients';
import { CORPUS } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

/** Three BBC articles: one dated by its page, one by a date set in Gloss, one with no date. */
const ARTICLES = ['business/001.txt', 'tech/001.txt', 'politics/001.txt'];
let dir: string;

function page(text: string, published: string): string {
  const [title, ...rest] = text.split('\n');
  return `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="${published}"></head><body><article><h1>${title}</h1>${rest
    .filter((line) => line.trim())
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')}</article></body></html>`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-timeline-'));
  const [business, tech, politics] = await Promise.all(
    ARTICLES.map((key) => readFile(join(CORPUS, 'news-txt', key), 'utf8')),
  );
  await writeFile(join(dir, 'business.html'), page(business!, '2005-02-27T23:00:00-08:00'));
  await writeFile(join(dir, 'tech.txt'), tech!);
  await writeFile(join(dir, 'politics.txt'), politics!);
  const clients = annotatorClients(dir);
  const alice = await clients.as('alice');
  const bob = await clients.as('bob');
  const tag = async (api: typeof alice, key: string, code: string, times: number) => {
    const { text } = await api.getDocument({ key });
    const words = [...text.matchAll(/\p{L}{4,}/gu)].slice(0, times);
    for (const w of words)
      await api.createAnnotation({ key, code, start: w.index, end: w.index + w[0].length });
  };
  await tag(alice, 'business.html', 'privacy', 3);
  await tag(bob, 'business.html', 'security', 1);
  await tag(alice, 'tech.txt', 'privacy', 2);
  await alice.setDocumentDate({ key: 'tech.txt', date: '2005-03-02' });
  await tag(bob, 'politics.txt', 'security', 4);
  await clients.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gloss analyse --timeline', () => {
  it('prints annotations per code per month, periods as tables write them, undated apart', async () => {
    const { code, stdout, stderr } = await gloss(['analyse', dir, '--timeline', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      interval: 'month',
      periods: ['2005-02', '2005-03'],
      cells: [
        { period: '2005-02', code: 'Security', count: 1 },
        { period: '2005-02', code: 'Privacy', count: 3 },
        { period: '2005-03', code: 'Privacy', count: 2 },
      ],
      undated: { documents: 1, counts: { Security: 4 } },
    });
  });

  it('counts per day or per ISO week with --by, one annotator with --annotator, as CSV too', async () => {
    const days = JSON.parse((await gloss(['analyse', dir, '--timeline', '--by', 'day', '--json'])).stdout);
    // The page's own day, not UTC's (2005-02-28).
    expect(days.periods.at(0)).toBe('2005-02-27');
    expect(days.periods).toHaveLength(4);
    const { stdout } = await gloss([
      'analyse',
      dir,
      '--timeline',
      '--by',
      'week',
      '--annotator',
      'bob',
      '--csv',
    ]);
    expect(parse(stdout, { columns: true })).toEqual([
      { period: '2005-W08', code: 'Security', count: '1' },
      { period: '', code: 'Security', count: '4' },
    ]);
  });

  it('prints a table for people, and refuses an interval it does not know', async () => {
    const { stdout } = await gloss(['analyse', dir, '--timeline', '--by', 'year']);
    expect(stdout).toMatch(/^year\s+Security\s+Privacy\n2005\s+1\s+5\nno date\s+4\s+0\n/);
    const refused = await gloss(['analyse', dir, '--timeline', '--by', 'fortnight']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--by with --timeline takes day, week, month, year, not "fortnight"');
  });
});
