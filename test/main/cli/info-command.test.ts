import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { CORPUS } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

describe('gloss info', () => {
  it('prints the seed project as JSON and writes nothing into it', async () => {
    const before = await readdir(join(CORPUS, 'seed'));
    const { code, stdout } = await gloss(['info', join(CORPUS, 'seed'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.documents).toEqual([
      {
        key: 'tiktok-microsoft.txt',
        title: 'TikTok: Microsoft interrupts talks about buying US weapons reports',
        format: 'txt',
        status: 'todo',
        annotations: 0,
        encoding: 'UTF-8',
      },
    ]);
    expect(report.codes.map((c: { name: string }) => c.name)).toContain('Free expression');
    expect(await readdir(join(CORPUS, 'seed'))).toEqual(before);
  });

  it('counts annotations per code and names skipped and invalid files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-info-'));
    try {
      await writeFile(join(dir, 'a.txt'), 'Title\n\nMicrosoft and TikTok');
      await writeFile(join(dir, 'photo.jpg'), 'x');
      const service = createGlossService({ annotator: 'alice' });
      await service.open(dir);
      await service.createAnnotation({ key: 'a.txt', code: 'privacy', start: 7, end: 16 });
      await service.createAnnotation({ key: 'a.txt', code: 'privacy', start: 21, end: 27 });
      await mkdir(join(dir, '.gloss/annotations/a.txt'), { recursive: true });
      await writeFile(join(dir, '.gloss/annotations/a.txt/bob.json'), 'not json');
      const { code, stdout } = await gloss(['info', dir]);
      expect(code).toBe(0);
      expect(stdout).toContain('a.txt  Title  [todo, 2 annotations]');
      expect(stdout).toContain('photo.jpg: unsupported file type (.jpg)');
      expect(stdout).toContain('Privacy: 2');
      expect(stdout).toMatch(/\.gloss\/annotations\/a\.txt\/bob\.json: not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with one line and a non-zero exit, never a stack trace', async () => {
    const missing = await gloss(['info', join(tmpdir(), 'no-such-gloss-folder')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^gloss: The folder .* does not exist$/);
    const usage = await gloss(['info']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^gloss: give one folder of articles/);
    const unknown = await gloss(['info', '.', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
