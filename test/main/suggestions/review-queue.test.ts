import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import type { SuggestionGroup } from '../../../shared/model/suggestion-group';
import { suggestionGroupId } from '../../../shared/model/suggestion-group';
import { rejection } from '../../support/api-rejection';
import { CORPUS } from '../../support/corpus';
import { makeTempProject } from '../../support/temp-project';

/**
 * The review queue over real BBC articles (five that name Microsoft, and one that does not): built
 * by the run over all documents, decided a group at a time across documents, undone, set aside,
 * and found as it was by a Gloss started again.
 */

const KEYS = [
  'tech/003.txt',
  'tech/007.txt',
  'tech/029.txt',
  'tech/036.txt',
  'tech/052.txt',
  'sport/001.txt',
];
const MICROSOFT = 'candidate:microsoft';
let dir: string;
let service: GlossService;

beforeEach(async () => {
  const files: Record<string, string> = {};
  for (const key of KEYS) files[key] = await readFile(join(CORPUS, 'news-txt', key), 'utf8');
  dir = (await makeTempProject(files)).path;
  service = await openService();
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

async function openService(): Promise<GlossService> {
  const opened = createGlossService({ annotator: 'alice', watchFolder: false });
  await opened.open(dir);
  return opened;
}

async function runOverAll(on = service): Promise<void> {
  await on.startSuggestionJob({});
  while ((await on.getSuggestionJob({})).state === 'running') await new Promise((r) => setTimeout(r, 20));
}

/** What each document offers of the group now, as the screens list it. */
async function offered(id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const key of KEYS) {
    const { suggestions } = await service.listSuggestions({ key });
    const n = suggestions.filter((s) => suggestionGroupId(s) === id).length;
    if (n > 0) counts[key] = n;
  }
  return counts;
}

const groupOf = async (id: string): Promise<SuggestionGroup> =>
  (await service.getReviewQueue({})).groups.find((g) => g.id === id)!;

describe('the review queue', () => {
  it('is empty before a run, and after one holds every suggestion found, grouped, the most mentions first', async () => {
    expect(await service.getReviewQueue({})).toEqual({ builtAt: null, total: 0, reviewed: 0, groups: [] });
    await runOverAll();
    const job = await service.getSuggestionJob({});
    const queue = await service.getReviewQueue({});
    expect(queue.total).toBe(job.found);
    expect(queue.reviewed).toBe(0);
    expect(queue.groups.reduce((n, g) => n + g.mentions, 0)).toBe(job.found);
    const mentions = queue.groups.map((g) => g.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));

    const microsoft = queue.groups.find((g) => g.id === MICROSOFT)!;
    const here = await offered(MICROSOFT);
    expect(microsoft).toMatchObject({
      kind: 'candidate',
      label: 'Microsoft',
      detail: 'company',
      reviewed: 0,
    });
    expect(microsoft.documents).toBe(Object.keys(here).length);
    expect(microsoft.documents).toBeGreaterThanOrEqual(4);
    expect(Object.fromEntries(microsoft.byDocument.map((d) => [d.key, d.count]))).toEqual(here);
    // Figures are grouped by code and unit: money in pounds apart from money in dollars.
    const figures = queue.groups.filter((g) => g.kind === 'figure');
    expect(new Set(figures.map((g) => g.id)).size).toBe(figures.length);
    expect(figures.every((g) => g.id === `figure:${g.code}:${g.detail === 'figure' ? '' : g.detail}`)).toBe(
      true,
    );
  });

  it('accepts a possible new stakeholder in every document as one register entry, and undoes it in one step', async () => {
    await runOverAll();
    const group = await groupOf(MICROSOFT);
    const result = await service.decideSuggestionGroup({ id: MICROSOFT, decision: 'accept' });

    const { stakeholders } = await service.getProject({});
    const entries = stakeholders.filter((s) => s.name === 'Microsoft');
    expect(entries).toHaveLength(1);
    expect(result.addedStakeholder).toBe(entries[0]!.id);
    expect(result.decided).toBe(group.mentions);
    for (const { key, count } of group.byDocument) {
      const tagged = (await service.listAnnotations({ key })).filter(
        (a) => a.stakeholderId === entries[0]!.id,
      );
      expect(tagged).toHaveLength(count);
      const text = (await service.getDocument({ key })).text;
      expect(tagged.every((a) => text.slice(a.target.start, a.target.end) === 'Microsoft')).toBe(true);
    }
    expect(await offered(MICROSOFT)).toEqual({});
    let queue = await service.getReviewQueue({});
    expect(queue.reviewed).toBe(group.mentions);
    expect(
      queue.groups.find((g) => g.id === MICROSOFT)!.byDocument.every((d) => d.decision === 'accepted'),
    ).toBe(true);

    const undone = await service.undoSuggestionGroup({
      id: MICROSOFT,
      documents: result.documents.map((d) => ({ key: d.key, annotations: d.annotations?.map((a) => a.id) })),
      addedStakeholder: result.addedStakeholder,
    });
    expect(undone.restored).toBe(group.mentions);
    expect((await service.getProject({})).stakeholders.some((s) => s.name === 'Microsoft')).toBe(false);
    for (const key of KEYS) expect(await service.listAnnotations({ key })).toEqual([]);
    expect(await offered(MICROSOFT)).toEqual(
      Object.fromEntries(group.byDocument.map((d) => [d.key, d.count])),
    );
    queue = await service.getReviewQueue({});
    expect(queue.reviewed).toBe(0);
  });

  it('rejects a group in one document, or in all of them, and takes the rejection back', async () => {
    await runOverAll();
    const group = await groupOf(MICROSOFT);
    const [first, ...rest] = group.byDocument;
    const here = await service.decideSuggestionGroup({
      id: MICROSOFT,
      decision: 'reject',
      keys: [first!.key],
    });
    expect(here.documents).toEqual([{ key: first!.key, rejected: expect.any(Array) }]);
    expect(Object.keys(await offered(MICROSOFT)).sort()).toEqual(rest.map((d) => d.key).sort());
    expect((await groupOf(MICROSOFT)).reviewed).toBe(first!.count);

    const everywhere = await service.decideSuggestionGroup({ id: MICROSOFT, decision: 'reject' });
    // Every document means those not decided yet: the first one is left as it was.
    expect(everywhere.documents.map((d) => d.key).sort()).toEqual(rest.map((d) => d.key).sort());
    expect(everywhere.decided).toBe(group.mentions - first!.count);
    expect(await offered(MICROSOFT)).toEqual({});
    expect((await groupOf(MICROSOFT)).reviewed).toBe(group.mentions);
    // Nothing was tagged, nothing added to the register.
    for (const key of KEYS) expect(await service.listAnnotations({ key })).toEqual([]);
    expect((await service.getProject({})).stakeholders).toEqual([]);

    await service.undoSuggestionGroup({
      id: MICROSOFT,
      documents: everywhere.documents.map((d) => ({ key: d.key, rejected: d.rejected })),
    });
    expect(Object.keys(await offered(MICROSOFT)).sort()).toEqual(rest.map((d) => d.key).sort());
    expect((await groupOf(MICROSOFT)).reviewed).toBe(first!.count);
  });

  it('decides the rest of a group when one of its documents has gone since the run', async () => {
    await runOverAll();
    const group = await groupOf(MICROSOFT);
    const [gone, ...rest] = group.byDocument;
    await rm(join(dir, ...gone!.key.split('/')));
    const result = await service.decideSuggestionGroup({ id: MICROSOFT, decision: 'accept' });
    expect(result.documents.find((d) => d.key === gone!.key)).toEqual({ key: gone!.key });
    expect(result.decided).toBe(rest.reduce((n, d) => n + d.count, 0));
    // The first document offered nothing: the next one made the one register entry.
    const { stakeholders } = await service.getProject({});
    expect(stakeholders.filter((s) => s.name === 'Microsoft').map((s) => s.id)).toEqual([
      result.addedStakeholder,
    ]);
  });

  it('is found as it was by a Gloss started again, skipped groups included', async () => {
    await runOverAll();
    await service.decideSuggestionGroup({ id: MICROSOFT, decision: 'accept' });
    const queue = await service.getReviewQueue({});
    const other = queue.groups.find((g) => g.id !== MICROSOFT)!;
    await service.skipSuggestionGroup({ id: other.id, skipped: true });
    const before = await service.getReviewQueue({});
    await service.close();

    service = await openService();
    const after = await service.getReviewQueue({});
    expect(after).toEqual(before);
    expect(after.groups.find((g) => g.id === other.id)!.skipped).toBe(true);
    await service.skipSuggestionGroup({ id: other.id, skipped: false });
    expect((await groupOf(other.id)).skipped).toBeUndefined();

    // A new run starts a new queue: what was accepted is no longer offered, so it is not in it.
    await runOverAll();
    const next = await service.getReviewQueue({});
    expect(next.reviewed).toBe(0);
    expect(next.groups.some((g) => g.id === MICROSOFT)).toBe(false);
  });

  it('refuses a group it does not hold, and a document outside the group, saying which', async () => {
    await runOverAll();
    const unknown = await rejection(
      service.decideSuggestionGroup({ id: 'candidate:nobody', decision: 'accept' }),
    );
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toContain('candidate:nobody');
    const outside = await rejection(
      service.decideSuggestionGroup({ id: MICROSOFT, decision: 'reject', keys: ['sport/001.txt'] }),
    );
    expect(outside.code).toBe('bad-request');
    expect(outside.message).toContain('sport/001.txt');
    expect((await service.getReviewQueue({})).reviewed).toBe(0);
  });

  it('names a damaged queue file and never writes over it', async () => {
    await runOverAll();
    await service.close();
    const file = join(dir, '.gloss', 'review', 'alice', 'queue.json');
    await writeFile(file, '{"format": "gloss-review-queue", "schemaVersion": 1, "groups": [ oops');
    service = await openService();
    const problem = await rejection(service.getReviewQueue({}));
    expect(problem.message).toContain('.gloss/review/alice/queue.json');
    await expect(
      rejection(service.skipSuggestionGroup({ id: MICROSOFT, skipped: true })),
    ).resolves.toBeDefined();
    expect(await readFile(file, 'utf8')).toContain('oops');
  });
});
