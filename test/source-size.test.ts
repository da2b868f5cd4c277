import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/corpus';

/** A source file longer than this is doing more than one job: split it by responsibility. */
const MOST_LINES = 500;

async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(join(REPO, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(REPO, join(e.parentPath, e.name)));
}

describe('the size of source files', () => {
  it(`keeps every file of main/, shared/ and renderer/src/ within ${MOST_LINES} lines`, async () => {
    const files = [
      ...(await sources('main')),
      ...(await sources('shared')),
      ...(await sources('renderer/src')),
    ];
    expect(files.length).toBeGreaterThan(100);
    const long: string[] = [];
    for (const file of files) {
      const lines = (await readFile(join(REPO, file), 'utf8')).split('\n').length;
      if (lines > MOST_LINES) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });
});
