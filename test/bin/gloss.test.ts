// bin/gloss.js as users run it: the launcher, the bundle scripts/build-main.js makes of main/cli/
// (built from the current sources by cliInstall()), and node_modules, in child processes.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../main/api/gloss-service';
import { REPO } from '../support/corpus';
import { cliInstall, gloss } from '../support/gloss-cli';
import { requireBuilt } from '../support/renderer-build';
import { makeTempProject, type TempProject } from '../support/temp-project';

const run = promisify(execFile);

// An emoji before the tagged name: its offsets differ in UTF-16 units and in code points.
const TEXT = 'Launch day 🚀\n\nAcme Corp opened a plant in Lyon.\n';
const NAME = 'Acme Corp';

let project: TempProject;
let scratch: string;

beforeAll(async () => {
  project = await makeTempProject({ 'news/launch.txt': TEXT });
  scratch = await mkdtemp(join(tmpdir(), 'gloss-bin-'));
  const service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(project.path);
  const start = TEXT.indexOf(NAME);
  await service.createAnnotation({
    key: 'news/launch.txt',
    code: 'privacy',
    start,
    end: start + NAME.length,
  });
  service.close();
});
afterAll(async () => {
  await project.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

describe('bin/gloss.js', () => {
  it('runs the built command: info lists the article, export writes it out with code-point offsets', async () => {
    const info = await gloss(['info', project.path, '--json']);
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout).documents).toEqual([
      expect.objectContaining({ key: 'news/launch.txt', title: 'Launch day 🚀', annotations: 1 }),
    ]);

    const out = join(scratch, 'launch.jsonl');
    const exported = await gloss(['export', project.path, '--format', 'jsonl', '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toBe(
      `Exported 1 document and 1 annotation as jsonl (offsets: code points) to ${out}\n`,
    );
    const [line] = (await readFile(out, 'utf8')).trim().split('\n');
    const document = JSON.parse(line!);
    const [span] = document.spans;
    expect([...document.text].slice(span.start, span.end).join('')).toBe(NAME);
    expect(span.start).toBe(TEXT.indexOf(NAME) - 1);
  });

  it('keeps a code cache beside the bundle after a run, and answers the same with it', async () => {
    const bundle = join(await cliInstall(), 'dist/cli/gloss.cjs');
    const first = await gloss(['info', project.path]);
    expect(existsSync(`${bundle}.v8cache`)).toBe(true);
    const again = await gloss(['info', project.path]);
    expect(again).toEqual(first);
    expect(again.stdout).toContain('news/launch.txt  Launch day 🚀  [todo, 1 annotation]');
  });

  it('gloss info loads none of the libraries only other commands need', async () => {
    const hook = join(scratch, 'list-modules.cjs');
    const list = join(scratch, 'modules.json');
    await writeFile(
      hook,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    await run(process.execPath, [
      '--require',
      hook,
      join(await cliInstall(), 'bin/gloss.js'),
      'info',
      project.path,
    ]);
    const loaded: string[] = JSON.parse(await readFile(list, 'utf8'));
    const packages = new Set(
      loaded.flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? []),
    );
    for (const heavy of [
      'jsdom',
      'compromise',
      '@mozilla/readability',
      'chardet',
      'iconv-lite',
      'fflate',
      'saxes',
      'csv-parse',
      'zod',
    ])
      expect(packages, heavy).not.toContain(heavy);
  });

  it.runIf(process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module'))(
    'runs where Node cannot require ES modules, as before Node 20.19',
    async () => {
      const { stdout } = await run(process.execPath, [
        '--no-experimental-require-module',
        join(await cliInstall(), 'bin/gloss.js'),
        'info',
        project.path,
      ]);
      expect(stdout).toContain('news/launch.txt  Launch day 🚀  [todo, 1 annotation]');
    },
  );

  it('says to run npm run build when the bundle is missing, and nothing else', async () => {
    const fresh = join(scratch, 'fresh-clone');
    await mkdir(join(fresh, 'bin'), { recursive: true });
    await copyFile(join(REPO, 'bin/gloss.js'), join(fresh, 'bin/gloss.js'));
    await copyFile(join(REPO, 'package.json'), join(fresh, 'package.json'));
    const result = await run(process.execPath, [join(fresh, 'bin/gloss.js'), 'info', project.path]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `gloss: the command is not built yet (${join(fresh, 'dist/cli/gloss.cjs')} is missing). Run "npm run build" in ${fresh}/ first.\n`,
    );
  });

  it('npm run build puts the command where bin/gloss.js looks for it', async () => {
    requireBuilt(join(REPO, 'dist/cli/gloss.cjs'));
    const { stdout } = await run(process.execPath, [join(REPO, 'bin/gloss.js'), 'help']);
    expect(stdout).toMatch(/^Gloss: annotate folders of news articles\./);
  });
});
