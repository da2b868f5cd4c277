import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { rejection } from '../../support/api-rejection';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Corpus search on 400 real BBC articles, every count and every hit checked against the same
 * search done the simple way: one regular expression per query over each article's text.
 */
const SECTIONS = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const W = '[\\p{L}\\p{M}\\p{N}]';
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The simple way: whole words, any case, spaces, hyphens and apostrophes between the words of a phrase. */
const bruteForce = {
  word: (word: string) => new RegExp(`(?<!${W})${literal(word)}(?!${W})`, 'giu'),
  prefix: (prefix: string) => new RegExp(`(?<!${W})${literal(prefix)}${W}*`, 'giu'),
  phrase: (...words: string[]) =>
    new RegExp(`(?<!${W})${words.map(literal).join("[\\s\\p{Pd}'’]+")}(?!${W})`, 'giu'),
};

let project: TempProject;
let service: GlossService;
let api: GlossClient;
const texts = new Map<string, string>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const section of SECTIONS) {
    for (const name of (await readdir(join(CORPUS, 'news-txt', section))).sort().slice(0, 80)) {
      const text = await readFile(join(CORPUS, 'news-txt', section, name), 'utf8');
      files[`${section}/${name}`] = text;
      texts.set(`${section}/${name}`, text.replace(/\r\n?/g, '\n'));
    }
  }
  project = await makeTempProject(files);
  service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(project.path);
  api = createApiClient(inProcessTransport(createDispatch(service)));
});
afterAll(async () => {
  await service.close();
  await project.cleanup();
});

/** Every hit of `pattern` in every article, as "key start end", and the count per article. */
function expected(pattern: RegExp, keys: Iterable<string> = texts.keys()) {
  const hits: string[] = [];
  const byDocument: Record<string, number> = {};
  for (const key of keys) {
    const found = [...texts.get(key)!.matchAll(pattern)].filter((m) => m[0].length > 0);
    if (found.length > 0) byDocument[key] = found.length;
    for (const m of found) hits.push(`${key} ${m.index} ${m.index + m[0].length}`);
  }
  return { total: hits.length, byDocument, hits: hits.sort() };
}

async function searched(
  query: string,
  options: { folder?: string; insideCode?: string; uncoded?: boolean } = {},
) {
  const result = await api.searchCorpus({ query, limit: 100_000, ...options });
  return {
    total: result.total,
    byDocument: result.byDocument,
    hits: result.hits.map((h) => `${h.key} ${h.start} ${h.end}`).sort(),
    result,
  };
}

describe('searching the corpus', () => {
  it('reads the articles as the brute force does', async () => {
    for (const key of [[...texts.keys()][0]!, [...texts.keys()].at(-1)!]) {
      expect((await api.getDocument({ key })).text).toBe(texts.get(key));
    }
  });

  it.each([
    ['security', bruteForce.word('security')],
    ['Government', bruteForce.word('government')],
    ['regulat*', bruteForce.prefix('regulat')],
    ['prime minister', bruteForce.phrase('prime', 'minister')],
    ['"chief executive"', bruteForce.phrase('chief', 'executive')],
    ['/\\d+(\\.\\d+)?\\s?(million|billion|bn|m)\\b/i', /\d+(\.\d+)?\s?(million|billion|bn|m)\b/gi],
  ])('finds every hit of %s, each at its place', async (query, pattern) => {
    const want = expected(pattern);
    expect(want.total).toBeGreaterThan(10);
    const got = await searched(query);
    expect(got.total).toBe(want.total);
    expect(got.byDocument).toEqual(want.byDocument);
    expect(got.hits).toEqual(want.hits);
    expect(got.result.documents).toBe(Object.keys(want.byDocument).length);
    for (const hit of got.result.hits.slice(0, 50)) {
      expect(hit.text).toBe(texts.get(hit.key)!.slice(hit.start, hit.end));
      expect(texts.get(hit.key)!.slice(0, hit.start).replace(/\s+/g, ' ').endsWith(hit.left)).toBe(true);
    }
    // Counted without returning a hit (from the index, for words), and the same hits page by page.
    const counted = await api.searchCorpus({ query, limit: 0 });
    expect([counted.total, counted.byDocument]).toEqual([want.total, want.byDocument]);
    const pages: string[] = [];
    for (let offset = 0; offset < want.total; offset += 97) {
      const page = await api.searchCorpus({ query, limit: 97, offset });
      expect(page.total).toBe(want.total);
      pages.push(...page.hits.map((h) => `${h.key} ${h.start} ${h.end}`));
    }
    expect(pages).toEqual(got.result.hits.map((h) => `${h.key} ${h.start} ${h.end}`));
  });

  it('counts every hit but returns the first ones only, and searches one folder', async () => {
    const all = await api.searchCorpus({ query: 'the', limit: 25 });
    expect(all.hits).toHaveLength(25);
    expect(all.total).toBe(expected(bruteForce.word('the')).total);
    const tech = await searched('security', { folder: 'tech/' });
    const techKeys = [...texts.keys()].filter((key) => key.startsWith('tech/'));
    expect(tech.hits).toEqual(expected(bruteForce.word('security'), techKeys).hits);
  });

  it('follows the articles: an edited one is searched as it is now, a removed one not at all', async () => {
    const before = await searched('gloss-test-marker');
    expect(before.total).toBe(0);
    const edited = 'sport/001.txt';
    const text = `${texts.get(edited)}\nA Gloss-test-marker line, and gloss-test-marker again.\n`;
    await writeFile(join(project.path, edited), text);
    const after = await searched('gloss-test-marker');
    expect(after.hits).toEqual([
      `${edited} ${text.indexOf('Gloss-test')} ${text.indexOf('Gloss-test') + 'gloss-test-marker'.length}`,
      `${edited} ${text.lastIndexOf('gloss-test')} ${text.lastIndexOf('gloss-test') + 'gloss-test-marker'.length}`,
    ]);
    const security = (await searched('security')).byDocument;
    const holding = Object.keys(security)[0]!;
    await rm(join(project.path, holding));
    const gone = await searched('security');
    expect(gone.byDocument[holding]).toBeUndefined();
    expect(gone.total).toBe((await searched('security')).total);
    expect(gone.total).toBe(Object.values(security).reduce((a, b) => a + b, 0) - security[holding]!);
  });

  it('keeps the hits inside passages of a code (a group: any of its codes), or those not yet coded', async () => {
    const { codebook } = await api.getProject({});
    const group = codebook.codes.find(
      (c) => c.parentId === null && codebook.codes.some((d) => d.parentId === c.id),
    )!;
    const code = codebook.codes.find((c) => c.parentId === group.id)!;
    const other = codebook.codes.find((c) => c.parentId !== group.id && c.parentId !== null)!;
    const all = await searched('government');
    const hits = all.result.hits.map((h) => ({ key: h.key, start: h.start, end: h.end }));
    // A passage around the first hit, one on exactly the second, one of another code touching the third.
    const [a, b, c] = hits;
    for (const [hit, codeId, from, to] of [
      [a!, code.id, a!.start - 5, a!.end + 5],
      [b!, code.id, b!.start, b!.end],
      [c!, other.id, c!.start + 1, c!.end + 20],
    ] as const) {
      await api.createAnnotation({ key: hit.key, code: codeId, start: Math.max(0, from), end: to });
    }
    const inside = await searched('government', { insideCode: group.id });
    expect(inside.hits).toEqual([a!, b!].map((h) => `${h.key} ${h.start} ${h.end}`).sort());
    expect(inside.total).toBe(2);
    expect((await searched('government', { insideCode: other.id })).total).toBe(0);
    const uncoded = await searched('government', { uncoded: true });
    expect(uncoded.total).toBe(all.total - 3);
    expect(uncoded.hits).not.toContain(`${c!.key} ${c!.start} ${c!.end}`);
    const both = await rejection(api.searchCorpus({ query: 'x', insideCode: code.id, uncoded: true }));
    expect(both.code).toBe('bad-request');
  });

  it('reports its progress, and stops when cancelled', async () => {
    const events: { phase: string; done: number; total: number }[] = [];
    const unsubscribe = service.subscribe((event) => {
      if (event.type === 'searchProgress') events.push(event.payload);
    });
    try {
      await api.searchCorpus({ query: '/e/', limit: 1 });
      const articles = (await api.listDocuments({})).documents.length;
      expect(events.at(-1)).toEqual({ query: '/e/', phase: 'scanning', done: articles, total: articles });
      // Asked for at once, the cancel comes while the search is reading its first texts.
      const running = rejection(api.searchCorpus({ query: '/(a|e)+x/', limit: 1 }));
      expect(await api.cancelSearch({})).toEqual({ cancelled: true });
      const stopped = await running;
      expect(stopped.code).toBe('cancelled');
      expect(await api.cancelSearch({})).toEqual({ cancelled: false });
      expect((await api.searchCorpus({ query: 'security', limit: 0 })).total).toBeGreaterThan(0);
    } finally {
      unsubscribe();
    }
  });

  it('refuses a query it cannot run, saying why', async () => {
    const error = await rejection(api.searchCorpus({ query: '/[a-/', limit: 10 }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/^\/\[a-\/ is not a regular expression: /);
  });
});

describe('searching a project whose folder is watched', () => {
  it('re-reads only what the watcher names: new, edited and removed articles', async () => {
    const watched = await makeTempProject({
      'a.txt': 'Alpha\n\nNothing yet.\n',
      'b.txt': 'Beta\n\nA beacon here.\n',
    });
    const live = createGlossService({ annotator: 'alice' });
    try {
      await live.open(watched.path);
      const client = createApiClient(inProcessTransport(createDispatch(live)));
      const told = (key: string) =>
        new Promise<void>((resolve) => {
          const stop = live.subscribe((event) => {
            if (
              event.type === 'documentsChanged' &&
              (event.payload.keys.includes(key) || event.payload.keys.length === 0)
            ) {
              stop();
              resolve();
            }
          });
        });
      const count = async (query: string) => (await client.searchCorpus({ query, limit: 100 })).byDocument;
      expect(await count('beacon')).toEqual({ 'b.txt': 1 });

      let news = told('c.txt');
      await writeFile(join(watched.path, 'c.txt'), 'Gamma\n\nA beacon, and another beacon.\n');
      await news;
      expect(await count('beacon')).toEqual({ 'b.txt': 1, 'c.txt': 2 });

      news = told('a.txt');
      await writeFile(join(watched.path, 'a.txt'), 'Alpha\n\nNow a beacon too.\n');
      await news;
      news = told('b.txt');
      await rm(join(watched.path, 'b.txt'));
      await news;
      expect(await count('beacon')).toEqual({ 'a.txt': 1, 'c.txt': 2 });
    } finally {
      await live.close();
      await watched.cleanup();
    }
  }, 30_000);
});
