// The README's "How the code is laid out" map is a newcomer's first page of the architecture, so
// it must name every folder of main/, shared/ and renderer/src/, and nothing that is not there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/corpus';

/** The folders whose every subfolder the map must name. */
const MAPPED_FOLDERS = ['shared/', 'main/', 'renderer/src/'];

/** The code block under the layout heading. */
function layoutMap(readme: string): string {
  const section = readme.split(/^## How the code is laid out$/m)[1];
  const block = section?.match(/^```\n([\s\S]*?)^```$/m)?.[1];
  if (!block) throw new Error('README.md: no code block under "## How the code is laid out"');
  return block;
}

/**
 * Every path the map names, from the repository root. An entry is a path at indent 0, 2 or 4
 * (two spaces a level), under the nearest entry one level up: `  src/api/` under `renderer/` is
 * `renderer/src/api/`. Lines indented further continue a description.
 */
function mappedPaths(map: string): string[] {
  const parents: string[] = [];
  const paths: string[] = [];
  for (const line of map.split('\n')) {
    const entry = line.match(/^((?: {2}){0,2})([\w.-]+(?:\/[\w.-]+)*\/?)(?: +|$)/);
    if (!entry?.[2] || !/[./]/.test(entry[2])) continue;
    const level = (entry[1] ?? '').length / 2;
    const path = (level === 0 ? '' : (parents[level - 1] ?? '')) + entry[2];
    parents[level] = path;
    parents.length = level + 1;
    paths.push(path);
  }
  return paths;
}

/** What is wrong with the map against the tree at `root`, one sentence each; empty when it is true. */
function layoutMismatches(map: string, root: string): string[] {
  const named = mappedPaths(map);
  const wrong = named
    .filter((path) => !existsSync(join(root, path)))
    .map((path) => `${path} is in the map but not in the tree`);
  for (const folder of MAPPED_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}${entry.name}/`;
      if (entry.isDirectory() && !named.includes(path))
        wrong.push(`${path} is in the tree but not in the map`);
    }
  }
  return wrong;
}

const readmeMap = layoutMap(readFileSync(join(REPO, 'README.md'), 'utf8'));

describe("README's layout map", () => {
  it('names every folder of shared/, main/ and renderer/src/, and only folders that exist', () => {
    expect(layoutMismatches(readmeMap, REPO)).toEqual([]);
  });

  it('reads entries at each level, and not the lines that continue a description', () => {
    const paths = mappedPaths(readmeMap);
    expect(paths).toContain('shared/api.ts');
    expect(paths).toContain('main/exchange/formats/');
    expect(paths).toContain('renderer/src/store/');
    expect(
      paths.filter((path) => !/^(shared|main|renderer|test|scripts|bin|assets|docs)\//.test(path)),
    ).toEqual([]);
  });

  it('tells a folder left out and a folder that is gone', () => {
    const stale = readmeMap
      .replace(/^ {2}figures\/.*\n/m, '')
      .replace(/^ {2}cli\/.*\n/m, (cli) => `${cli}  ghosts/      folders of a past design\n`);
    expect(layoutMismatches(stale, REPO)).toEqual([
      'main/ghosts/ is in the map but not in the tree',
      'shared/figures/ is in the tree but not in the map',
    ]);
  });
});
