import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation';
import type { CurationDecision } from '../../../shared/model/curation';
import { type CurationFixture, curationFixture, INK, NET } from './curation-fixture';

/**
 * Two curators on one project folder (two services, each with its own open files, as two Gloss
 * windows or two computers on a shared folder): every save takes the curated file's lock and starts
 * from what the other saved, so neither's decisions are lost, and no agreed passage is doubled.
 */
let fixture: CurationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function curated(root: string, key: string) {
  return JSON.parse(
    await readFile(join(root, '.gloss', 'annotations', ...key.split('/'), 'curation.json'), 'utf8'),
  ) as { annotations: Annotation[]; decisions?: CurationDecision[] };
}

describe('two curators at once', () => {
  it("keeps both curators' decisions of one document, made at the same time", async () => {
    fixture = await curationFixture();
    const { ids } = fixture;
    const carol = await fixture.open('carol');
    const dave = await fixture.open('dave');
    // Each has its file open before the other writes: the second save must catch up, not overwrite.
    await carol.curationState({ a: 'alice', b: 'bob' });
    await dave.curationState({ a: 'alice', b: 'bob' });
    const pair = { a: 'alice', b: 'bob' };
    await Promise.all([
      carol.takeAgreed(pair),
      dave.takeAgreed(pair),
      carol.curate({ ...pair, key: NET, decision: 'a', aId: ids.codesA, bId: ids.codesB }),
      dave.curate({ ...pair, key: NET, decision: 'b', aId: ids.overlapA, bId: ids.overlapB }),
      carol.curate({ ...pair, key: NET, decision: 'a', aId: ids.onlyA }),
      dave.curate({ ...pair, key: NET, decision: 'skip', bId: ids.onlyB }),
      carol.curate({ ...pair, key: INK, decision: 'skip', aId: ids.only2A }),
    ]);
    const net = await curated(fixture.project.path, NET);
    const decided = (net.decisions ?? []).map(
      (d) => `${d.a.id ?? ''}|${d.b.id ?? ''} ${d.decision} by ${d.by}`,
    );
    expect(decided.sort()).toEqual(
      [
        `${ids.codesA}|${ids.codesB} a by carol`,
        `${ids.overlapA}|${ids.overlapB} b by dave`,
        `${ids.onlyA}| a by carol`,
        `|${ids.onlyB} skip by dave`,
      ].sort(),
    );
    // The agreed passage once, and one passage per decision that takes one.
    expect(net.annotations.map((a) => a.curated?.decision).sort()).toEqual(['a', 'a', 'agreed', 'b']);
    const ink = await curated(fixture.project.path, INK);
    expect(ink.annotations.map((a) => a.curated?.decision)).toEqual(['agreed']);
    expect(ink.decisions?.map((d) => d.decision)).toEqual(['skip']);
    // Each sees the other's work.
    for (const service of [carol, dave])
      expect((await service.curationState(pair)).counts).toEqual({ open: 0, decided: 3, skipped: 2 });
  });

  it('keeps every decision of a long run of both curators deciding by turns', async () => {
    fixture = await curationFixture();
    const { ids } = fixture;
    const carol = await fixture.open('carol');
    const dave = await fixture.open('dave');
    const pair = { a: 'alice', b: 'bob', key: NET };
    // Each decides and changes its mind many times over, both at once; the last word of each stands.
    const runs = [carol, dave].map(async (service, n) => {
      const mine = n === 0 ? { aId: ids.codesA, bId: ids.codesB } : { aId: ids.overlapA, bId: ids.overlapB };
      for (let round = 0; round < 10; round++)
        await service.curate({ ...pair, ...mine, decision: round % 2 === 0 ? 'a' : 'both' });
      await service.curate({ ...pair, ...mine, decision: 'b' });
    });
    await Promise.all(runs);
    const net = await curated(fixture.project.path, NET);
    expect((net.decisions ?? []).map((d) => `${d.decision} by ${d.by}`).sort()).toEqual([
      'b by carol',
      'b by dave',
    ]);
    // Each decision's passages, and nothing left from the minds changed.
    expect(net.annotations).toHaveLength(2);
    expect(net.annotations.map((a) => a.curated?.from[0]?.id).sort()).toEqual(
      [ids.codesB, ids.overlapB].sort(),
    );
  });
});
