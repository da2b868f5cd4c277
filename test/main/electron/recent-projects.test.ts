import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT_PROJECTS,
  type RecentProject,
  RecentProjects,
  readRecentProjects,
  withoutMissingFolders,
  withRecentProject,
  writeRecentProjects,
} from '../../../main/electron/recent-projects';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-recent-'));
  file = join(dir, 'user-data', 'recent-projects.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function folder(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  return path;
}

describe('withRecentProject', () => {
  it('puts the opened project first and drops its earlier entry', () => {
    const list: RecentProject[] = [
      { path: '/a', name: 'a' },
      { path: '/b', name: 'b' },
    ];
    expect(withRecentProject(list, { path: '/b', name: 'b renamed' })).toEqual([
      { path: '/b', name: 'b renamed' },
      { path: '/a', name: 'a' },
    ]);
  });

  it('treats two spellings of one folder as the same entry', () => {
    const list = withRecentProject([], { path: '/data/articles', name: 'articles' });
    expect(withRecentProject(list, { path: '/data/./x/../articles/', name: 'articles' })).toHaveLength(1);
  });

  it('keeps at most ten, dropping the oldest', () => {
    let list: RecentProject[] = [];
    for (let i = 0; i < 15; i++) list = withRecentProject(list, { path: `/p${i}`, name: `p${i}` });
    expect(list).toHaveLength(MAX_RECENT_PROJECTS);
    expect(list[0]?.path).toBe('/p14');
    expect(list.at(-1)?.path).toBe('/p5');
  });
});

describe('withoutMissingFolders', () => {
  it('keeps folders that exist, in order', async () => {
    const a = await folder('a');
    const b = await folder('b');
    const list = [
      { path: a, name: 'a' },
      { path: join(dir, 'gone'), name: 'gone' },
      { path: b, name: 'b' },
    ];
    expect(await withoutMissingFolders(list)).toEqual([list[0], list[2]]);
  });

  it('drops an entry that is now a file', async () => {
    await writeFile(join(dir, 'file.txt'), 'x');
    expect(await withoutMissingFolders([{ path: join(dir, 'file.txt'), name: 'f' }])).toEqual([]);
  });
});

describe('the recent projects file', () => {
  it('a missing file is an empty list without a problem', async () => {
    expect(await readRecentProjects(file)).toEqual({ projects: [] });
  });

  it('round-trips through write and read', async () => {
    const projects = [{ path: await folder('a'), name: 'a' }];
    await writeRecentProjects(file, projects);
    expect(await readRecentProjects(file)).toEqual({ projects });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, projects });
  });

  it('a file that is not JSON is an empty list with a problem naming the line', async () => {
    await mkdir(join(dir, 'user-data'));
    await writeFile(file, '{\n  "version": 1,\n  oops\n}');
    const read = await readRecentProjects(file);
    expect(read.projects).toEqual([]);
    expect(read.problem).toMatch(/recent-projects\.json: not valid JSON \(line 3/);
  });

  it('a file of the wrong shape is an empty list with a problem naming the field', async () => {
    await mkdir(join(dir, 'user-data'));
    await writeFile(file, JSON.stringify({ version: 1, projects: [{ path: 42, name: 'x' }] }));
    const read = await readRecentProjects(file);
    expect(read.projects).toEqual([]);
    expect(read.problem).toMatch(/projects\[0\]\.path/);
  });

  it('a hand-edited file with duplicates and too many entries is tidied on read', async () => {
    await mkdir(join(dir, 'user-data'));
    const projects = Array.from({ length: 12 }, (_, i) => ({ path: `/p${i % 11}`, name: `p${i}` }));
    await writeFile(file, JSON.stringify({ version: 1, projects }));
    const read = await readRecentProjects(file);
    expect(read.projects).toHaveLength(10);
    // The first (most recent) mention of /p0 wins.
    expect(read.projects[0]).toEqual({ path: '/p0', name: 'p0' });
  });
});

describe('RecentProjects', () => {
  it('adds, saves, forgets missing folders and clears', async () => {
    const a = await folder('a');
    const b = await folder('b');
    const recent = new RecentProjects(file);
    expect(await recent.load()).toBeUndefined();
    await recent.add({ path: a, name: 'A' });
    await recent.add({ path: b, name: 'B' });
    expect(recent.projects.map((p) => p.name)).toEqual(['B', 'A']);

    const reloaded = new RecentProjects(file);
    await reloaded.load();
    expect(reloaded.projects).toEqual(recent.projects);

    await rm(b, { recursive: true });
    await reloaded.forgetMissing();
    expect(reloaded.projects).toEqual([{ path: a, name: 'A' }]);
    expect((await readRecentProjects(file)).projects).toEqual([{ path: a, name: 'A' }]);

    await reloaded.clear();
    expect((await readRecentProjects(file)).projects).toEqual([]);
  });

  it('load drops folders that disappeared since the last run', async () => {
    const a = await folder('a');
    await writeRecentProjects(file, [
      { path: join(dir, 'gone'), name: 'gone' },
      { path: a, name: 'A' },
    ]);
    const recent = new RecentProjects(file);
    await recent.load();
    expect(recent.projects).toEqual([{ path: a, name: 'A' }]);
  });

  it('saves overlapping changes in order, so the file ends with the last state', async () => {
    const recent = new RecentProjects(file);
    const paths = await Promise.all(['a', 'b', 'c', 'd'].map(folder));
    await Promise.all(paths.map((path) => recent.add({ path, name: path })));
    expect((await readRecentProjects(file)).projects.map((p) => p.path)).toEqual([...paths].reverse());
  });

  it('reports an unusable file and starts empty', async () => {
    await mkdir(join(dir, 'user-data'));
    await writeFile(file, 'null');
    const recent = new RecentProjects(file);
    expect(await recent.load()).toMatch(/recent-projects\.json/);
    expect(recent.projects).toEqual([]);
  });
});
