import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFileName, writeFileAtomic } from '../../../main/storage/atomic-write';
import { REPO } from '../../support/corpus';
import { traceScript } from '../../support/strace';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/**
 * The system calls a write makes, as strace sees them in a child process: what reached the disk
 * and in which order is the whole point of the writer, and nothing short of the calls shows it.
 */
async function tracedWrite(path: string, options: object): Promise<string[]> {
  const script = `
    const { writeFileAtomic } = await import(${JSON.stringify(join(REPO, 'main/storage/atomic-write.ts'))});
    await writeFileAtomic(process.argv[1], '{"saved": true}\\n', ${JSON.stringify(options)});
  `;
  // Only the calls on the file, its temp file and its folder, with fds named by what they opened.
  const names = new Map<string, string>();
  const calls: string[] = [];
  for (const { line, open } of await traceScript('openat,fsync,fdatasync,rename,renameat,renameat2', script, [
    path,
  ])) {
    if (open) {
      const { path: opened, fd } = open;
      if (opened === dir || opened.startsWith(`${dir}/`)) {
        const name = opened === dir ? 'folder' : opened.endsWith('.tmp') ? 'temp' : 'file';
        names.set(fd, name);
        calls.push(`open ${name}`);
      } else names.delete(fd);
      continue;
    }
    const sync = /(fsync|fdatasync)\((\d+)[,) ]/.exec(line);
    if (sync && names.has(sync[2]!)) calls.push(`fsync ${names.get(sync[2]!)}`);
    if (/rename.*\.tmp".*list\.json"/.test(line)) calls.push('rename');
  }
  return calls;
}

describe('writing a file atomically', () => {
  it('flushes the temp file before the rename and the folder after it', async () => {
    const path = join(dir, 'list.json');
    expect(await tracedWrite(path, {})).toEqual([
      'open temp',
      'fsync temp',
      'rename',
      'open folder',
      'fsync folder',
    ]);
    expect(await readFile(path, 'utf8')).toBe('{"saved": true}\n');
    expect(await readdir(dir)).toEqual(['list.json']);
  }, 30_000);

  it('flushes nothing for derived data (the cache), which is rebuilt when lost', async () => {
    expect(await tracedWrite(join(dir, 'list.json'), { durable: false })).toEqual(['open temp', 'rename']);
  }, 30_000);

  it('makes the folder on a first save, and reuses a locked writer’s temp file left by a kill', async () => {
    const path = join(dir, 'annotations/a.txt/alice.json');
    await writeFileAtomic(path, 'first');
    await writeFile(join(dir, 'annotations/a.txt', tempFileName('alice.json', true)), 'half of a killed sav');
    await writeFileAtomic(path, 'second', { locked: true });
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'annotations/a.txt'))).toEqual(['alice.json']);
  });

  it('fails with the disk’s own error and leaves the file as it was', async () => {
    const path = join(dir, 'alice.json');
    await writeFile(path, 'before');
    // A folder where the temp file must go: the write fails even for root.
    await mkdir(join(dir, tempFileName('alice.json', true)));
    await expect(writeFileAtomic(path, 'after', { locked: true })).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readFile(path, 'utf8')).toBe('before');
  });
});
