import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { Project } from '../../../main/project/project';
import { CANDIDATE_TEXT_LIMIT } from '../../../main/suggestions/suggestions';
import type { Stakeholder } from '../../../shared/model/stakeholder';
import type { Suggestion } from '../../../shared/model/suggestion';
import { REPO } from '../../support/corpus';

const KEY = 'tiktok-microsoft.txt';
let dir: string;
let service: GlossService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-suggest-'));
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  service = createGlossService({ annotator: 'alice' });
  await service.open(dir);
});
afterEach(async () => {
  // Closed before the folder goes: a service still watching it writes into .gloss/ as it is removed.
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const text = () => readFile(join(dir, KEY), 'utf8');
const quoteOf = (s: Suggestion) => s.quote;

/** Every place a name or alias of the stakeholder occurs as a whole word, found the plain way. */
function occurrences(body: string, stakeholder: Stakeholder): number[] {
  const starts = new Set<number>();
  for (const name of [stakeholder.name, ...stakeholder.aliases]) {
    const lower = body.toLowerCase();
    for (
      let at = lower.indexOf(name.toLowerCase());
      at >= 0;
      at = lower.indexOf(name.toLowerCase(), at + 1)
    ) {
      const before = body[at - 1] ?? ' ';
      const after = body[at + name.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) starts.add(at);
    }
  }
  return [...starts];
}

describe('suggestions for one document', () => {
  it('proposes every mention of every stakeholder in the register, with its stakeholder code', async () => {
    const { stakeholders } = await service.getProject({});
    const { suggestions } = await service.listSuggestions({ key: KEY });
    const body = await text();
    for (const stakeholder of stakeholders) {
      const mine = suggestions.filter((s) => s.kind === 'stakeholder' && s.stakeholderId === stakeholder.id);
      // Each occurrence is covered by one suggestion of this stakeholder (a longer name may hold a shorter one).
      for (const at of occurrences(body, stakeholder)) {
        expect(
          mine.some((s) => s.start <= at && at < s.end),
          `${stakeholder.name} at ${at}`,
        ).toBe(true);
      }
      expect(mine.length).toBeGreaterThan(0);
      for (const s of mine) expect(s.code).toBe('stakeholder');
    }
    for (const s of suggestions) expect(body.slice(s.start, s.end)).toBe(s.quote);
  });

  it('proposes the seed article’s figures with the parser’s values and a figure code', async () => {
    const { suggestions } = await service.listSuggestions({ key: KEY });
    const figures = suggestions.filter((s) => s.kind === 'figure');
    const valuation = figures.find((s) => s.quote.includes('15-30 billion'));
    expect(valuation?.value).toMatchObject({ min: 15e9, max: 30e9, currency: 'USD' });
    expect(figures.find((s) => s.quote.includes('11-23 billion'))?.value).toMatchObject({
      min: 11e9,
      max: 23e9,
      currency: 'GBP',
    });
    expect(figures.find((s) => s.quote.includes('half a billion'))?.value).toMatchObject({
      min: 5e8,
      max: 5e8,
    });
    expect(figures.find((s) => s.quote.includes('three years'))?.value).toMatchObject({
      min: 3,
      unit: 'years',
    });
    const { codebook } = await service.getProject({});
    const figureCodes = new Set(codebook.codes.filter((c) => c.parentId === 'figures').map((c) => c.id));
    for (const figure of figures) expect(figureCodes.has(figure.code)).toBe(true);
  });

  it('accepts: the suggestion becomes an annotation with its stakeholder or value, and is no longer offered', async () => {
    const before = await service.listSuggestions({ key: KEY });
    const trump = before.suggestions.find((s) => s.stakeholderId === 'donald-trump')!;
    const figure = before.suggestions.find((s) => s.kind === 'figure' && s.quote.includes('15-30'))!;
    const created = await service.acceptSuggestions({ key: KEY, ids: [trump.id, figure.id] });
    expect(created.map((a) => [a.target.quote, a.code, a.stakeholderId, a.value?.min])).toEqual([
      [trump.quote, 'stakeholder', 'donald-trump', undefined],
      [figure.quote, figure.code, undefined, 15e9],
    ]);
    const file = JSON.parse(await readFile(join(dir, '.gloss/annotations', KEY, 'alice.json'), 'utf8'));
    expect(file.annotations).toHaveLength(2);
    const after = await service.listSuggestions({ key: KEY });
    expect(after.suggestions.map((s) => s.id)).not.toContain(trump.id);
    expect(after.suggestions.map((s) => s.id)).not.toContain(figure.id);
    expect(after.suggestions).toHaveLength(before.suggestions.length - 2);
    await expect(service.acceptSuggestions({ key: KEY, ids: [trump.id] })).rejects.toThrow(
      /no longer offered/,
    );
  });

  it('accepts every suggestion of the document in one go, or none if one is no longer offered', async () => {
    const { suggestions } = await service.listSuggestions({ key: KEY });
    await expect(
      service.acceptSuggestions({ key: KEY, ids: [...suggestions.map((s) => s.id), 'f1-2-gone'] }),
    ).rejects.toThrow(/f1-2-gone is no longer offered/);
    expect(await service.listAnnotations({ key: KEY })).toEqual([]);
    const created = await service.acceptSuggestions({ key: KEY, ids: suggestions.map((s) => s.id) });
    expect(created.map((a) => a.target.quote)).toEqual(suggestions.map((s) => s.quote));
    const file = JSON.parse(await readFile(join(dir, '.gloss/annotations', KEY, 'alice.json'), 'utf8'));
    expect(file.annotations).toHaveLength(suggestions.length);
    // Accepted candidates are register entries now: their other mentions are all that is left.
    const before = new Set(suggestions.flatMap((s) => (s.stakeholderId ? [s.stakeholderId] : [])));
    const added = (await service.getProject({})).stakeholders.filter((s) => !before.has(s.id));
    expect(added.map((s) => s.name)).toContain('Jennifer Granick');
    for (const left of (await service.listSuggestions({ key: KEY })).suggestions) {
      expect(left.kind).toBe('stakeholder');
      expect(added.map((s) => s.id)).toContain(left.stakeholderId);
    }
  });

  it('proposes names not in the register as candidates, and accepting one adds it to the register', async () => {
    const { suggestions } = await service.listSuggestions({ key: KEY });
    const candidates = suggestions.filter((s) => s.kind === 'candidate');
    const granick = candidates.find((s) => s.quote === 'Jennifer Granick');
    expect(granick?.newStakeholder).toEqual({ name: 'Jennifer Granick', kind: 'person' });
    expect(candidates.find((s) => s.quote === 'American Civil Liberties Union')).toBeUndefined();
    // Names of the register are mentions, never candidates.
    const { stakeholders } = await service.getProject({});
    const names = new Set(stakeholders.flatMap((s) => [s.name, ...s.aliases]));
    for (const candidate of candidates) expect(names.has(candidate.quote)).toBe(false);

    const [annotation] = await service.acceptSuggestions({ key: KEY, ids: [granick!.id] });
    const added = (await service.getProject({})).stakeholders.find((s) => s.name === 'Jennifer Granick');
    expect(added).toMatchObject({ kind: 'person' });
    expect(annotation).toMatchObject({ code: 'stakeholder', stakeholderId: added!.id });
  });

  it('leaves candidates out of texts too long to tag quickly, keeping names and figures', async () => {
    const sentence = 'Jennifer Granick said TikTok was worth $5m.\n\n';
    await writeFile(
      join(dir, 'long.txt'),
      sentence.repeat(Math.ceil((CANDIDATE_TEXT_LIMIT + 1) / sentence.length)),
    );
    await writeFile(join(dir, 'short.txt'), sentence);
    const kinds = async (key: string) =>
      new Set((await service.listSuggestions({ key })).suggestions.map((s) => s.kind));
    expect(await kinds('short.txt')).toEqual(new Set(['candidate', 'stakeholder', 'figure']));
    expect(await kinds('long.txt')).toEqual(new Set(['stakeholder', 'figure']));
  }, 30_000);

  it('leaves out a mention already tagged by hand as some stakeholder', async () => {
    const before = await service.listSuggestions({ key: KEY });
    const tiktok = before.suggestions.find((s) => s.stakeholderId === 'tiktok')!;
    await service.createAnnotation({ key: KEY, code: 'security', start: tiktok.start, end: tiktok.end });
    expect((await service.listSuggestions({ key: KEY })).suggestions.map((s) => s.id)).toContain(tiktok.id);
    const other = await service.addStakeholder({ name: 'TikTok Inc', kind: 'company' });
    await service.createAnnotation({
      key: KEY,
      code: 'stakeholder',
      start: tiktok.start,
      end: tiktok.end,
      stakeholderId: other.id,
    });
    expect((await service.listSuggestions({ key: KEY })).suggestions.map((s) => s.id)).not.toContain(
      tiktok.id,
    );
  });

  it('rejects: the suggestion stays away after reopening, stored apart from annotations; undo brings it back', async () => {
    const { suggestions } = await service.listSuggestions({ key: KEY });
    const rejected = suggestions.filter((s) => s.kind === 'figure').slice(0, 2);
    await service.rejectSuggestions({ key: KEY, ids: rejected.map((s) => s.id) });

    const reopened = createGlossService({ annotator: 'alice' });
    await reopened.open(dir);
    const after = await reopened.listSuggestions({ key: KEY });
    expect(after.rejected).toBe(2);
    expect(after.suggestions.map(quoteOf)).toEqual(
      suggestions.filter((s) => !rejected.includes(s)).map(quoteOf),
    );
    const file = JSON.parse(await readFile(join(dir, '.gloss/suggestions', KEY, 'alice.json'), 'utf8'));
    expect(file.rejected.map((r: { quote: string }) => r.quote)).toEqual(rejected.map(quoteOf));
    // No annotation file is written (the open app keeps an empty annotations folder to watch).
    expect(await readdir(join(dir, '.gloss/annotations'), { recursive: true }).catch(() => [])).toEqual([]);

    // Another annotator's rejections are theirs alone.
    const bob = createGlossService({ annotator: 'bob' });
    await bob.open(dir);
    expect((await bob.listSuggestions({ key: KEY })).suggestions).toHaveLength(suggestions.length);

    await reopened.unrejectSuggestions({ key: KEY, ids: [rejected[0]!.id] });
    expect((await reopened.listSuggestions({ key: KEY })).suggestions.map((s) => s.id)).toContain(
      rejected[0]!.id,
    );
  });

  it('changes nothing on disk when the project is open read-only', async () => {
    const project = await Project.open(dir, { annotator: 'alice', readOnly: true });
    const { Suggestions } = await import('../../../main/suggestions/suggestions');
    const suggestions = new Suggestions(project);
    const { suggestions: found } = await suggestions.list(KEY);
    expect(found.length).toBeGreaterThan(0);
    await expect(suggestions.reject(KEY, [found[0]!.id])).rejects.toThrow(/read-only/);
    expect(await readdir(join(dir, '.gloss'))).not.toContain('suggestions');
  });
});

describe('the corpus-wide suggestion job', () => {
  it('goes through every document, reports progress, and counts what listing each document finds', async () => {
    for (const name of ['a', 'b', 'c']) await cp(join(dir, KEY), join(dir, 'more', `${name}.txt`));
    const events: { done: number; state: string }[] = [];
    service.subscribe((event) => {
      if (event.type === 'suggestionJob')
        events.push({ done: event.payload.done, state: event.payload.state });
    });
    const started = await service.startSuggestionJob({});
    expect(started.state).toBe('running');
    const job = await waitForJob();
    expect(job.state).toBe('done');
    expect(job.total).toBe(4);
    expect(job.done).toBe(4);
    const one = (await service.listSuggestions({ key: KEY })).suggestions.length;
    expect(job.byDocument).toEqual({ 'more/a.txt': one, 'more/b.txt': one, 'more/c.txt': one, [KEY]: one });
    expect(job.found).toBe(4 * one);
    expect(events.at(0)?.state).toBe('running');
    expect(events.at(-1)).toEqual({ done: 4, state: 'done' });
  });

  it('stops when cancelled', async () => {
    for (let i = 0; i < 40; i++) await cp(join(dir, KEY), join(dir, 'more', `${i}.txt`));
    await service.startSuggestionJob({});
    const cancelled = await service.cancelSuggestionJob({});
    expect(cancelled.state).toBe('running');
    const job = await waitForJob();
    expect(job.state).toBe('cancelled');
    expect(job.done).toBeLessThan(job.total);
  });
});

async function waitForJob() {
  for (;;) {
    const job = await service.getSuggestionJob({});
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
