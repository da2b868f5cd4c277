import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotatorClients } from '../../support/annotator-clients';
import { gloss } from '../../support/gloss-cli';

/**
 * `gloss agreement` on a folder two annotators coded: the documented JSON shape with codes by
 * name, the CSV, the filters, and nothing written into the folder.
 */
const TEXT = 'Café owners 😀 fear for privacy. Security officials warn about TikTok and data.\n';
let dir: string;
const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-agreement-'));
  await writeFile(join(dir, 'a.txt'), TEXT);
  await writeFile(join(dir, 'b.txt'), TEXT);
  const clients = annotatorClients(dir);
  const alice = await clients.as('alice');
  const bob = await clients.as('bob');
  await alice.createAnnotation({ key: 'a.txt', code: 'privacy', ...at('fear for privacy') });
  await bob.createAnnotation({ key: 'a.txt', code: 'privacy', ...at('fear for privacy') });
  await alice.createAnnotation({ key: 'a.txt', code: 'security', ...at('Security officials') });
  await bob.createAnnotation({ key: 'a.txt', code: 'security', ...at('Security officials warn') });
  await alice.createAnnotation({ key: 'b.txt', code: 'privacy', ...at('data') });
  await bob.createAnnotation({ key: 'b.txt', code: 'security', ...at('data') });
  await alice.setDocumentStatus({ key: 'a.txt', status: 'done' });
  await bob.setDocumentStatus({ key: 'a.txt', status: 'done' });
  await clients.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const MEASURES = ['f1', 'kappa', 'alpha', 'tokenKappa', 'tokenAlpha', 'alphaU'];

describe('gloss agreement', () => {
  it('prints the pairs and the codes by name as JSON, and writes nothing', async () => {
    const before = await readdir(join(dir, '.gloss'), { recursive: true });
    const result = await gloss(['agreement', dir, '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ annotators: ['alice', 'bob'], documents: 2, doneOnly: false });
    expect(report.pairs).toHaveLength(1);
    const [pair] = report.pairs;
    expect(pair).toMatchObject({ a: 'alice', b: 'bob', documents: 2 });
    expect(Object.keys(pair.codes).sort()).toEqual(['Privacy', 'Security']);
    for (const measures of [...Object.values(pair.codes), pair.overall]) {
      expect(Object.keys(measures as object).sort()).toEqual([...MEASURES].sort());
    }
    // Privacy: one passage the same, one only alice's (b.txt "data", which bob coded Security).
    expect(pair.codes.Privacy.f1).toBeCloseTo((2 * 1) / (2 + 1), 9);
    expect(pair.codes.Security.f1).toBe(0);
    expect(Object.keys(report.codes).sort()).toEqual(['Privacy', 'Security']);
    expect(Object.keys(report.codes.Privacy).sort()).toEqual(['alpha', 'alphaU', 'fleissKappa']);
    expect(await readdir(join(dir, '.gloss'), { recursive: true })).toEqual(before);
  });

  it('counts only documents both marked done, one code, as CSV and as a table', async () => {
    const done = JSON.parse(
      (await gloss(['agreement', dir, '--done-only', '--codes', 'privacy', '--json'])).stdout,
    );
    expect(done.pairs[0].documents).toBe(1);
    expect(Object.keys(done.pairs[0].codes)).toEqual(['Privacy']);
    // The same passage, the same code: full agreement on a.txt.
    expect(done.pairs[0].codes.Privacy).toEqual({
      f1: 1,
      kappa: 1,
      alpha: 1,
      tokenKappa: 1,
      tokenAlpha: 1,
      alphaU: 1,
    });

    const csv = parse((await gloss(['agreement', dir, '--csv'])).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(csv[0]!)).toEqual([
      'a',
      'b',
      'code',
      'documents',
      'f1',
      'kappa',
      'alpha',
      'tokenKappa',
      'tokenAlpha',
      'alphaU',
      'fleissKappa',
    ]);
    expect(csv.map((row) => row.code)).toEqual(['Privacy', 'Security', '(all codes)']);
    expect(Number(csv[0]!.f1)).toBeCloseTo(2 / 3, 9);

    const table = await gloss(['agreement', dir]);
    expect(table.stdout).toContain('alice and bob: 2 documents both have annotations in');
    expect(table.stdout).toMatch(/Privacy\s+0\.667/);
  });

  it('refuses a code the codebook lacks and a single annotator, with the usage', async () => {
    const code = await gloss(['agreement', dir, '--codes', 'nonsense']);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('no code "nonsense" in the codebook');
    const one = await gloss(['agreement', dir, '--annotators', 'alice']);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--annotators names two annotators or more');
  });
});
