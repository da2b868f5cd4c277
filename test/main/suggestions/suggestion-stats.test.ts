import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import type { Suggestion } from '../../../shared/model/suggestion';
import { REPO } from '../../support/corpus';
import { gloss } from '../../support/gloss-cli';

/**
 * How an annotator has received suggestions, on a copy of the sample project (its article twice,
 * so the counts run over documents): accepted as their annotations record it, rejected as their
 * suggestions files hold it, through the API and `gloss suggest --stats`.
 */

const KEYS = ['tiktok-microsoft.txt', 'copy/tiktok-microsoft.txt'];
let dir: string;
let service: GlossService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-stats-'));
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  await mkdir(join(dir, 'copy'));
  await cp(join(dir, KEYS[0]!), join(dir, KEYS[1]!));
  service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(dir);
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const ofKind = (list: readonly Suggestion[], kind: Suggestion['kind']) => list.filter((s) => s.kind === kind);

describe('suggestion statistics', () => {
  it('count what this annotator accepted and rejected, by kind, across documents, and follow undo', async () => {
    const first = (await service.listSuggestions({ key: KEYS[0]! })).suggestions;
    const second = (await service.listSuggestions({ key: KEYS[1]! })).suggestions;
    const figures = ofKind(first, 'figure');
    const mentions = ofKind(second, 'stakeholder');
    expect(figures.length).toBeGreaterThan(2);
    expect(mentions.length).toBeGreaterThan(3);
    const accepted = await service.acceptSuggestions({
      key: KEYS[0]!,
      ids: figures.slice(0, 2).map((s) => s.id),
    });
    await service.acceptSuggestions({ key: KEYS[1]!, ids: mentions.slice(0, 3).map((s) => s.id) });
    await service.rejectSuggestions({ key: KEYS[0]!, ids: [figures[2]!.id] });
    await service.rejectSuggestions({ key: KEYS[1]!, ids: [mentions[3]!.id] });
    // A tag made by hand is not a suggestion accepted.
    await service.createAnnotation({ key: KEYS[0]!, code: 'security', start: 0, end: 6 });

    let stats = await service.suggestionStats({});
    expect(stats).toEqual({
      annotator: 'alice',
      documents: 2,
      byKind: {
        figure: { accepted: 2, rejected: 1 },
        stakeholder: { accepted: 3, rejected: 1 },
        candidate: { accepted: 0, rejected: 0 },
        search: { accepted: 0, rejected: 0 },
      },
      unreadable: [],
    });
    expect(accepted.every((a) => a.suggested === 'figure')).toBe(true);

    // An accept undone (its annotation deleted) no longer counts; another annotator's work never does.
    await service.deleteAnnotation({ key: KEYS[0]!, id: accepted[0]!.id });
    const bob = createGlossService({ annotator: 'bob', watchFolder: false });
    await bob.open(dir);
    await bob.acceptSuggestions({
      key: KEYS[0]!,
      ids: [ofKind((await bob.listSuggestions({ key: KEYS[0]! })).suggestions, 'figure')[0]!.id],
    });
    expect((await bob.suggestionStats({})).byKind.figure).toEqual({ accepted: 1, rejected: 0 });
    await bob.close();
    stats = await service.suggestionStats({});
    expect(stats.byKind.figure).toEqual({ accepted: 1, rejected: 1 });

    // A damaged suggestions file is named and left out, never rewritten.
    const damaged = join(dir, '.gloss/suggestions/copy/tiktok-microsoft.txt/alice.json');
    await writeFile(damaged, '{ not json');
    stats = await service.suggestionStats({});
    expect(stats.unreadable).toEqual(['.gloss/suggestions/copy/tiktok-microsoft.txt/alice.json']);
    expect(stats.byKind.stakeholder).toEqual({ accepted: 3, rejected: 0 });
  });

  it('are printed by gloss suggest --stats, which writes nothing', async () => {
    const figures = ofKind((await service.listSuggestions({ key: KEYS[0]! })).suggestions, 'figure');
    await service.acceptSuggestions({ key: KEYS[0]!, ids: [figures[0]!.id] });
    await service.rejectSuggestions({ key: KEYS[0]!, ids: [figures[1]!.id, figures[2]!.id] });
    await service.close();
    const text = await gloss(['suggest', dir, '--stats', '--annotator', 'alice']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Suggestions decided by alice, over 2 documents:$/m);
    expect(text.stdout).toMatch(/^ {2}figures +1 accepted +2 rejected +33% accepted$/m);
    expect(text.stdout).toMatch(/^ {2}new stakeholders +0 accepted +0 rejected +–$/m);
    const json = await gloss(['suggest', dir, '--stats', '--json', '--annotator', 'alice']);
    expect(JSON.parse(json.stdout).byKind.figure).toEqual({ accepted: 1, rejected: 2 });
  });
});
