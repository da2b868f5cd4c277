import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { REPO } from '../../support/corpus';

/**
 * The project's suggestion rules through the API, on copies of the sample project (one article
 * copied under a second name, so "across documents" means two): never-suggest names kept in
 * project.json for everyone, and register mentions tagged by the rule once per annotator.
 */

const KEYS = ['tiktok-microsoft.txt', 'copy/tiktok-microsoft.txt'];
const WSJ = 'The Wall Street Journal';
let dir: string;
let service: GlossService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-rules-'));
  await cp(join(REPO, 'assets/sample-project'), dir, { recursive: true });
  await mkdir(join(dir, 'copy'));
  await cp(join(dir, KEYS[0]!), join(dir, KEYS[1]!));
  service = createGlossService({ annotator: 'alice' });
  await service.open(dir);
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const quotes = async (key: string) =>
  (await service.listSuggestions({ key })).suggestions.map((s) => s.quote.replace(/\s+/g, ' '));
const projectFile = async () => JSON.parse(await readFile(join(dir, '.gloss/project.json'), 'utf8'));

describe('never-suggest names', () => {
  it('an older project file without rules reads with none', async () => {
    expect((await projectFile()).settings).toEqual({ snapToWords: true });
    const { settings } = await service.getProject({});
    expect(settings).toMatchObject({ acceptRegisterMentions: false, neverSuggest: [] });
  });

  it('are no longer suggested in any document, and are again once removed', async () => {
    for (const key of KEYS) {
      expect((await quotes(key)).filter((q) => q === WSJ)).toHaveLength(2);
      expect(await quotes(key)).toContain('Facebook');
    }
    await service.addNeverSuggest({ name: 'the wall street  journal' });
    await service.addNeverSuggest({ name: 'FACEBOOK' });
    for (const key of KEYS) {
      expect(await quotes(key)).not.toContain(WSJ);
      expect(await quotes(key)).not.toContain('Facebook');
      expect(await quotes(key)).toContain('Microsoft');
    }
    // Kept for everyone in project.json, in the spelling given (spacing tidied).
    expect((await projectFile()).settings.neverSuggest).toEqual([
      { name: 'the wall street journal' },
      { name: 'FACEBOOK' },
    ]);
    const other = createGlossService({ annotator: 'bob' });
    await other.open(dir);
    expect((await other.listSuggestions({ key: KEYS[1]! })).suggestions.map((s) => s.quote)).not.toContain(
      WSJ,
    );
    await other.close();

    const { neverSuggest } = await service.removeNeverSuggest({ name: WSJ });
    expect(neverSuggest).toEqual([{ name: 'FACEBOOK' }]);
    for (const key of KEYS) {
      expect((await quotes(key)).filter((q) => q === WSJ)).toHaveLength(2);
      expect(await quotes(key)).not.toContain('Facebook');
    }
  });

  it('refuses an empty name or an unknown kind at the API boundary, storing nothing', async () => {
    const dispatch = createDispatch(service, () => {});
    for (const bad of [{ name: '   ' }, { name: 'X', kind: 'figure' }, { name: 'x'.repeat(201) }, {}]) {
      expect(await dispatch('addNeverSuggest', bad)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(await dispatch('updateSettings', { acceptRegisterMentions: 'yes' })).toMatchObject({ ok: false });
    expect((await service.getProject({})).settings.neverSuggest).toEqual([]);
  });

  it('a damaged rule in project.json is reported and the file is never overwritten', async () => {
    await service.close();
    const file = await projectFile();
    file.settings.neverSuggest = 'Wall Street Journal';
    const damaged = JSON.stringify(file, null, 2);
    await writeFile(join(dir, '.gloss/project.json'), damaged);
    service = createGlossService({ annotator: 'alice' });
    await service.open(dir);
    const project = await service.getProject({});
    expect(project.problems.map((p) => p.file)).toContain('.gloss/project.json');
    expect(project.problems[0]!.message).toMatch(/neverSuggest/);
    await expect(service.addNeverSuggest({ name: 'Facebook' })).rejects.toThrow();
    expect(await readFile(join(dir, '.gloss/project.json'), 'utf8')).toBe(damaged);
  });
});

describe('always accepting mentions of register names', () => {
  const annotations = async (key: string) =>
    (await service.listAnnotations({ key })) as { id: string; target: { quote: string } }[];

  it('tags every mention on offer when the document is listed, once, and not again after a deletion', async () => {
    const before = (await service.listSuggestions({ key: KEYS[0]! })).suggestions;
    const mentions = before.filter((s) => s.kind === 'stakeholder');
    expect(await annotations(KEYS[0]!)).toHaveLength(0);

    await service.updateSettings({ acceptRegisterMentions: true });
    const listed = await service.listSuggestions({ key: KEYS[0]! });
    expect(listed.autoAccepted).toHaveLength(mentions.length);
    expect(listed.suggestions.filter((s) => s.kind === 'stakeholder')).toEqual([]);
    expect(listed.suggestions.filter((s) => s.kind === 'figure').length).toBeGreaterThan(0);
    const tagged = await annotations(KEYS[0]!);
    expect(tagged.map((a) => a.target.quote).sort()).toEqual(mentions.map((s) => s.quote).sort());

    // Listing again tags nothing more.
    expect((await service.listSuggestions({ key: KEYS[0]! })).autoAccepted).toBeUndefined();
    expect(await annotations(KEYS[0]!)).toHaveLength(mentions.length);

    // A deleted one comes back as an ordinary suggestion, never tagged by the rule again.
    const wsj = tagged.find((a) => a.target.quote === WSJ)!;
    await service.deleteAnnotation({ key: KEYS[0]!, id: wsj.id });
    const again = await service.listSuggestions({ key: KEYS[0]! });
    expect(again.autoAccepted).toBeUndefined();
    expect(again.suggestions.filter((s) => s.kind === 'stakeholder').map((s) => s.quote)).toEqual([WSJ]);
    expect(await annotations(KEYS[0]!)).toHaveLength(mentions.length - 1);
  });

  it('leaves never-suggest names, the corpus-wide run and other documents alone', async () => {
    await service.addNeverSuggest({ name: 'TikTok' });
    await service.updateSettings({ acceptRegisterMentions: true });
    await service.startSuggestionJob({});
    await expect.poll(async () => (await service.getSuggestionJob({})).state).toBe('done');
    for (const key of KEYS) expect(await annotations(key)).toHaveLength(0);

    const listed = await service.listSuggestions({ key: KEYS[0]! });
    expect(listed.autoAccepted?.map((a) => a.target.quote)).not.toContain('TikTok');
    expect(listed.autoAccepted?.length).toBeGreaterThan(0);
    expect(await annotations(KEYS[1]!)).toHaveLength(0);
  });

  it('tags nothing twice when a document is listed twice at once', async () => {
    await service.updateSettings({ acceptRegisterMentions: true });
    const [a, b] = await Promise.all([
      service.listSuggestions({ key: KEYS[0]! }),
      service.listSuggestions({ key: KEYS[0]! }),
    ]);
    const total = (a.autoAccepted?.length ?? 0) + (b.autoAccepted?.length ?? 0);
    expect(total).toBeGreaterThan(0);
    expect(await annotations(KEYS[0]!)).toHaveLength(total);
  });
});
