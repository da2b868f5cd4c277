/**
 * Packages the desktop app as electron-builder's `--linux dir` target does for the installers
 * (the same files, asar and resources), from the sources as they are now, and checks what ships.
 * Offline: the Electron binary cannot be downloaded here, so a stand-in takes its place (it only
 * runs as Node, which is all the `gloss` command asks of it), and 7-Zip is Debian's.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  chmod,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/corpus';
import { requireRendererBuild } from '../support/renderer-build';
import { packageOf, specifiersLoadedBy } from './bundle-loads';
import { sampleArticles } from './sample-articles';

const run = promisify(execFile);

/** The budget for everything the app adds to Electron: resources/, asar included. */
const MOST_BYTES = 30_000_000;
const SEVEN_ZIP = process.env.ELECTRON_BUILDER_7ZIP_PATH ?? '/usr/bin/7za';
const ELECTRON_VERSION: string = JSON.parse(
  readFileSync(join(REPO, 'node_modules/electron/package.json'), 'utf8'),
).version;

/** Build and development tools, and packages the bundles take in: none of them may ship. */
const NEVER_SHIPPED = [
  'tsx',
  'esbuild',
  '@esbuild',
  'vite',
  'rolldown',
  'typescript',
  'vitest',
  '@vitest',
  '@biomejs',
  'electron',
  'electron-builder',
  'app-builder-lib',
  'playwright-core',
  '@napi-rs',
  'react',
  'zod',
  'lowdb',
];

let work: string;
/** The package's resources/ folder, as installed. */
let resources: string;
/** app.asar's files, as the archive lists them (paths from its root, "/"-separated). */
let archived: string[];
/** Bytes of every file under resources/, the archive included, as built. */
let resourceBytes: number;
/** app.asar unpacked in its own place, where the launcher finds it (Electron reads the archive there). */
let app: string;

beforeAll(async () => {
  const renderer = requireRendererBuild();
  work = await mkdtemp(join(tmpdir(), 'gloss-package-'));
  // The checkout as electron-builder reads it, with the shell and the command line built from the
  // sources now into its own dist/ (the screens from npm run build): the checkout is not written.
  const project = join(work, 'project');
  await mkdir(join(project, 'dist'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    await copyFile(join(REPO, file), join(project, file));
  await installedPackagesInto(project);
  await cp(join(REPO, 'assets'), join(project, 'assets'), { recursive: true });
  await cp(renderer, join(project, 'dist', 'renderer'), { recursive: true });
  await run(process.execPath, [join(REPO, 'scripts/build-main.js'), '--out', join(project, 'dist')]);

  const electronDist = join(work, 'electron');
  await mkdir(electronDist);
  await writeFile(
    join(electronDist, 'electron'),
    `#!/bin/sh\n# A stand-in for Electron that runs only as Node.\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo "stand-in Electron: not run as Node" >&2; exit 3; }\nexec '${process.execPath}' "$@"\n`,
  );
  await chmod(join(electronDist, 'electron'), 0o755);

  const output = join(work, 'out');
  await run(
    process.execPath,
    [
      join(REPO, 'node_modules/electron-builder/cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: project, env: { ...process.env, ELECTRON_BUILDER_7ZIP_PATH: SEVEN_ZIP }, timeout: 150_000 },
  );
  resources = join(output, 'linux-unpacked', 'resources');
  resourceBytes = await bytesUnder(resources);
  const archive = join(resources, 'app.asar');
  archived = listPackage(archive, { isPack: false }).map((path) => path.split(sep).join('/'));
  extractAll(archive, join(work, 'app'));
  await rename(archive, join(work, 'app.asar'));
  app = join(resources, 'app.asar');
  await rename(join(work, 'app'), app);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the installed app (electron-builder --linux dir)', () => {
  it('holds the built shell, screens and command line and the default codebook, without sources or source maps', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
      '/dist/cli/gloss.cjs',
      '/assets/default-codebook.json',
      '/assets/launchers/run-gloss.cjs',
    ])
      expect(archived, file).toContain(file);
    expect(archived.filter((path) => path.endsWith('.map'))).toEqual([]);
    const ours = archived.filter(
      (path) => !path.startsWith('/node_modules/') && statSync(join(app, path)).isFile(),
    );
    expect(ours.filter((path) => !/^\/(dist|assets)\/|^\/package\.json$/.test(path))).toEqual([]);
    expect(ours.filter((path) => path.startsWith('/assets/'))).toEqual([
      '/assets/default-codebook.json',
      '/assets/launchers/run-gloss.cjs',
    ]);
  });

  it('ships the sample project and the gloss command beside the archive', async () => {
    expect(existsSync(join(resources, 'sample-project', '.gloss', 'project.json'))).toBe(true);
    expect(existsSync(join(resources, 'sample-project', 'tiktok-microsoft.txt'))).toBe(true);
    expect((await stat(join(resources, 'bin', 'gloss'))).mode & 0o111).toBe(0o111);
  });

  it('has no build or development tool in it, nor a package the bundles take in', () => {
    const shipped = installedPackages();
    for (const name of NEVER_SHIPPED)
      expect(
        shipped.filter((path) => path === name || path.startsWith(`${name}/`) || path.endsWith(`/${name}`)),
        name,
      ).toEqual([]);
  });

  it('holds every package the shell and the command line load, and each loads from the package', async () => {
    const specifiers = loadedSpecifiers();
    // The scan finds the loaders it must: a package required as Gloss starts, and ones loaded on first use.
    expect(specifiers).toEqual(expect.arrayContaining(['csv-parse/sync', 'jsdom', 'compromise/two']));
    const fromMain = createRequire(join(app, 'dist/electron/main.cjs'));
    for (const specifier of specifiers)
      expect(relative(app, fromMain.resolve(specifier)), specifier).toMatch(/^node_modules\//);
    // As main/sources/load-pdfjs.ts does before loading pdf.js: Node has no DOMMatrix.
    const script = `globalThis.DOMMatrix ??= class {};
const load = require('node:module').createRequire(${JSON.stringify(join(app, 'dist/electron/main.cjs'))});
const failed = [];
for (const name of ${JSON.stringify(specifiers)}) {
  try { load(name); } catch (error) { failed.push(name + ': ' + String(error.message).split('\\n')[0]); }
}
process.stdout.write(JSON.stringify(failed));`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: work });
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('ships no package that nothing loads', () => {
    const needed = new Set<string>();
    const visit = (packageDir: string) => {
      const key = relative(join(app, 'node_modules'), packageDir).split(sep).join('/');
      if (needed.has(key)) return;
      needed.add(key);
      const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
      const optional = Object.keys(manifest.optionalDependencies ?? {});
      for (const name of [...Object.keys(manifest.dependencies ?? {}), ...optional]) {
        const found = packageDirOf(packageDir, name);
        if (found) visit(found);
        else expect(optional, `${key} needs ${name}, which is not in the package`).toContain(name);
      }
    };
    for (const specifier of loadedSpecifiers()) {
      const found = packageDirOf(join(app, 'dist', 'electron'), packageOf(specifier));
      if (found) visit(found);
    }
    expect(installedPackages().filter((path) => !needed.has(path))).toEqual([]);
  });

  it("keeps pdf.js's character maps and standard fonts, which it reads from its folder", () => {
    expect(loadedSpecifiers()).toContain('pdfjs-dist/package.json');
    expect(archived).toContain('/node_modules/pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap');
    expect(archived).toContain('/node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
  });

  it(`adds at most ${MOST_BYTES / 1e6} MB to Electron`, () => {
    expect(resourceBytes).toBeGreaterThan(1_000_000);
    expect(resourceBytes).toBeLessThanOrEqual(MOST_BYTES);
  });

  it('offers the gloss commands through its own runtime, reading every kind of article', async () => {
    const folder = join(work, 'articles');
    await mkdir(folder);
    for (const [name, content] of Object.entries(sampleArticles()))
      await writeFile(join(folder, name), content);
    const gloss = join(resources, 'bin', 'gloss');
    const search = await run(gloss, ['search', folder, 'packaged', '--json'], { cwd: work });
    const hits: { key: string }[] = JSON.parse(search.stdout).hits;
    expect(hits.map((hit) => hit.key).sort()).toEqual(['legacy.txt', 'memo.docx', 'page.html', 'report.pdf']);
    // Through a link, as a user puts it on their PATH (/usr/local/bin/gloss): the app is found all the same.
    const link = join(work, 'on-path', 'gloss');
    await mkdir(dirname(link));
    await symlink(relative(dirname(link), gloss), link);
    const info = JSON.parse((await run(link, ['info', join(resources, 'sample-project'), '--json'])).stdout);
    expect(info.documents.map((document: { key: string }) => document.key)).toEqual(['tiktok-microsoft.txt']);
    const usage = await run(gloss, []).catch((error: { code: number; stdout: string }) => error);
    expect(usage).toMatchObject({ code: 2, stdout: expect.stringContaining('gloss info') });
  });

  it('serves the screens it ships with gloss serve', async () => {
    const folder = join(work, 'served');
    await cp(join(resources, 'sample-project'), folder, { recursive: true });
    const child = spawn(join(resources, 'bin', 'gloss'), ['serve', folder, '--no-open'], {
      cwd: work,
      env: { ...process.env, GLOSS_SETTINGS_DIR: join(work, 'settings'), GLOSS_ANNOTATOR: 'ana' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const link = await new Promise<string>((resolve, reject) => {
        let output = '';
        const onData = (chunk: Buffer) => {
          output += chunk;
          const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
          if (found) resolve(found[0]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`gloss serve exited with ${code}:\n${output}`)));
      });
      // The link signs in (a cookie, then a redirect to the page without the token).
      const signIn = await fetch(link, { redirect: 'manual' });
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      const page = await fetch(new URL('/', link), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Gloss</title>');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

/** Every specifier the packaged main bundle and command line load from node_modules. */
function loadedSpecifiers(): string[] {
  const bundles = ['dist/electron/main.cjs', 'dist/cli/gloss.cjs'];
  const all = bundles.flatMap((bundle) => specifiersLoadedBy(readFileSync(join(app, bundle), 'utf8')));
  return [...new Set(all)].sort();
}

/**
 * The folder of the package `name` as Node finds it from `dir` (the node_modules of `dir` and of
 * each folder above it), or undefined if it is not in the app. Walked here rather than through
 * require.resolve.paths, which has no answer for names Node also has built in, such as punycode.
 */
function packageDirOf(dir: string, name: string): string | undefined {
  for (let folder = dir; folder.startsWith(app); folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  return undefined;
}

/** Every package folder in the archive's node_modules, nested ones too ("a/node_modules/b"). */
function installedPackages(): string[] {
  return archived
    .filter((path) => /^\/node_modules\/.*package\.json$/.test(path))
    .map((path) => path.slice('/node_modules/'.length, -'/package.json'.length))
    .filter((path) => {
      const parts = path.split('/node_modules/').at(-1)!.split('/');
      return parts.length === (parts[0]!.startsWith('@') ? 2 : 1);
    });
}

/**
 * The checkout's node_modules as the project's own, which electron-builder lists with `npm list`.
 * Not a link to it: after a fresh `npm ci`, npm trusts node_modules/.package-lock.json, and read
 * through a link that tree names every package extraneous, so electron-builder left out what
 * the shipped packages need (safer-buffer, efrt, underscore…). Hard links make the copy in under a
 * second; on another file system the files are copied. npm then reads the folder itself.
 */
async function installedPackagesInto(project: string): Promise<void> {
  const target = join(project, 'node_modules');
  // The folder itself, where node_modules is a link to it (a second checkout sharing one install).
  const source = await realpath(join(REPO, 'node_modules'));
  try {
    await run('cp', ['-al', source, target]);
  } catch {
    await rm(target, { recursive: true, force: true });
    await cp(source, target, { recursive: true, verbatimSymlinks: true });
  }
  await rm(join(target, '.package-lock.json'), { force: true });
}

async function bytesUnder(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}
