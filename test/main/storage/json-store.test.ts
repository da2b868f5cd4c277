import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonStore } from '../../../main/storage/json-store';

const Schema = z.object({ items: z.array(z.string()) });
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = (readOnly = false) =>
  JsonStore.open(
    { path: join(dir, 'list.json'), displayName: '.gloss/list.json', schema: Schema, readOnly },
    { items: [] },
  );

describe('a file that cannot be trusted', () => {
  // Not UTF-8 either: the copy must be the bytes, not a decoding of them.
  const broken = Buffer.from([0x7b, 0x22, 0x69, 0x74, 0xe9, 0xff, 0x0a]);

  it('is kept as it is and copied aside once, byte for byte, named in the problem', async () => {
    await writeFile(join(dir, 'list.json'), broken);
    const store = await open();
    const copy = (await readdir(dir)).find((n) => n.startsWith('list.json.invalid-'));
    expect(copy).toMatch(/^list\.json\.invalid-[0-9a-f]{8}$/);
    expect(store.problem?.message).toMatch(
      new RegExp(
        `^\\.gloss/list\\.json: not valid JSON .*\\. It is kept as it is; a copy is at \\.gloss/${copy}$`,
      ),
    );
    await expect(store.update((d) => d.items.push('x'))).rejects.toThrow(/will not overwrite/);
    expect(await readFile(join(dir, 'list.json'))).toEqual(broken);
    expect(await readFile(join(dir, copy!))).toEqual(broken);
    // Opened again: the same content is not copied again; other broken content is.
    await open();
    expect((await readdir(dir)).sort()).toEqual(['list.json', copy]);
    await writeFile(join(dir, 'list.json'), '{"items": [1]}');
    expect((await open()).problem?.message).toMatch(/^\.gloss\/list\.json: items\[0\]: .*a copy is at/);
    expect((await readdir(dir)).filter((n) => n.includes('.invalid-'))).toHaveLength(2);
  });

  it('is not copied when the store is read-only', async () => {
    await writeFile(join(dir, 'list.json'), broken);
    const store = await open(true);
    expect(store.problem?.message).toMatch(/^\.gloss\/list\.json: not valid JSON/);
    expect(store.problem?.message).not.toMatch(/copy/);
    expect(await readdir(dir)).toEqual(['list.json']);
  });
});

describe('another process saving in the same tick of a coarse clock', () => {
  // FAT keeps modification times to 2 s: a save by another process right after this one's can
  // leave the file with the same time and size. Made here by hand on any file system: the other
  // save writes in place (same inode) and puts back the whole-second time.
  it('is still seen: a stamp with a whole-second time is trusted only once its tick is over', async () => {
    const path = join(dir, 'list.json');
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    const store = await open();
    await store.update((d) => d.items.push('mine'));
    await utimes(path, tick, tick);
    await store.refreshFromDisk(); // the time changed: read again, now with a whole-second stamp
    const theirs = (await readFile(path, 'utf8')).replace('mine', 'your');
    await writeFile(path, theirs);
    await utimes(path, tick, tick);
    expect(await store.refreshFromDisk()).toBe(true);
    await store.update((d) => d.items.push('more'));
    expect(JSON.parse(await readFile(path, 'utf8')).items).toEqual(['your', 'more']);
  });
});
