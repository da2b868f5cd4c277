import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gloss } from '../../support/gloss-cli';

const TEXT =
  '😀 Café news: 👩‍👩‍👧 Security first.\n\nThe cyber-security of TikTok, "quoted", security’s price.\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-cli-search-'));
  await writeFile(join(dir, 'emoji.txt'), TEXT);
  await writeFile(join(dir, 'plain.txt'), 'Plain\n\nNothing to find here.\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Where `word` occurs in TEXT, counted in code points as Python counts them. */
function codePointHits(word: RegExp): { start: number; end: number }[] {
  return [...TEXT.matchAll(word)].map((m) => {
    const start = [...TEXT.slice(0, m.index)].length;
    return { start, end: start + [...m[0]].length };
  });
}

describe('gloss search', () => {
  it('prints every hit as JSON, offsets in code points, and writes nothing into the folder', async () => {
    const { code, stdout, stderr } = await gloss(['search', dir, 'security', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['query', 'total', 'hits']);
    expect(report.query).toBe('security');
    expect(report.total).toBe(3);
    expect(report.hits.map((h: { start: number; end: number }) => ({ start: h.start, end: h.end }))).toEqual(
      codePointHits(/security/gi),
    );
    const [first] = report.hits;
    // Sixty UTF-16 code units each side, white space as single spaces.
    const end = TEXT.indexOf('Security') + 'Security'.length;
    expect(first).toMatchObject({
      key: 'emoji.txt',
      text: 'Security',
      right: TEXT.slice(end, end + 60).replace(/\s+/g, ' '),
    });
    expect(first.left).toBe('😀 Café news: 👩‍👩‍👧 ');
    expect((await readdir(dir)).sort()).toEqual(['emoji.txt', 'plain.txt']);
  });

  it('prints a concordance, or CSV for a spreadsheet', async () => {
    const text = await gloss(['search', dir, 'cyber*']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^emoji\.txt:\d+ +.*The \[cyber\]-security of TikTok/m);
    expect(text.stdout.trim().split('\n').at(-1)).toBe('1 hit for cyber*');
    const csv = await gloss(['search', dir, '/"[a-z]+"/', '--csv']);
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        key: 'emoji.txt',
        start: String(codePointHits(/"quoted"/g)[0]!.start),
        end: String(codePointHits(/"quoted"/g)[0]!.end),
        left: TEXT.slice(TEXT.indexOf('"quoted"') - 60, TEXT.indexOf('"quoted"')).replace(/\s+/g, ' '),
        text: '"quoted"',
        right: ', security’s price. ',
      },
    ]);
  });

  it('says what is wrong with a query or a call', async () => {
    const bad = await gloss(['search', dir, '/(/']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^gloss: \/\(\/ is not a regular expression: /);
    const usage = await gloss(['search', dir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^gloss: give a folder of articles and what to search for/);
    expect(await readFile(join(dir, 'plain.txt'), 'utf8')).toBe('Plain\n\nNothing to find here.\n');
  });
});
