import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryHtml, queryMarkdown } from '../../../shared/analysis/query-document';
import { annotatorClients } from '../../support/annotator-clients';
import { gloss } from '../../support/gloss-cli';

const TEXT = '😀 The app worries privacy groups. Security is elsewhere.\n\nPrivacy again, with security.\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-query-'));
  await writeFile(join(dir, 'a.txt'), TEXT);
  const clients = annotatorClients(dir);
  const api = await clients.as('alice');
  const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  const tiktok = await api.addStakeholder({ name: 'TikTok', kind: 'company', aliases: ['the app'] });
  await api.createAnnotation({
    key: 'a.txt',
    code: 'stakeholder',
    ...at('The app'),
    stakeholderId: tiktok.id,
  });
  await api.createAnnotation({ key: 'a.txt', code: 'privacy', ...at('worries privacy'), note: 'strong' });
  await api.createAnnotation({ key: 'a.txt', code: 'security', ...at('Security is elsewhere') });
  await api.createAnnotation({ key: 'a.txt', code: 'privacy', ...at('Privacy again') });
  await api.createAnnotation({ key: 'a.txt', code: 'security', ...at('with security') });
  await clients.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gloss query', () => {
  it('retrieves the passages of a code with another near them, offsets in code points, codes by name', async () => {
    const { code, stdout, stderr } = await gloss([
      'query',
      dir,
      '--code',
      'Privacy',
      '--with',
      'security',
      '--by',
      'sentence',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const start = [...TEXT.slice(0, TEXT.indexOf('Privacy again'))].length;
    expect(JSON.parse(stdout).passages).toEqual([
      {
        key: 'a.txt',
        start,
        end: start + 'Privacy again'.length,
        quote: 'Privacy again',
        code: 'Privacy',
        annotator: 'alice',
        sentence: 'Privacy again, with security.',
        title: expect.any(String),
      },
    ]);
  });

  it('finds a stakeholder by an alias, leaves out what is near, and writes CSV', async () => {
    const near = JSON.parse(
      (await gloss(['query', dir, '--code', 'privacy', '--stakeholder', 'THE APP', '--json'])).stdout,
    );
    expect(near.passages.map((p: { quote: string }) => p.quote)).toEqual(['worries privacy']);
    const csv = await gloss([
      'query',
      dir,
      '--code',
      'privacy',
      '--without',
      'Security',
      '--by',
      'sentence',
      '--csv',
    ]);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.quote, r.note])).toEqual([['worries privacy', 'strong']]);
    const unknown = await gloss(['query', dir, '--code', 'privacy', '--stakeholder', 'Nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^gloss: no stakeholder "Nobody" in the register/);
  });

  it('writes the readable report as Markdown or HTML, from the one shared writer', async () => {
    const args = ['query', dir, '--code', 'privacy', '--stakeholder', 'the app', '--annotator', 'alice'];
    const report = JSON.parse((await gloss([...args, '--json'])).stdout);
    const query = {
      codes: ['Privacy'],
      conditions: [{ stakeholder: 'TikTok', rule: 'paragraph' as const }],
      annotator: 'alice',
    };
    const markdown = await gloss([...args, '--markdown']);
    const made = new Date().toISOString().slice(0, 10);
    expect(markdown.stdout).toBe(queryMarkdown(report, query, made));
    expect(markdown.stdout).toContain('in the same paragraph as a mention of TikTok; alice’s work only.');
    const html = await gloss([...args, '--html']);
    expect(html.stdout).toBe(queryHtml(report, query, made));
    expect(html.stdout).toContain('<mark>worries privacy</mark>');
    const both = await gloss([...args, '--html', '--csv']);
    expect(both.code).toBe(2);
  });
});
