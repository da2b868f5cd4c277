import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotatorClients } from '../../support/annotator-clients';
import { gloss } from '../../support/gloss-cli';

const TEXT =
  'TikTok 😀 worries privacy groups. Microsoft says little.\n\nSecurity officials warn about TikTok.\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-analyse-'));
  await writeFile(join(dir, 'a.txt'), TEXT);
  const clients = annotatorClients(dir);
  const api = await clients.as('alice');
  const tag = async (quote: string, code: string, stakeholderId?: string, from = 0) => {
    const start = TEXT.indexOf(quote, from);
    await api.createAnnotation({ key: 'a.txt', code, start, end: start + quote.length, stakeholderId });
  };
  const tiktok = await api.addStakeholder({ name: 'TikTok', kind: 'company' });
  const microsoft = await api.addStakeholder({ name: 'Microsoft', kind: 'company' });
  await tag('TikTok', 'stakeholder', tiktok.id);
  await tag('TikTok', 'stakeholder', tiktok.id, TEXT.indexOf('warn'));
  await tag('Microsoft', 'stakeholder', microsoft.id);
  await tag('TikTok 😀 worries privacy', 'privacy');
  await tag('Security officials', 'security');
  await clients.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('gloss analyse --cooccurrence', () => {
  it('prints the matrix by the rule asked, as JSON with names, and writes nothing', async () => {
    const before = await readdir(join(dir, '.gloss'), { recursive: true });
    const sentence = await gloss(['analyse', dir, '--cooccurrence', '--by', 'sentence', '--json']);
    expect(sentence.stderr).toBe('');
    expect(JSON.parse(sentence.stdout)).toEqual({
      by: 'sentence',
      cells: [
        { stakeholder: 'TikTok', code: 'Security', count: 1 },
        { stakeholder: 'TikTok', code: 'Privacy', count: 1 },
      ],
    });
    const paragraph = JSON.parse((await gloss(['analyse', dir, '--cooccurrence', '--json'])).stdout);
    expect(paragraph.by).toBe('paragraph');
    expect(paragraph.cells).toContainEqual({ stakeholder: 'Microsoft', code: 'Privacy', count: 1 });
    expect(await readdir(join(dir, '.gloss'), { recursive: true })).toEqual(before);
  });

  it('prints a table or CSV, and says what is wrong with a call', async () => {
    const table = await gloss(['analyse', dir, '--cooccurrence', '--by', 'overlap']);
    expect(table.stdout).toMatch(/^stakeholder +Privacy\nTikTok +1\n/);
    const csv = await gloss(['analyse', dir, '--cooccurrence', '--csv']);
    expect(parse(csv.stdout, { columns: true })).toContainEqual({
      stakeholder: 'TikTok',
      code: 'Security',
      count: '1',
    });
    const bad = await gloss(['analyse', dir, '--cooccurrence', '--by', 'word']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gloss: --by takes overlap, sentence, paragraph, not "word"/);
  });
});
