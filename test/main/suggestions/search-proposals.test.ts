/**
 * Tagging search hits safely: proposals stored for review on real BBC articles, listed with the
 * computed suggestions, accepted into annotations at the hits' exact offsets, rejected and
 * remembered, taken back; proposing again skips; older files read; a read-only project refused.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { rejection } from '../../support/api-rejection';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const KEYS = ['tech/061.txt', 'tech/079.txt', 'tech/096.txt', 'politics/046.txt', 'business/001.txt'];
const WORD = /(?<![\p{L}\p{M}\p{N}])privacy(?![\p{L}\p{M}\p{N}])/giu;
const CODE = 'privacy';

let project: TempProject;
let service: GlossService;
let api: GlossClient;
const texts = new Map<string, string>();

async function open(options: { readOnly?: boolean } = {}) {
  service = createGlossService({ annotator: 'alice', watchFolder: false, ...options });
  await service.open(project.path);
  api = createApiClient(inProcessTransport(createDispatch(service)));
}

beforeEach(async () => {
  const files: Record<string, string> = {};
  for (const key of KEYS) {
    const text = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
    files[key] = text;
    texts.set(key, text.replace(/\r\n?/g, '\n'));
  }
  project = await makeTempProject(files);
  await open();
});
afterEach(async () => {
  await service.close();
  await project.cleanup();
});

/** Every whole-word "privacy" in the articles, found the plain way, as "key start end". */
function privacyHits(): string[] {
  const hits: string[] = [];
  for (const [key, text] of texts) {
    for (const m of text.matchAll(WORD)) hits.push(`${key} ${m.index} ${m.index + m[0].length}`);
  }
  return hits.sort();
}

async function proposals(key: string) {
  const { suggestions } = await api.listSuggestions({ key });
  return suggestions.filter((s) => s.kind === 'search');
}

const suggestionsFile = (key: string) =>
  join(project.path, '.gloss', 'suggestions', ...key.split('/'), 'alice.json');

describe('proposing search hits for review', () => {
  it('proposes every hit of a search, lists them per document, and tags nothing', async () => {
    const expected = privacyHits();
    expect(expected.length).toBeGreaterThan(5);
    const progress: unknown[] = [];
    const unsubscribe = service.subscribe((event) => {
      if (event.type === 'proposalProgress') progress.push(event.payload);
    });
    const answer = await api.proposeSearchTags({ code: CODE, search: { query: 'privacy' } });
    unsubscribe();
    const documents = new Set(expected.map((h) => h.split(' ')[0]));
    expect(answer).toMatchObject({ proposed: expected.length, documents: documents.size, skipped: 0 });
    // Its progress: the documents checked, then their proposals saved, each phase to its end.
    const total = documents.size;
    expect(progress.at(-1)).toEqual({ phase: 'saving', done: total, total });
    expect(progress).toContainEqual({ phase: 'checking', done: total, total });
    expect(progress.findIndex((p) => (p as { phase: string }).phase === 'saving')).toBeGreaterThan(
      progress.findLastIndex((p) => (p as { phase: string }).phase === 'checking'),
    );

    const listed: string[] = [];
    for (const key of KEYS) {
      for (const s of await proposals(key)) {
        expect(s).toMatchObject({ code: CODE, query: 'privacy' });
        expect(texts.get(key)!.slice(s.start, s.end)).toBe(s.quote);
        listed.push(`${key} ${s.start} ${s.end}`);
      }
      expect(await api.listAnnotations({ key })).toEqual([]);
    }
    expect(listed.sort()).toEqual(expected);

    const counts = await api.searchProposals({});
    expect(counts.total).toBe(expected.length);
    expect(counts.documents.map((d) => d.key).sort()).toEqual([...documents].sort());
    expect(counts.documents[0]!.queries).toEqual(['privacy']);
    // Never in the annotation files or an export.
    const exported = await api.exportDataset({ format: 'jsonl' });
    expect(exported.annotations).toBe(0);
    for (const name of exported.files) {
      const written = await readFile(join(project.path, exported.folder, name), 'utf8');
      expect(written).not.toMatch(/"spans":\s*\[\s*\{/);
    }
  });

  it('accepts one into an annotation at its exact offsets, rejects one for good, takes it back', async () => {
    await api.proposeSearchTags({ code: CODE, search: { query: 'privacy' } });
    const key = 'tech/061.txt';
    const [first, second] = await proposals(key);
    const [created] = await api.acceptSuggestions({ key, ids: [first!.id] });
    expect(created).toMatchObject({ code: CODE, author: 'alice' });
    expect(created!.target).toMatchObject({ start: first!.start, end: first!.end, quote: first!.quote });
    expect(texts.get(key)!.slice(created!.target.start, created!.target.end).toLowerCase()).toBe('privacy');
    expect((await proposals(key)).map((s) => s.id)).not.toContain(first!.id);
    const file = JSON.parse(await readFile(suggestionsFile(key), 'utf8'));
    expect(file.proposed.map((p: { id: string }) => p.id)).not.toContain(first!.id);

    await api.rejectSuggestions({ key, ids: [second!.id] });
    expect((await proposals(key)).map((s) => s.id)).not.toContain(second!.id);
    // Reopened: the no is remembered, and proposing the same search again skips both.
    await service.close();
    await open();
    expect((await proposals(key)).map((s) => s.id)).not.toContain(second!.id);
    const again = await api.proposeSearchTags({ code: CODE, search: { query: 'privacy' } });
    expect(again.proposed).toBe(0);
    expect(again.skipped).toBe(privacyHits().length);

    await api.unrejectSuggestions({ key, ids: [second!.id] });
    expect((await proposals(key)).map((s) => s.id)).toContain(second!.id);
  });

  it('follows a proposal when the article changes, and drops one whose words are gone', async () => {
    const key = 'tech/061.txt';
    const text = texts.get(key)!;
    const hits = [...text.matchAll(WORD)].map((m) => ({ key, start: m.index, end: m.index + 7 }));
    await api.proposeSearchTags({ code: CODE, hits: hits.slice(0, 2), query: 'privacy' });
    // A sentence added at the top moves both; the second hit's word is then changed.
    const added = 'A new first line.\n';
    const second = hits[1]!;
    const edited = `${added}${text.slice(0, second.start)}secrecy${text.slice(second.end)}`;
    await writeFile(join(project.path, key), edited);
    await service.close();
    await open();
    const listed = await proposals(key);
    expect(listed.map((s) => [s.start, s.end])).toEqual([
      [hits[0]!.start + added.length, hits[0]!.end + added.length],
    ]);
    const [annotation] = await api.acceptSuggestions({ key, ids: [listed[0]!.id] });
    expect(edited.slice(annotation!.target.start, annotation!.target.end)).toBe(listed[0]!.quote);
  });

  it('skips hits already tagged with the code there, and refuses hits that do not fit or a group', async () => {
    const key = 'tech/079.txt';
    const [hit] = [...texts.get(key)!.matchAll(WORD)];
    const place = { key, start: hit!.index, end: hit!.index + 7 };
    await api.createAnnotation({ ...place, code: CODE });
    const answer = await api.proposeSearchTags({ code: CODE, hits: [place] });
    expect(answer).toMatchObject({ proposed: 0, documents: 0, skipped: 1 });
    // Another code at the same place is another proposal.
    expect((await api.proposeSearchTags({ code: 'security', hits: [place] })).proposed).toBe(1);

    const past = texts.get(key)!.length + 5;
    const tooFar = await rejection(
      api.proposeSearchTags({ code: CODE, hits: [{ key, start: past - 1, end: past }] }),
    );
    expect(tooFar.code).toBe('bad-request');
    expect(tooFar.message).toContain(key);
    const { codebook } = await api.getProject({});
    const group = codebook.codes.find((c) => !c.codable)!;
    const grouped = await rejection(api.proposeSearchTags({ code: group.id, hits: [place] }));
    expect(grouped.message).toContain(group.name);
    const both = await rejection(
      api.proposeSearchTags({ code: CODE, hits: [place], search: { query: 'privacy' } }),
    );
    expect(both.code).toBe('bad-request');
  });

  it('reads a rejections file of version 1, and keeps its rejections when proposing', async () => {
    const key = 'politics/046.txt';
    const { suggestions } = await api.listSuggestions({ key });
    const rejected = suggestions[0]!;
    await mkdir(join(suggestionsFile(key), '..'), { recursive: true });
    const v1 = {
      format: 'gloss-rejected-suggestions',
      schemaVersion: 1,
      document: key,
      annotator: 'alice',
      rejected: [{ ...rejected, at: '2026-01-01T00:00:00.000Z' }].map(
        ({ id, kind, start, end, quote, at }) => ({
          id,
          kind,
          start,
          end,
          quote,
          at,
        }),
      ),
    };
    await writeFile(suggestionsFile(key), JSON.stringify(v1));
    await service.close();
    await open();
    const after = await api.listSuggestions({ key });
    expect(after.rejected).toBe(1);
    expect(after.suggestions.map((s) => s.id)).not.toContain(rejected.id);
    await api.proposeSearchTags({ code: CODE, search: { query: 'privacy', folder: 'politics/' } });
    const file = JSON.parse(await readFile(suggestionsFile(key), 'utf8'));
    expect(file.schemaVersion).toBe(2);
    expect(file.rejected.map((r: { id: string }) => r.id)).toEqual([rejected.id]);
    expect(file.proposed.length).toBe(privacyHits().filter((h) => h.startsWith(key)).length);
  });

  it('refuses to propose in a project opened read-only, saying so', async () => {
    await service.close();
    await open({ readOnly: true });
    const refused = await rejection(api.proposeSearchTags({ code: CODE, search: { query: 'privacy' } }));
    expect(refused.message).toMatch(/read-only|read only/i);
    expect((await api.searchProposals({})).total).toBe(0);
  });
});
