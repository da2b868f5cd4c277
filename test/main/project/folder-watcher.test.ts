import { chmod, mkdir, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type FolderChange,
  type FolderWatchOptions,
  watchFolder,
} from '../../../main/project/folder-watcher';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const WAIT = { timeout: 5_000, interval: 20 };

let project: TempProject | undefined;
let stopWatching: (() => void) | undefined;

afterEach(async () => {
  stopWatching?.();
  stopWatching = undefined;
  if (project) await chmod(project.path, 0o755).catch(() => {});
  await project?.cleanup();
  project = undefined;
});

/** A watched temporary project; `changes` records every callback, `problems` every problem. */
async function watched(files: Record<string, string>, options: FolderWatchOptions = {}) {
  project = await makeTempProject(files);
  const root = project.path;
  const changes: FolderChange[] = [];
  const problems: string[] = [];
  const watcher = watchFolder(root, (change) => changes.push(change), {
    debounceMs: 50,
    onProblem: (message) => problems.push(message),
    ...options,
  });
  stopWatching = () => watcher.close();
  await watcher.ready;
  const keys = () => new Set(changes.flatMap((c) => c.keys));
  const path = (key: string) => join(root, ...key.split('/'));
  return { root, watcher, changes, problems, keys, path };
}

describe('watchFolder', () => {
  it('reports an article added, edited and removed, by its key', async () => {
    const t = await watched({ 'a.txt': 'Alpha.' });

    await writeFile(t.path('b.txt'), 'Bravo.');
    await vi.waitFor(() => expect(t.keys()).toContain('b.txt'), WAIT);

    t.changes.length = 0;
    await writeFile(t.path('a.txt'), 'Alpha, edited.');
    await vi.waitFor(() => expect(t.keys()).toEqual(new Set(['a.txt'])), WAIT);

    t.changes.length = 0;
    await rm(t.path('b.txt'));
    await vi.waitFor(() => expect(t.keys()).toEqual(new Set(['b.txt'])), WAIT);
    expect(t.problems).toEqual([]);
  });

  it('reports a rename under both names', async () => {
    const t = await watched({ 'news/old.md': '# Old' });
    await rename(t.path('news/old.md'), t.path('news/new.md'));
    await vi.waitFor(() => expect(t.keys()).toEqual(new Set(['news/new.md', 'news/old.md'])), WAIT);
  });

  it('watches nested folders, and folders made or moved in after it started', async () => {
    const t = await watched({ 'a/b/c/deep.txt': 'Deep.' });
    expect(t.watcher.folderCount).toBe(4);

    await writeFile(t.path('a/b/c/deeper.html'), '<p>Deeper.</p>');
    await vi.waitFor(() => expect(t.keys()).toContain('a/b/c/deeper.html'), WAIT);

    // A new folder and a file written at once into it: the file is found by the folder's listing
    // if its own event came before the folder was watched.
    await mkdir(t.path('new/inner'), { recursive: true });
    await writeFile(t.path('new/inner/first.txt'), 'First.');
    await vi.waitFor(() => expect(t.keys()).toContain('new/inner/first.txt'), WAIT);
    await vi.waitFor(() => expect(t.watcher.folderCount).toBe(6), WAIT);
    await writeFile(t.path('new/inner/second.txt'), 'Second.');
    await vi.waitFor(() => expect(t.keys()).toContain('new/inner/second.txt'), WAIT);
  });

  it('knows a folder it watches when an event names it again, and asks for no re-list', async () => {
    // As when a folder's creation is told after its parent's listing found it: here an event on
    // the parent naming the folder (its times changed), then a file written into it.
    const t = await watched({ 'news/one.txt': 'One.' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await utimes(t.path('news'), new Date(), new Date());
    await writeFile(t.path('news/two.txt'), 'Two.');
    await vi.waitFor(() => expect(t.keys()).toContain('news/two.txt'), WAIT);
    expect(t.changes.filter((c) => c.keys.length === 0)).toEqual([]);
    expect(t.watcher.folderCount).toBe(2);
  });

  it('asks for a re-list when a folder is removed or renamed, and watches it under its new name', async () => {
    const t = await watched({ 'old/one.txt': 'One.', 'gone/two.txt': 'Two.' });

    await rename(t.path('old'), t.path('renamed'));
    await vi.waitFor(() => expect(t.changes.some((c) => c.keys.length === 0)).toBe(true), WAIT);
    t.changes.length = 0;
    await writeFile(t.path('renamed/three.txt'), 'Three.');
    await vi.waitFor(() => expect(t.keys()).toContain('renamed/three.txt'), WAIT);

    t.changes.length = 0;
    await rm(t.path('gone'), { recursive: true });
    await vi.waitFor(() => expect(t.changes.some((c) => c.keys.length === 0)).toBe(true), WAIT);
    await vi.waitFor(() => expect(t.watcher.folderCount).toBe(2), WAIT);
  });

  it('coalesces a burst of 500 files into a few callbacks, naming every file', async () => {
    // The app's own timing: a 250 ms quiet time, at most a second per report.
    const t = await watched({ 'seed.txt': 'Seed.' }, { debounceMs: undefined });
    await mkdir(t.path('batch'));
    const names = Array.from({ length: 500 }, (_, i) => `batch/${String(i).padStart(3, '0')}.txt`);
    const started = Date.now();
    await Promise.all(names.map((name) => writeFile(t.path(name), `Article ${name}.`)));
    const writing = Date.now() - started;
    await vi.waitFor(
      () => expect([...t.keys()].filter((k) => k.startsWith('batch/'))).toHaveLength(500),
      WAIT,
    );
    // One report a second at most while the writes go on (a fraction of a second unless the
    // machine is busy), then one when they stop.
    expect(t.changes.length).toBeLessThanOrEqual(Math.ceil(writing / 1000) + 2);
  });

  it('reports no keys, only "re-list", past maxKeys', async () => {
    const t = await watched({}, { maxKeys: 10 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFile(t.path(`${i}.txt`), 'Text.')));
    await vi.waitFor(() => expect(t.changes.length).toBeGreaterThan(0), WAIT);
    await vi.waitFor(() => expect(t.changes.at(-1)?.keys).toEqual([]), WAIT);
  });

  it('passes over .gloss/, hidden files and files that are not articles', async () => {
    const t = await watched({ '.gloss/project.json': '{}', 'a.txt': 'A.' });
    expect(t.watcher.folderCount).toBe(1);
    await mkdir(t.path('.gloss/annotations/a.txt'), { recursive: true });
    await writeFile(t.path('.gloss/annotations/a.txt/alice.json'), '{}');
    await writeFile(t.path('.gloss/project.json'), '{"changed":true}');
    await writeFile(t.path('.a.txt.swp'), 'swap');
    await writeFile(t.path('photo.jpg'), 'JFIF');
    await writeFile(t.path('marker.txt'), 'Marker.');
    // The marker's report comes after the others would have: only the marker is reported.
    await vi.waitFor(() => expect(t.keys()).toContain('marker.txt'), WAIT);
    expect(t.keys()).toEqual(new Set(['marker.txt']));
    expect(t.watcher.folderCount).toBe(1);
  });

  it('does not follow links to folders, so a link loop is harmless', async () => {
    const t = await watched({ 'sub/a.txt': 'A.' });
    await symlink(t.root, t.path('sub/loop'));
    await symlink(t.path('sub'), t.path('again'));
    await writeFile(t.path('sub/b.txt'), 'B.');
    await vi.waitFor(() => expect(t.keys()).toContain('sub/b.txt'), WAIT);
    expect(t.watcher.folderCount).toBe(2);
  });

  it('goes on past a folder it cannot read', async () => {
    project = await makeTempProject({ 'open/a.txt': 'A.', 'locked/b.txt': 'B.' });
    await chmod(join(project.path, 'locked'), 0o000);
    const problems: string[] = [];
    const changes: FolderChange[] = [];
    const watcher = watchFolder(project.path, (c) => changes.push(c), {
      debounceMs: 50,
      onProblem: (m) => problems.push(m),
    });
    stopWatching = () => watcher.close();
    await watcher.ready;
    // root ignores permissions; anyone else is told the locked folder is not watched.
    if (process.getuid?.() !== 0)
      expect(problems).toEqual([expect.stringMatching(/locked cannot be watched/)]);
    await writeFile(join(project.path, 'open/c.txt'), 'C.');
    await vi.waitFor(() => expect(changes.flatMap((c) => c.keys)).toContain('open/c.txt'), WAIT);
    await chmod(join(project.path, 'locked'), 0o755);
  });

  it('says so once when the project folder itself is removed, and stops', async () => {
    const t = await watched({ 'sub/a.txt': 'A.' });
    await rm(t.root, { recursive: true, force: true });
    await vi.waitFor(() => expect(t.problems).toEqual([expect.stringMatching(/was removed or moved/)]), WAIT);
    expect(t.changes.at(-1)).toEqual({ keys: [] });
    expect(t.watcher.folderCount).toBe(0);
  });

  it('closes cleanly: no callback after close, nothing left watching', async () => {
    const t = await watched({ 'a.txt': 'A.' });
    await writeFile(t.path('b.txt'), 'B.');
    t.watcher.close();
    t.watcher.close();
    expect(t.watcher.folderCount).toBe(0);
    await writeFile(t.path('c.txt'), 'C.');
    // Longer than the quiet time: a report, had one been due, would have come.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.changes).toEqual([]);
  });
});
