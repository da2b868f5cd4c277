import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import type { GlossService } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient } from '../../../shared/api-client';
import type { CurationState } from '../../../shared/api-curation';
import type { Annotation } from '../../../shared/model/annotation';
import { rejection } from '../../support/api-rejection';
import { at, type CurationFixture, curationFixture, INK, NET } from './curation-fixture';

/**
 * The curated layer on BBC articles coded by alice and bob, curated by carol: the agreed passages
 * in one step, each kind of decision, what is recorded of it, skipping and resuming, undo, and
 * the layer read back as the annotator `curation` by agreement.
 */
let fixture: CurationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const curationFile = (root: string, key: string) =>
  join(root, '.gloss', 'annotations', ...key.split('/'), 'curation.json');

async function curatedFile(root: string, key: string) {
  return JSON.parse(await readFile(curationFile(root, key), 'utf8')) as {
    annotator: string;
    annotations: Annotation[];
    decisions?: { decision: string; by: string; annotations: string[] }[];
  };
}

const spans = (annotations: readonly Annotation[]) =>
  annotations.map((a) => `${a.code} ${a.target.start}-${a.target.end}`).sort();

function itemOf(state: CurationState, key: string, aId: string | null, bId: string | null) {
  const item = state.byDocument
    .find((d) => d.key === key)
    ?.items.find((i) => (i.a?.annotationId ?? null) === aId && (i.b?.annotationId ?? null) === bId);
  if (!item) throw new Error(`no disagreement ${aId}|${bId} in ${key}`);
  return item;
}

async function setUp(): Promise<{ f: CurationFixture; carol: GlossService }> {
  fixture = await curationFixture();
  // Watching the folder, as the app does: the analyses then keep documents between calls.
  const carol = await fixture.open('carol', { watchFolder: true });
  return { f: fixture, carol };
}

describe('the curated layer', () => {
  it('takes every agreed passage in one step, once, with where it came from, who took it and when', async () => {
    const { f, carol } = await setUp();
    const before = Date.now();
    // Done only: none yet, then the one article both marked done.
    expect(await carol.takeAgreed({ a: 'alice', b: 'bob', doneOnly: true })).toMatchObject({
      added: 0,
      byDocument: [],
    });
    const [alice, bob] = f.services;
    await alice!.setDocumentStatus({ key: INK, status: 'done' });
    await bob!.setDocumentStatus({ key: INK, status: 'done' });
    await bob!.setDocumentStatus({ key: NET, status: 'done' });
    // Their statuses reach carol's analyses through the folder watcher, as in the app: a moment later.
    await expect
      .poll(async () => (await carol.curationState({ a: 'alice', b: 'bob', doneOnly: true })).documents, {
        timeout: 10_000,
      })
      .toBe(1);
    const done = await carol.takeAgreed({ a: 'alice', b: 'bob', doneOnly: true });
    expect(done.byDocument.map((d) => [d.key, d.added])).toEqual([[INK, 1]]);
    // Then every document both worked on: the one taken already is not taken again.
    const taken = await carol.takeAgreed({ a: 'alice', b: 'bob' });
    expect(taken.added).toBe(1);
    const byKey = Object.fromEntries(taken.byDocument.map((d) => [d.key, d]));
    expect(byKey[NET]).toMatchObject({ agreed: 1, added: 1 });
    expect(byKey[INK]).toMatchObject({ agreed: 1, added: 0, ids: [] });

    const file = await curatedFile(f.project.path, NET);
    expect(file.annotator).toBe('curation');
    expect(file.annotations).toHaveLength(1);
    const [agreed] = file.annotations;
    expect(agreed!.id).toBe(byKey[NET]!.ids[0]);
    expect(agreed!.author).toBe('curation');
    const expected = at(f.texts[NET]!, 'China net cafe culture crackdown', 'privacy');
    expect(agreed).toMatchObject({ code: 'privacy', target: { start: expected.start, end: expected.end } });
    expect(agreed!.target.quote).toBe('China net cafe culture crackdown');
    expect(agreed!.curated).toMatchObject({
      from: [
        { annotator: 'alice', id: f.ids.agreedA },
        { annotator: 'bob', id: f.ids.agreedB },
      ],
      by: 'carol',
      decision: 'agreed',
    });
    expect(Date.parse(agreed!.curated!.at)).toBeGreaterThanOrEqual(before - 1000);

    const again = await carol.takeAgreed({ a: 'bob', b: 'alice' });
    expect(again.added).toBe(0);
    expect((await curatedFile(f.project.path, NET)).annotations).toHaveLength(1);
    expect((await curatedFile(f.project.path, INK)).annotations).toHaveLength(1);
  });

  it('decides each kind of disagreement, records who decided what, and walks on from the skipped ones', async () => {
    const { f, carol } = await setUp();
    const { ids, texts } = f;
    let state = await carol.curationState({ a: 'alice', b: 'bob' });
    expect(state.documents).toBe(2);
    expect(state.counts).toEqual({ open: 5, decided: 0, skipped: 0 });

    // Different codes: bob's reading first, then both.
    const asB = await carol.curate({
      key: NET,
      a: 'alice',
      b: 'bob',
      decision: 'b',
      aId: ids.codesA,
      bId: ids.codesB,
    });
    expect(asB.changed).toBe(true);
    expect(asB.previous).toBeNull();
    expect(asB.annotations.map((a) => a.code)).toEqual(['security']);
    expect(asB.annotations[0]!.curated).toMatchObject({
      from: [{ annotator: 'bob', id: ids.codesB }],
      by: 'carol',
      decision: 'b',
    });
    const both = await carol.curate({
      key: NET,
      a: 'alice',
      b: 'bob',
      decision: 'both',
      aId: ids.codesA,
      bId: ids.codesB,
    });
    expect(both.previous?.decision).toBe('b');
    expect(both.annotations.map((a) => a.code).sort()).toEqual(['privacy', 'security']);
    // Bob's passage is the same annotation as before, not removed and made again.
    expect(both.annotations.map((a) => a.id)).toContain(asB.annotations[0]!.id);

    // Overlapping: the curator's own bounds.
    const edited = at(texts[NET]!, 'Chinese government has', 'security');
    const edit = await carol.curate({
      key: NET,
      a: 'alice',
      b: 'bob',
      decision: 'edit',
      aId: ids.overlapA,
      bId: ids.overlapB,
      edited: { code: 'security', start: edited.start, end: edited.end },
    });
    expect(edit.annotations).toHaveLength(1);
    expect(edit.annotations[0]!.target.quote).toBe('Chinese government has');
    expect(edit.annotations[0]!.curated).toMatchObject({
      from: [
        { annotator: 'alice', id: ids.overlapA },
        { annotator: 'bob', id: ids.overlapB },
      ],
      by: 'carol',
      decision: 'edited',
    });
    expect(edit.decision).toMatchObject({
      decision: 'edit',
      edited: { code: 'security', start: edited.start, end: edited.end },
    });

    // Only alice's, decided as bob read it (nothing there): the layer keeps nothing of it.
    const none = await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'b', aId: ids.onlyA });
    expect(none.annotations).toEqual([]);
    expect(none.decision).toMatchObject({ decision: 'b', a: { id: ids.onlyA }, b: { id: null } });
    // Only alice's: taken after all (replacing that). Only bob's: skipped for now.
    const onlyA = await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'a', aId: ids.onlyA });
    expect(onlyA.annotations[0]!.target.quote).toBe('young people');
    expect(onlyA.previous?.decision).toBe('b');
    const skipped = await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'skip', bId: ids.onlyB });
    expect(skipped.annotations).toEqual([]);

    state = await carol.curationState({ a: 'alice', b: 'bob' });
    expect(state.counts).toEqual({ open: 1, decided: 3, skipped: 1 });
    const net = state.byDocument.find((d) => d.key === NET)!;
    expect(net.counts).toEqual({ open: 0, decided: 3, skipped: 1 });
    expect(net.items.map((i) => i.state)).toEqual(
      net.items.map((i) => (i.b?.annotationId === ids.onlyB ? 'skipped' : 'decided')),
    );
    expect(itemOf(state, NET, null, ids.onlyB).decision).toMatchObject({ decision: 'skip', by: 'carol' });
    // Resuming: what is left open, then the skipped one, is decided by another session.
    expect(itemOf(state, INK, ids.only2A, null).state).toBe('open');

    const file = await curatedFile(f.project.path, NET);
    expect(file.decisions?.map((d) => d.decision).sort()).toEqual(['a', 'both', 'edit', 'skip']);
    expect(file.decisions?.every((d) => d.by === 'carol')).toBe(true);
    expect(spans(file.annotations)).toEqual(
      spans([...both.annotations, ...edit.annotations, ...onlyA.annotations]),
    );

    // One code's disagreements: those where either passage bears it.
    const security = await carol.curationState({ a: 'alice', b: 'bob', code: 'security' });
    expect(security.code).toBe('security');
    expect(security.counts).toEqual({ open: 0, decided: 2, skipped: 0 });

    // Another curator takes it up where carol stopped, from the file alone.
    const dave = await f.open('dave');
    const resumed = await dave.curationState({ a: 'bob', b: 'alice' });
    expect(resumed.counts).toEqual({ open: 1, decided: 3, skipped: 1 });
    await dave.curate({ key: NET, a: 'bob', b: 'alice', decision: 'a', aId: ids.onlyB });
    await dave.curate({ key: INK, a: 'alice', b: 'bob', decision: 'a', aId: ids.only2A });
    const done = await carol.curationState({ a: 'alice', b: 'bob' });
    expect(done.counts).toEqual({ open: 0, decided: 5, skipped: 0 });
    expect(itemOf(done, NET, null, ids.onlyB).decision).toMatchObject({ decision: 'a', by: 'dave' });
  });

  it('is idempotent: the same decision again saves nothing and adds nothing', async () => {
    const { f, carol } = await setUp();
    const request = {
      key: NET,
      a: 'alice',
      b: 'bob',
      decision: 'a',
      aId: f.ids.codesA,
      bId: f.ids.codesB,
    } as const;
    const first = await carol.curate(request);
    const file = curationFile(f.project.path, NET);
    const bytes = await readFile(file, 'utf8');
    const { mtimeMs } = await stat(file);
    const second = await carol.curate(request);
    expect(second.changed).toBe(false);
    expect(second.annotations.map((a) => a.id)).toEqual(first.annotations.map((a) => a.id));
    expect(await readFile(file, 'utf8')).toBe(bytes);
    expect((await stat(file)).mtimeMs).toBe(mtimeMs);
    // Taking the agreed passages, and the same passage by another disagreement, adds no copy.
    await carol.takeAgreed({ a: 'alice', b: 'bob' });
    await carol.takeAgreed({ a: 'alice', b: 'bob' });
    expect((await curatedFile(f.project.path, NET)).annotations).toHaveLength(2);
  });

  it("refuses ids not in those annotators' files, offsets outside the text, and the layer as an annotator", async () => {
    const { f, carol } = await setUp();
    const client = createApiClient(inProcessTransport(createDispatch(carol)));
    const { ids } = f;
    const base = { key: NET, a: 'alice', b: 'bob' };
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, decision: 'a', aId: 'no-such-id' }, 'not-found', /alice has no annotation no-such-id/],
      // Bob's passage named as alice's.
      [{ ...base, decision: 'a', aId: ids.codesB }, 'not-found', /alice has no annotation/],
      // Alice's passage of the other article.
      [{ ...base, decision: 'a', aId: ids.only2A }, 'not-found', /alice has no annotation/],
      [{ ...base, decision: 'both', aId: ids.onlyA }, 'bad-request', /needs bob's id \(bId\)/],
      [{ ...base, decision: 'both', bId: ids.onlyB }, 'bad-request', /needs alice's id \(aId\)/],
      [{ ...base, decision: 'skip' }, 'bad-request', /at least one of aId and bId/],
      [{ ...base, decision: 'edit', aId: ids.onlyA }, 'bad-request', /edited passage/],
      [
        { ...base, decision: 'edit', aId: ids.onlyA, edited: { code: 'privacy', start: 10, end: 1_000_000 } },
        'bad-request',
        /does not fit a text of/,
      ],
      [
        { ...base, decision: 'edit', aId: ids.onlyA, edited: { code: 'privacy', start: 9, end: 9 } },
        'bad-request',
        /start must be before end/,
      ],
      [
        { ...base, decision: 'edit', aId: ids.onlyA, edited: { code: 'no-code', start: 0, end: 5 } },
        'not-found',
        /no code "no-code"/,
      ],
      [{ ...base, a: 'curation', decision: 'b', bId: ids.onlyB }, 'bad-request', /not one of them/],
      [{ ...base, b: 'alice', decision: 'a', aId: ids.onlyA }, 'bad-request', /two different annotators/],
      [{ ...base, key: 'tech/none.txt', decision: 'a', aId: ids.onlyA }, 'not-found', /./],
    ];
    for (const [request, kind, message] of cases) {
      const error = await rejection(client.curate(request as never));
      expect({ request, kind: error.code }).toEqual({ request, kind });
      expect(error.message).toMatch(message);
    }
    expect((await rejection(client.takeAgreed({ a: 'alice', b: 'Curation' }))).code).toBe('bad-request');
    // A project open only to read curates nothing, but shows where the curation stands.
    const reader = await f.open('erin', { readOnly: true });
    const refused = await rejection(reader.curate({ ...base, decision: 'a', aId: ids.onlyA }));
    expect(refused.code).toBe('forbidden');
    expect((await rejection(reader.takeAgreed({ a: 'alice', b: 'bob' }))).code).toBe('forbidden');
    expect((await reader.curationState({ a: 'alice', b: 'bob' })).counts.open).toBe(5);
    // Nothing refused was written.
    await expect(stat(curationFile(f.project.path, NET))).rejects.toThrow();
  });

  it('undoes each change: a decision taken back, the one before it restored, the agreed passages removed', async () => {
    const { f, carol } = await setUp();
    const { ids } = f;
    const taken = await carol.takeAgreed({ a: 'alice', b: 'bob' });
    const pair = { key: NET, a: 'alice', b: 'bob', aId: ids.codesA, bId: ids.codesB };
    const first = await carol.curate({ ...pair, decision: 'a' });
    const second = await carol.curate({ ...pair, decision: 'b' });
    const xinhua = at(f.texts[NET]!, 'Xinhua News Agency', 'security');
    expect(spans(second.annotations)).toEqual([`security ${xinhua.start}-${xinhua.end}`]);
    // Undo the second: the decision it replaced is made again.
    const previous = second.previous!;
    await carol.curate({ ...pair, decision: previous.decision });
    let file = await curatedFile(f.project.path, NET);
    expect(spans(file.annotations.filter((a) => a.curated?.decision === 'a'))).toEqual(
      spans(first.annotations),
    );
    expect(file.annotations.map((a) => a.code).sort()).toEqual(['privacy', 'privacy']);
    // Undo the first: nothing was decided before it.
    const undone = await carol.uncurate(pair);
    expect(undone.previous?.decision).toBe('a');
    expect(undone.removed.map((a) => a.code)).toEqual(['privacy']);
    file = await curatedFile(f.project.path, NET);
    expect(file.annotations.map((a) => a.curated?.decision)).toEqual(['agreed']);
    expect(
      itemOf(await carol.curationState({ a: 'alice', b: 'bob' }), NET, ids.codesA, ids.codesB).state,
    ).toBe('open');
    // An edit replaced by a skip: undoing the skip gives the curator's own passage back.
    const overlap = { key: NET, a: 'alice', b: 'bob', aId: ids.overlapA, bId: ids.overlapB };
    const own = at(f.texts[NET]!, 'Chinese government has', 'security');
    const edited = { code: 'security', start: own.start, end: own.end };
    await carol.curate({ ...overlap, decision: 'edit', edited });
    const skip = await carol.curate({ ...overlap, decision: 'skip' });
    expect(skip.annotations).toEqual([]);
    expect((await curatedFile(f.project.path, NET)).annotations.map((a) => a.target.quote)).not.toContain(
      'Chinese government has',
    );
    const back = await carol.curate({
      ...overlap,
      decision: skip.previous!.decision,
      edited: skip.previous!.edited,
    });
    expect(back.annotations.map((a) => a.target.quote)).toEqual(['Chinese government has']);
    // Undoing that edit (a skip before it): the skip again; undoing the skip: open.
    await carol.curate({ ...overlap, decision: back.previous!.decision });
    expect((await carol.uncurate(overlap)).previous?.decision).toBe('skip');
    expect(
      itemOf(await carol.curationState({ a: 'alice', b: 'bob' }), NET, ids.overlapA, ids.overlapB).state,
    ).toBe('open');
    // Undo the agreed passages, document by document.
    for (const document of taken.byDocument) {
      const removed = await carol.removeCurated({ key: document.key, ids: document.ids });
      expect(removed.removed.map((a) => a.id)).toEqual(document.ids);
    }
    expect((await curatedFile(f.project.path, NET)).annotations).toEqual([]);
    expect((await curatedFile(f.project.path, INK)).annotations).toEqual([]);
    // Redo.
    expect((await carol.takeAgreed({ a: 'alice', b: 'bob' })).added).toBe(2);
  });

  it('is read back as the annotator "curation": agreement of alice with the curated layer', async () => {
    const { f, carol } = await setUp();
    const { ids } = f;
    // Analysed once before curating: the answer after it must not be the kept one.
    const before = await carol.agreement({ annotators: ['alice', 'bob'] });
    expect(before.pairs).toHaveLength(1);
    await carol.takeAgreed({ a: 'alice', b: 'bob' });
    await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'a', aId: ids.codesA, bId: ids.codesB });
    await carol.curate({
      key: NET,
      a: 'alice',
      b: 'bob',
      decision: 'b',
      aId: ids.overlapA,
      bId: ids.overlapB,
    });
    await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'a', aId: ids.onlyA });
    await carol.curate({ key: NET, a: 'alice', b: 'bob', decision: 'skip', bId: ids.onlyB });
    const result = await carol.agreement({ annotators: ['alice', 'curation'] });
    const [pair] = result.pairs;
    expect(pair).toMatchObject({ a: 'alice', b: 'curation', documents: 2 });
    // Alice has 6 passages; the layer 5 (2 agreed, 2 of alice's, 1 of bob's): 4 the same.
    expect(pair!.overall.f1).toBeCloseTo((2 * 4) / (6 + 5), 10);
    const withBob = await carol.agreement({ annotators: ['bob', 'curation'] });
    // Bob has 5; the layer the same 5, of them the 2 agreed and his overlapping one.
    expect(withBob.pairs[0]!.overall.f1).toBeCloseTo((2 * 3) / (5 + 5), 10);
  });

  it('keeps "curation" from being an annotator\'s name', async () => {
    fixture = await curationFixture();
    const error = await rejection(fixture.open('Curation'));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/"curation" is the name of the curated layer, not of an annotator/);
  });
});
