import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isImportableFile, MAX_OFFERED_BYTES, OfferedImports } from '../../../main/exchange/offered-import';
import { ApiError } from '../../../shared/api-error';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gloss-offered-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('a file opened with Gloss, offered to the Import dialog', () => {
  it('is handed over once, with its format by extension and its bytes', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0xe9]);
    const path = join(folder, 'Étude.QDPX');
    await writeFile(path, bytes);
    const offered = new OfferedImports();
    expect(await offered.take()).toBeNull();
    offered.offer(path);
    const taken = await offered.take();
    expect(taken).toEqual({ name: 'Étude.QDPX', format: 'refi-qda', data: bytes.toString('base64') });
    expect(await offered.take()).toBeNull();
    const codebook = join(folder, 'codes.qdc');
    await writeFile(codebook, '<CodeBook/>');
    offered.offer(codebook);
    expect((await offered.take())?.format).toBe('refi-qda-codebook');
  });

  it('names the file it cannot read or that is too large, and refuses what it does not import', async () => {
    const offered = new OfferedImports();
    offered.offer(join(folder, 'gone.qdpx'));
    const gone = await offered.take().catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^gone\.qdpx could not be read/),
    });

    const big = join(folder, 'big.qdpx');
    await writeFile(big, '');
    await truncate(big, MAX_OFFERED_BYTES + 1);
    offered.offer(big);
    await expect(offered.take()).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining(`gloss import <project folder> --format refi-qda "${big}"`),
    });

    expect(() => offered.offer(join(folder, 'notes.txt'))).toThrow(/imports \.qdpx and \.qdc files/);
    expect(isImportableFile('/x/y.qdpx')).toBe(true);
    expect(isImportableFile('/x/articles')).toBe(false);
  });
});
