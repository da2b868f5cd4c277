import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnnotationFileSchema } from '../../../main/project/annotation-files-schema';
import { FileProblemError } from '../../../main/storage/file-problem';
import { readJsonFile } from '../../../main/storage/read-json-file';

const Schema = z.object({ items: z.array(z.string()), seen: z.number().default(0) });
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-read-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = (name: string, options: { copyInvalid?: boolean; migrate?: (raw: unknown) => unknown } = {}) =>
  readJsonFile(join(dir, name), { displayName: `.gloss/${name}`, schema: Schema, ...options });

describe('reading a project JSON file', () => {
  it('gives the validated value, with defaults, and the size, time and inode it was read at', async () => {
    await writeFile(join(dir, 'list.json'), '\uFEFF{"items": ["é", "😀"]}');
    const info = await stat(join(dir, 'list.json'));
    expect(await read('list.json')).toEqual({
      status: 'valid',
      value: { items: ['é', '😀'], seen: 0 },
      stamp: { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino },
    });
  });

  it('says a file that is not there is missing, which is no problem', async () => {
    expect(await read('none.json')).toEqual({ status: 'missing' });
  });

  it('names the file, the line and the column of a syntax error, and the field of a schema error', async () => {
    await writeFile(join(dir, 'list.json'), '{\n  "items": [\n    "a" "b"\n  ]\n}');
    const broken = await read('list.json');
    expect(broken.status).toBe('invalid');
    const problem = (broken as { problem: FileProblemError }).problem;
    expect(problem).toBeInstanceOf(FileProblemError);
    expect(problem.code).toBe('invalid-file');
    expect(problem.file).toBe('.gloss/list.json');
    expect(problem.message).toMatch(
      /^\.gloss\/list\.json: not valid JSON \(line 3, column 9: Expected ',' or ']'/,
    );

    await writeFile(join(dir, 'list.json'), '{"items": ["a", 2]}');
    const wrong = (await read('list.json')) as { problem: FileProblemError };
    expect(wrong.problem.message).toMatch(/^\.gloss\/list\.json: items\[1\]: .*string/);
  });

  it('copies an invalid file aside only when asked, byte for byte, and never a newer Gloss’s file', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xe9, 0xff]);
    await writeFile(join(dir, 'list.json'), bytes);
    await read('list.json');
    expect(await readdir(dir)).toEqual(['list.json']);
    const copied = (await read('list.json', { copyInvalid: true })) as { problem: FileProblemError };
    const copy = (await readdir(dir)).find((name) => name.startsWith('list.json.invalid-'))!;
    expect(copied.problem.message).toMatch(`. It is kept as it is; a copy is at .gloss/${copy}`);
    expect(await readFile(join(dir, copy))).toEqual(bytes);
    expect(await readFile(join(dir, 'list.json'))).toEqual(bytes);

    await writeFile(join(dir, 'newer.json'), '{"items": []}');
    const newer = (await read('newer.json', {
      copyInvalid: true,
      migrate: () => {
        throw new Error('made by a newer Gloss (schema version 9; this Gloss reads up to 1)');
      },
    })) as { problem: FileProblemError };
    expect(newer.problem.message).toBe(
      '.gloss/newer.json: made by a newer Gloss (schema version 9; this Gloss reads up to 1)',
    );
    expect((await readdir(dir)).filter((name) => name.startsWith('newer.json'))).toEqual(['newer.json']);
  });

  it('refuses a folder or a named pipe by that name without hanging', async () => {
    await mkdir(join(dir, 'folder.json'));
    const folder = (await read('folder.json')) as { problem: FileProblemError };
    expect(folder.problem.message).toBe('.gloss/folder.json: could not be read (not a regular file)');
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const pipe = (await read('pipe.json')) as { problem: FileProblemError };
    expect(pipe.problem.message).toBe('.gloss/pipe.json: could not be read (not a regular file)');
  });

  it('gives a broken annotation file the schema’s own message, the quick parse notwithstanding', async () => {
    const file = {
      format: 'gloss-annotations',
      schemaVersion: 1,
      document: 'a.txt',
      annotator: 'alice',
      fingerprint: '',
      annotations: [
        {
          id: 'a1',
          code: 'privacy',
          author: 'alice',
          created: '2026-03-01T09:05:00.000Z',
          modified: '2026-03-01T09:05:00.000Z',
          target: { start: 5, end: 2, quote: 'x', prefix: '', suffix: '' },
        },
      ],
    };
    await writeFile(join(dir, 'alice.json'), JSON.stringify(file));
    const result = await readJsonFile(join(dir, 'alice.json'), {
      displayName: '.gloss/annotations/a.txt/alice.json',
      schema: AnnotationFileSchema,
    });
    expect(result.status === 'invalid' && result.problem.message).toBe(
      '.gloss/annotations/a.txt/alice.json: annotations[0].target: start must be before end',
    );
  });
});
