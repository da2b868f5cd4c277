import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
