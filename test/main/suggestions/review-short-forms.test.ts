import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import type { SuggestionGroup } from '../../../shared/model/suggestion-group';
import { makeTempProject } from '../../support/temp-project';

/**
 * A person written as a title and a surname ("Mr Blair") is reviewed with the one full name it can
 * stand for: in the run (Tony Blair, a possible new person) or in the register; accepted, the
 * short form becomes an alias of one entry and every mention is tagged with it.
 */

const FILES = {
  'one.txt':
    'Budget talks\n\nTony Blair said on Monday that the plan would work. Mr Blair added that it was fair.\n',
  'two.txt': 'Reform\n\nMr Blair spoke to reporters about the reform on Tuesday.\n',
  'four.txt': 'Rugby\n\nJonny Wilkinson kicked three goals. Mrs Wilkinson watched from the stand.\n',
  'three.txt':
    'Labour rows\n\nGordon Brown and Nick Brown met on Friday. Mr Brown said later that the talks went well.\n',
};
let dir: string;
let service: GlossService;

beforeEach(async () => {
  dir = (await makeTempProject(FILES)).path;
  service = createGlossService({ annotator: 'alice', watchFolder: false });
  await service.open(dir);
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

async function queueAfterRun(): Promise<SuggestionGroup[]> {
  await service.startSuggestionJob({});
  while ((await service.getSuggestionJob({})).state === 'running')
    await new Promise((r) => setTimeout(r, 20));
  return (await service.getReviewQueue({})).groups;
}

async function tagged(key: string): Promise<string[]> {
  const { text } = await service.getDocument({ key });
  return (await service.listAnnotations({ key }))
    .filter((a) => a.stakeholderId)
    .map((a) => text.slice(a.target.start, a.target.end));
}

describe('short forms of a person’s name in the review queue', () => {
  it('are one group with the full name of the run, accepted as one entry with the short form as an alias', async () => {
    const groups = await queueAfterRun();
    const blair = groups.find((g) => g.id === 'candidate:tony blair')!;
    expect(blair).toMatchObject({
      label: 'Tony Blair',
      members: ['candidate:mr blair'],
      aliases: ['Mr Blair'],
    });
    expect([blair.mentions, blair.documents]).toEqual([3, 2]);
    expect(groups.some((g) => g.id === 'candidate:mr blair')).toBe(false);
    // Two Browns: "Mr Brown" could be either, so it stays as written; Mrs Wilkinson is not Jonny.
    expect(groups.some((g) => g.id === 'candidate:mr brown')).toBe(true);
    expect(groups.some((g) => g.id === 'candidate:mrs wilkinson')).toBe(true);
    expect(groups.find((g) => g.id === 'candidate:jonny wilkinson')?.aliases).toBeUndefined();

    const result = await service.decideSuggestionGroup({ id: blair.id, decision: 'accept' });
    const entries = (await service.getProject({})).stakeholders;
    expect(entries.map((s) => [s.name, s.aliases])).toEqual([['Tony Blair', ['Mr Blair']]]);
    expect(result.addedStakeholder).toBe(entries[0]!.id);
    expect(await tagged('one.txt')).toEqual(['Tony Blair', 'Mr Blair']);
    expect(await tagged('two.txt')).toEqual(['Mr Blair']);
    expect(result.decided).toBe(3);

    await service.undoSuggestionGroup({
      id: blair.id,
      documents: result.documents.map((d) => ({ key: d.key, annotations: d.annotations?.map((a) => a.id) })),
      addedStakeholder: result.addedStakeholder,
    });
    expect((await service.getProject({})).stakeholders).toEqual([]);
    expect(await tagged('one.txt')).toEqual([]);
  });

  it('join the mentions of the one register entry they can stand for, which gains the alias until undone', async () => {
    const tony = await service.addStakeholder({ name: 'Tony Blair', kind: 'person', aliases: [] });
    const groups = await queueAfterRun();
    const blair = groups.find((g) => g.id === `stakeholder:${tony.id}`)!;
    expect(blair).toMatchObject({
      kind: 'stakeholder',
      members: ['candidate:mr blair'],
      aliases: ['Mr Blair'],
    });
    expect([blair.mentions, blair.documents]).toEqual([3, 2]);

    const result = await service.decideSuggestionGroup({ id: blair.id, decision: 'accept' });
    expect(result.addedStakeholder).toBeUndefined();
    expect(result.addedAliases).toEqual({ stakeholderId: tony.id, aliases: ['Mr Blair'] });
    expect((await service.getProject({})).stakeholders.map((s) => [s.name, s.aliases])).toEqual([
      ['Tony Blair', ['Mr Blair']],
    ]);
    expect([...(await tagged('one.txt')), ...(await tagged('two.txt'))]).toEqual([
      'Tony Blair',
      'Mr Blair',
      'Mr Blair',
    ]);

    await service.undoSuggestionGroup({
      id: blair.id,
      documents: result.documents.map((d) => ({ key: d.key, annotations: d.annotations?.map((a) => a.id) })),
      addedAliases: result.addedAliases,
    });
    expect((await service.getProject({})).stakeholders.map((s) => [s.name, s.aliases])).toEqual([
      ['Tony Blair', []],
    ]);
    expect(await tagged('two.txt')).toEqual([]);
  });
});
