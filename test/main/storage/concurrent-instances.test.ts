import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import { REPO } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Two Gloss instances on one project, as the same annotator (a window and the command line, two
 * browser hosts): neither overwrites the other's saves. Each change holds the file's lock and
 * starts from the disk if another process saved since.
 */
const TEXT = `Title\n\n${'word '.repeat(400)}\n`;
let project: TempProject;

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': TEXT });
});
afterEach(() => project.cleanup());

const saved = async () =>
  JSON.parse(await readFile(join(project.path, '.gloss/annotations/a.txt/alice.json'), 'utf8'))
    .annotations as {
    id: string;
    note?: string;
  }[];

describe('two instances on one project', () => {
  it('in one process: both instances’ saves are all kept, interleaved', async () => {
    const [one, two] = await Promise.all([
      Project.open(project.path, { annotator: 'alice' }),
      Project.open(project.path, { annotator: 'alice' }),
    ]);
    const made = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? one : two).createAnnotation({
          key: 'a.txt',
          code: 'security',
          start: i * 5,
          end: i * 5 + 4,
        }),
      ),
    );
    expect((await saved()).map((a) => a.id).sort()).toEqual(made.map((a) => a.id).sort());
    // An edit through the instance that has not seen the other's saves keeps them too.
    await one.updateAnnotation('a.txt', made[0]!.id, { note: 'checked' });
    const after = await saved();
    expect(after).toHaveLength(40);
    expect(after.find((a) => a.id === made[0]!.id)?.note).toBe('checked');
  });

  it('in two processes at once: every acknowledged save of each is on disk', async () => {
    const script = `
      const { Project } = await import(${JSON.stringify(join(REPO, 'main/project/project.ts'))});
      const project = await Project.open(process.argv[1], { annotator: 'alice' });
      const ids = [];
      for (let i = 0; i < 30; i++) {
        const start = Number(process.argv[2]) + i * 5;
        ids.push((await project.createAnnotation({ key: 'a.txt', code: 'privacy', start, end: start + 4 })).id);
      }
      console.log(JSON.stringify(ids));
    `;
    const run = (offset: number) =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, project.path, String(offset)],
          {
            cwd: REPO,
          },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
      });
    const [first, second] = await Promise.all([run(0), run(1000)]);
    expect((await saved()).map((a) => a.id).sort()).toEqual([...first, ...second].sort());
  }, 60_000);
});
