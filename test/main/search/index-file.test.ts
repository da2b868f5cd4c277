import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import { CorpusSearch, type SearchSource } from '../../../main/search/corpus-search';
import { decodeIndex, encodeIndex } from '../../../main/search/index-file';
import { SearchIndex } from '../../../main/search/search-index';
import { parseSearchQuery, type SearchQuery } from '../../../shared/search/search-query';
import { makeTempProject, type TempProject } from '../../support/temp-project';

type WordQuery = Extract<SearchQuery, { kind: 'words' }>;

const TEXTS: Record<string, string> = {
  'a.txt': 'Security and privacy. Security again, and cyber-security.',
  'b.txt': 'Privacy of 😀 users: privacy, PRIVACY, regulators regulate.',
  'c.txt': 'Nothing here but café and crème.',
};

describe('the search index on disk', () => {
  it('reads back what was written: the same counts, dropped documents left out', () => {
    const index = new SearchIndex();
    for (const [key, text] of Object.entries(TEXTS)) index.add(key, `v-${key}`, text);
    index.add('a.txt', 'v2', 'Now only privacy here.');
    index.remove('c.txt');
    const bytes = encodeIndex(index.toParts());
    const again = SearchIndex.fromParts(decodeIndex(bytes)!);
    const counts = (of: SearchIndex, query: string) =>
      new Map(of.count(parseSearchQuery(query) as WordQuery, () => true));
    for (const query of ['security', 'privacy', 'regulat*', 'café', 'privacy here', 'of users']) {
      expect(counts(again, query), query).toEqual(counts(index, query));
    }
    expect(counts(again, 'privacy')).toEqual(
      new Map([
        ['a.txt', 1],
        ['b.txt', 3],
      ]),
    );
    // An emoji between two words is not a joiner: no phrase runs across it.
    expect(counts(again, 'of users')).toEqual(new Map());
    expect(again.versionOf('a.txt')).toBe('v2');
    expect(again.keys()).toEqual(['a.txt', 'b.txt']);
  });

  it('ignores a file that does not read back whole', () => {
    const index = new SearchIndex();
    index.add('a.txt', 'v', TEXTS['a.txt']!);
    const bytes = encodeIndex(index.toParts());
    expect(decodeIndex(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeIndex(new Uint8Array([...bytes, 0]))).toBeUndefined();
    expect(decodeIndex(new TextEncoder().encode('{"not": "an index"}'))).toBeUndefined();
  });
});

describe('an index kept between runs', () => {
  let project: TempProject;
  let file: string;
  beforeEach(async () => {
    project = await makeTempProject(TEXTS);
    file = join(project.path, '.gloss/cache/search-index.bin');
  });
  /** Every search made, closed (their index written) before the folder goes. */
  const searches: CorpusSearch[] = [];
  afterEach(async () => {
    await Promise.all(searches.splice(0).map((search) => search.close()));
    await project.cleanup();
  });
  const searchOver = (source: SearchSource, store: ConstructorParameters<typeof CorpusSearch>[1]) => {
    const search = new CorpusSearch(source, store);
    searches.push(search);
    return search;
  };

  /** The project as corpus search sees it, counting the texts it reads. */
  async function source(readOnly = false) {
    const opened = await Project.open(project.path, { annotator: 'alice', readOnly });
    const reads: string[] = [];
    const counted: SearchSource = {
      listDocuments: () => opened.listDocuments(),
      text: (key) => {
        reads.push(key);
        return opened.text(key);
      },
      openDocument: (key) => {
        reads.push(key);
        return opened.openDocument(key);
      },
    };
    return { source: counted, reads };
  }
  const written = async () => {
    for (let waited = 0; !existsSync(file) && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return existsSync(file);
  };

  it('is written after a search, and the next run counts a word without reading any text', async () => {
    const first = await source();
    const result = await searchOver(first.source, { indexFile: file }).search({
      query: 'privacy',
      limit: 0,
    });
    expect(result.total).toBe(4);
    expect(first.reads.sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(await written()).toBe(true);

    const second = await source();
    const again = await searchOver(second.source, { indexFile: file }).search({
      query: 'privacy',
      limit: 0,
    });
    expect(again).toEqual(result);
    expect(second.reads).toEqual([]);
    // An article changed meanwhile is read again, and only that one.
    await writeFile(join(project.path, 'c.txt'), 'Privacy at last.');
    const third = await source();
    const changed = await searchOver(third.source, { indexFile: file }).search({
      query: 'privacy',
      limit: 0,
    });
    expect(changed.total).toBe(5);
    expect(third.reads).toEqual(['c.txt']);
  });

  it('pages through a regular expression without reading every article again, until one changes', async () => {
    const { source: counted, reads } = await source();
    const search = searchOver(counted, { indexFile: file, readOnly: true });
    const first = await search.search({ query: '/privacy/i', limit: 1 });
    expect([first.total, first.hits.map((h) => h.key)]).toEqual([4, ['a.txt']]);
    reads.length = 0;
    const second = await search.search({ query: '/privacy/i', limit: 2, offset: 2 });
    expect(second.hits.map((h) => [h.key, h.text])).toEqual([
      ['b.txt', 'privacy'],
      ['b.txt', 'PRIVACY'],
    ]);
    expect(reads).toEqual(['b.txt']);
    // A first page scans anew, and so does a later page once an article changed.
    await writeFile(join(project.path, 'b.txt'), 'No more.');
    reads.length = 0;
    const after = await search.search({ query: '/privacy/i', limit: 2, offset: 1 });
    expect([after.total, after.hits]).toEqual([1, []]);
    // The changed one is read to index it, then every one to scan.
    expect([...new Set(reads)].sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
  });

  it('is written at once when the search is closed, so nothing is written into the folder after', async () => {
    const first = await source();
    const search = searchOver(first.source, { indexFile: file });
    await search.search({ query: 'privacy', limit: 0 });
    expect(existsSync(file)).toBe(false);
    await search.close();
    expect(decodeIndex(await readFile(file))).toBeDefined();
  });

  it('is not written by a project opened read-only, and a broken one is indexed anew', async () => {
    const readOnly = await source(true);
    await searchOver(readOnly.source, { indexFile: file, readOnly: true }).search({
      query: 'privacy',
      limit: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(existsSync(file)).toBe(false);

    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, 'GLSI broken');
    const fresh = await source();
    const result = await searchOver(fresh.source, { indexFile: file }).search({
      query: 'security',
      limit: 10,
    });
    expect(result.total).toBe(3);
    expect(fresh.reads.length).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(decodeIndex(await readFile(file))).toBeDefined();
  });
});
