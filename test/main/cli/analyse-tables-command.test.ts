import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotatorClients } from '../../support/annotator-clients';
import { gloss } from '../../support/gloss-cli';

const TEXT = '😀 TikTok was valued at $15-30 billion. Privacy groups worry.\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-tables-'));
  await writeFile(join(dir, 'a.txt'), TEXT);
  const clients = annotatorClients(dir);
  const api = await clients.as('alice');
  const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  const tiktok = await api.addStakeholder({ name: 'TikTok', kind: 'company' });
  const mention = await api.createAnnotation({
    key: 'a.txt',
    code: 'stakeholder',
    ...at('TikTok'),
    stakeholderId: tiktok.id,
  });
  const figure = await api.createAnnotation({
    key: 'a.txt',
    code: 'valuation',
    ...at('$15-30 billion'),
    value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly', measures: 'valuation' },
  });
  await api.createRelation({ key: 'a.txt', type: 'describes', from: figure.id, to: mention.id });
  await api.createAnnotation({ key: 'a.txt', code: 'privacy', ...at('Privacy groups worry') });
  await clients.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gloss analyse --figures and --frequencies', () => {
  it('prints every figure with its value and stakeholder, offsets in code points', async () => {
    const { code, stdout, stderr } = await gloss(['analyse', dir, '--figures', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const start = [...TEXT.slice(0, TEXT.indexOf('$15'))].length;
    expect(JSON.parse(stdout)).toEqual({
      figures: [
        {
          key: 'a.txt',
          start,
          end: start + '$15-30 billion'.length,
          quote: '$15-30 billion',
          code: 'Valuation',
          min: 15e9,
          max: 30e9,
          currency: 'USD',
          qualifier: 'exactly',
          measures: 'valuation',
          stakeholder: 'TikTok',
          title: expect.any(String),
        },
      ],
    });
    const csv = await gloss(['analyse', dir, '--figures', '--csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.start, r.quote, r.currency, r.stakeholder])).toEqual([
      [String(start), '$15-30 billion', 'USD', 'TikTok'],
    ]);
  });

  it('prints how often each code is used, by name', async () => {
    const report = JSON.parse((await gloss(['analyse', dir, '--frequencies', '--json'])).stdout);
    expect(report.codes).toContainEqual({ code: 'Privacy', group: 'Concerns', total: 1, documents: 1 });
    expect(report.codes).toContainEqual({ code: 'Concerns', group: null, total: 1, documents: 1 });
    // A group counts with its codes, in each document as in all.
    expect(report.documents).toEqual([
      {
        key: 'a.txt',
        counts: { Stakeholders: 1, Stakeholder: 1, Concerns: 1, Privacy: 1, Figures: 1, Valuation: 1 },
      },
    ]);
    const csv = parse((await gloss(['analyse', dir, '--frequencies', '--csv'])).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(csv).toContainEqual({
      scope: 'document',
      name: 'a.txt',
      code: 'Privacy',
      group: 'Concerns',
      count: '1',
      documents: '',
    });
    const table = await gloss(['analyse', dir, '--frequencies']);
    expect(table.stdout).toMatch(/^ {2}Privacy +1 in 1 document$/m);
    const both = await gloss(['analyse', dir, '--figures', '--frequencies']);
    expect(both.code).toBe(2);
  });
});
