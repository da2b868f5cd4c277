import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { REPO } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

let scratch: string;
let project: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gloss-cli-exchange-'));
  project = join(scratch, 'project');
  await cp(join(REPO, 'assets/sample-project'), project, { recursive: true });
  const service = createGlossService({ annotator: 'alice' });
  await service.open(project);
  const key = 'tiktok-microsoft.txt';
  const { suggestions } = await service.listSuggestions({ key });
  await service.acceptSuggestions({
    key,
    ids: suggestions.filter((s) => s.kind !== 'candidate').map((s) => s.id),
  });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('gloss export and gloss import', () => {
  it('exports brat outside the project and imports it into another, saying what it did', async () => {
    const out = join(scratch, 'brat');
    const exported = await gloss(['export', project, '--format', 'brat', '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(
      /^Exported 1 document and \d+ annotations as brat \(offsets: code points\)/,
    );
    expect((await readdir(out)).sort()).toEqual(
      expect.arrayContaining(['annotation.conf', 'tiktok-microsoft.ann', 'tiktok-microsoft.txt']),
    );
    const other = join(scratch, 'other');
    await mkdir(other);
    const imported = await gloss(['import', other, '--format', 'brat', out, '--into', 'from-brat']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported \d+ annotations and 0 relations: 1 new article, 0 existing articles annotated/,
    );
    expect(await readdir(join(other, 'from-brat'))).toEqual(['tiktok-microsoft.txt']);
  });

  it("puts a colleague's annotations on the same articles, once, and lists an article whose text differs", async () => {
    const out = join(scratch, 'colleague.jsonl');
    await gloss(['export', project, '--format', 'jsonl', '--out', out]);
    const mine = join(scratch, 'mine');
    await mkdir(mine);
    // The same article, saved on Windows: a byte-order mark and CRLF line endings.
    const text = await readFile(join(project, 'tiktok-microsoft.txt'), 'utf8');
    const saved = `\ufeff${text.replace(/\n/g, '\r\n')}`;
    await writeFile(join(mine, 'tiktok-microsoft.txt'), saved);

    const first = await gloss(['import', mine, '--format', 'jsonl', out, '--into', '']);
    expect(first.stderr).toBe('');
    const added = Number(/^Imported (\d+) annotations/.exec(first.stdout)?.[1]);
    expect(added).toBeGreaterThan(0);
    expect(first.stdout).toMatch(/: 0 new articles, 1 existing article annotated\n/);
    expect(await readFile(join(mine, 'tiktok-microsoft.txt'), 'utf8')).toBe(saved);
    expect(await readdir(join(mine, '.gloss/annotations'))).toEqual(['tiktok-microsoft.txt']);
    expect((await readdir(join(mine, '.gloss/annotations/tiktok-microsoft.txt'))).sort()).toEqual([
      '.alice.json.free.lock',
      'alice.json',
    ]);

    const again = await gloss(['import', mine, '--format', 'jsonl', out, '--into', '']);
    expect(again.stdout).toMatch(
      /^Imported 0 annotations and 0 relations: 0 new articles, 1 existing article annotated\n/,
    );
    expect(again.stdout).toContain(`Already there, not added again: ${added} annotations and 0 relations`);

    const changed = join(scratch, 'changed');
    await mkdir(changed);
    await writeFile(join(changed, 'tiktok-microsoft.txt'), text.replace('Microsoft', 'Macrosoft'));
    const refused = await gloss(['import', changed, '--format', 'jsonl', out, '--into', '']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was imported: 1 problem in the input/);
    expect(refused.stderr).toMatch(
      /tiktok-microsoft\.txt: tiktok-microsoft\.txt is already in the project, with another text: they first differ at character \d+ \(line \d+, column \d+\), where the import has "icrosoft/,
    );
    const written = await readdir(join(changed, '.gloss'), { recursive: true });
    expect(written.filter((path) => path.startsWith('annotations/'))).toEqual([]);
  });

  it('refuses to export into the project folder, where the files would be read as articles', async () => {
    const result = await gloss(['export', project, '--format', 'jsonl', '--out', join(project, 'out.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/inside the project folder/);
  });

  it('lists every problem of a bad input with file and line, and writes nothing', async () => {
    const bad = join(scratch, 'bad.jsonl');
    await writeFile(bad, '{"text": "ok", "spans": [{"start": 0, "end": 9, "label": "X"}]}\n{oops\n');
    const empty = join(scratch, 'empty');
    await mkdir(empty);
    const result = await gloss(['import', empty, '--format', 'jsonl', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was imported: 2 problems/);
    expect(result.stderr).toMatch(/bad\.jsonl:1: /);
    expect(result.stderr).toMatch(/bad\.jsonl:2: /);
    expect(await readdir(empty)).toEqual([]);
  });

  it('names the formats when given an unknown one', async () => {
    const result = await gloss(['export', project, '--format', 'docx', '--out', join(scratch, 'x')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown export format "docx" \(jsonl, csv, brat, conll, w3c, refi-qda/);
  });
});
