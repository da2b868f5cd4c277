import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../main/electron/app-origin';
import { appPaths } from '../../../main/electron/app-paths';
import { folderFromArgv, targetFromArgv } from '../../../main/electron/command-line';
import { prepareSampleProject } from '../../../main/electron/sample-project';

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('gloss://app/assets/x.js?y#z')).toBe(true);
    for (const url of [
      'gloss://app.evil/index.html',
      'gloss://evil/index.html',
      'gloss://user:pw@app/index.html',
      'https://app/index.html',
      'http://127.0.0.1:5173/',
      'file:///index.html',
      'about:blank',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('targetFromArgv', () => {
  const cwd = resolve('/home/researcher');

  it('opens a folder, and imports a .qdpx or .qdc the system started Gloss on', () => {
    expect(targetFromArgv(['/opt/Gloss/gloss', 'news'], { defaultApp: false, cwd })).toEqual({
      kind: 'folder',
      path: join(cwd, 'news'),
    });
    expect(targetFromArgv(['/opt/Gloss/gloss', '/data/Study.QDPX'], { defaultApp: false, cwd })).toEqual({
      kind: 'import',
      path: resolve('/data/Study.QDPX'),
    });
    expect(targetFromArgv(['/usr/bin/electron', '.', 'codes.qdc'], { defaultApp: true, cwd })).toEqual({
      kind: 'import',
      path: join(cwd, 'codes.qdc'),
    });
    expect(targetFromArgv(['/opt/Gloss/gloss'], { defaultApp: false, cwd })).toBeUndefined();
  });
});

describe('folderFromArgv', () => {
  const cwd = resolve('/home/researcher');

  it('reads the folder after the app path when run as `electron . folder`', () => {
    expect(folderFromArgv(['/usr/bin/electron', '.', 'articles'], { defaultApp: true, cwd })).toBe(
      join(cwd, 'articles'),
    );
  });

  it('reads the first argument in a packaged app', () => {
    expect(folderFromArgv(['/opt/Gloss/gloss', '/data/news'], { defaultApp: false, cwd })).toBe(
      resolve('/data/news'),
    );
  });

  it('skips Chromium and OS switches', () => {
    expect(
      folderFromArgv(['gloss', '--no-sandbox', '-psn_0_12345', '--enable-logging', 'news'], {
        defaultApp: false,
        cwd,
      }),
    ).toBe(join(cwd, 'news'));
  });

  it('is undefined when no folder is named', () => {
    expect(folderFromArgv(['/usr/bin/electron', '.'], { defaultApp: true, cwd })).toBeUndefined();
    expect(folderFromArgv(['/opt/Gloss/gloss', '--inspect'], { defaultApp: false, cwd })).toBeUndefined();
  });
});

describe('appPaths', () => {
  const location = {
    appPath: resolve('/repo'),
    resourcesPath: resolve('/opt/Gloss/resources'),
    userData: resolve('/home/r/.config/Gloss'),
  };

  it('uses the repository in development', () => {
    const paths = appPaths({ ...location, isPackaged: false });
    expect(paths.rendererDir).toBe(join(location.appPath, 'dist', 'renderer'));
    expect(paths.preloadFile).toBe(join(location.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(paths.bundledSampleProject).toBe(join(location.appPath, 'assets', 'sample-project'));
  });

  it('takes the sample from the resources folder when packaged', () => {
    const paths = appPaths({
      ...location,
      appPath: join(location.resourcesPath, 'app.asar'),
      isPackaged: true,
    });
    expect(paths.bundledSampleProject).toBe(join(location.resourcesPath, 'sample-project'));
    expect(paths.rendererDir).toBe(join(location.resourcesPath, 'app.asar', 'dist', 'renderer'));
  });

  it('keeps the writable things in the user folder', () => {
    const paths = appPaths({ ...location, isPackaged: true });
    expect(paths.sampleProject).toBe(join(location.userData, 'sample-project'));
    expect(paths.recentProjectsFile).toBe(join(location.userData, 'recent-projects.json'));
  });
});

describe('prepareSampleProject', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-sample-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('copies the shipped sample once and then leaves the copy alone', async () => {
    const bundled = join(dir, 'bundled');
    await mkdir(bundled);
    await writeFile(join(bundled, 'article.txt'), 'shipped');
    const copy = join(dir, 'user-data', 'sample-project');

    expect(await prepareSampleProject(bundled, copy)).toBe(copy);
    expect(await readFile(join(copy, 'article.txt'), 'utf8')).toBe('shipped');

    await writeFile(join(copy, 'article.txt'), 'the user has worked here');
    await prepareSampleProject(bundled, copy);
    expect(await readFile(join(copy, 'article.txt'), 'utf8')).toBe('the user has worked here');
  });

  it('ships the example article in assets/sample-project', async () => {
    const article = await readFile(resolve('assets/sample-project/tiktok-microsoft.txt'), 'utf8');
    expect(article).toMatch(/TikTok/);
  });
});
