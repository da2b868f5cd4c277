import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFileName } from '../../../main/storage/atomic-write';
import type { GlossStore } from '../../../renderer/src/store/gloss-store';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const TEXT = 'ByteDance agreed to sell a stake in TikTok to Oracle.\n\nPrivacy advocates objected.\n';

let t: TestStore | undefined;
afterEach(async () => {
  if (t) {
    await t.cleanup();
  }
  t = undefined;
});

async function open(): Promise<GlossStore> {
  t = await openTestStore({ 'a.txt': TEXT });
  await t.store.getState().selectDocument('a.txt');
  return t.store;
}

const annotationDir = () => join(t!.project.path, '.gloss', 'annotations', 'a.txt');

/** This annotator's annotations of a.txt as saved on disk (none before the first save). */
async function onDisk(): Promise<{ id: string; code: string; note?: string }[]> {
  try {
    return JSON.parse(await readFile(join(annotationDir(), 'tester.json'), 'utf8')).annotations;
  } catch {
    return [];
  }
}

/** Waits for every save, then gives what the screen shows and what the disk holds. */
async function settled(store: GlossStore) {
  await savesSettled(store);
  return { screen: store.getState().reader.annotations, disk: await onDisk() };
}

function range(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}

describe('undo and redo through the store', () => {
  it('undoes and redoes a tag, saving each step', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'stakeholder', ...range('Oracle') }))!;
    let state = await settled(store);
    expect(state.disk.map((a) => a.id)).toEqual([id]);
    expect(store.getState().undoStack.at(-1)?.label).toBe('Tag “Oracle” as Stakeholder');

    await store.getState().undo();
    state = await settled(store);
    expect(state.screen).toEqual([]);
    expect(state.disk).toEqual([]);

    await store.getState().redo();
    state = await settled(store);
    expect(state.screen.map((a) => a.id)).toEqual([id]);
    expect(state.disk).toMatchObject([{ id, code: 'stakeholder' }]);
  });

  it('undoes an edit back to the previous values', async () => {
    const store = await open();
    const id = (await store
      .getState()
      .tag({ code: 'privacy', ...range('Privacy advocates'), note: 'first' }))!;
    await store.getState().editAnnotation(id, { code: 'security', note: 'second' });
    let state = await settled(store);
    expect(state.disk).toMatchObject([{ id, code: 'security', note: 'second' }]);

    await store.getState().undo();
    state = await settled(store);
    expect(state.screen).toMatchObject([{ id, code: 'privacy', note: 'first' }]);
    expect(state.disk).toMatchObject([{ id, code: 'privacy', note: 'first' }]);

    await store.getState().redo();
    state = await settled(store);
    expect(state.disk).toMatchObject([{ id, code: 'security', note: 'second' }]);
  });

  it('undoes a note added where there was none by removing it', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await store.getState().editAnnotation(id, { note: 'added' });
    await store.getState().undo();
    const state = await settled(store);
    expect(state.disk[0]).not.toHaveProperty('note');
    expect(state.screen[0]).not.toHaveProperty('note');
  });

  it('brings a deleted annotation back with the same id', async () => {
    const store = await open();
    const id = (await store
      .getState()
      .tag({ code: 'privacy', ...range('Privacy advocates'), note: 'keep me' }))!;
    await store.getState().removeAnnotation(id);
    let state = await settled(store);
    expect(state.disk).toEqual([]);
    expect(store.getState().selectedAnnotationId).toBeNull();

    await store.getState().undo();
    state = await settled(store);
    expect(state.disk).toMatchObject([{ id, code: 'privacy', note: 'keep me' }]);
    expect(state.screen.map((a) => a.id)).toEqual([id]);
  });

  it('a new step clears what could be redone', async () => {
    const store = await open();
    await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') });
    await store.getState().undo();
    expect(store.getState().redoStack).toHaveLength(1);
    await store.getState().tag({ code: 'security', ...range('Oracle') });
    expect(store.getState().redoStack).toEqual([]);
    expect((await settled(store)).disk).toMatchObject([{ code: 'security' }]);
  });
});

describe('a save the disk refuses', () => {
  it('keeps the change on screen, lists it, and saves it on retry once the disk allows', async () => {
    const store = await open();
    const first = (await store.getState().tag({ code: 'stakeholder', ...range('ByteDance') }))!;
    await savesSettled(store);
    // A directory where the atomic write puts its temporary file makes every write of the
    // annotation file fail, whatever the permissions (tests may run as root).
    const blocker = join(annotationDir(), tempFileName('tester.json', true));
    await mkdir(blocker);

    const id = (await store.getState().tag({ code: 'security', ...range('Oracle') }))!;
    let state = await settled(store);
    expect(state.screen.map((a) => a.id)).toEqual([first, id]);
    expect(state.disk.map((a) => a.id)).toEqual([first]);
    const [failed] = store.getState().savesFailed;
    expect(failed).toMatchObject({ label: 'Tag “Oracle” as Security', error: { code: 'io' } });
    expect(failed?.error.message).toMatch(/Could not save \.gloss\/annotations\/a\.txt\/tester\.json/);

    // Retrying while the disk still refuses keeps it listed, once.
    await failed!.retry();
    expect(store.getState().savesFailed).toHaveLength(1);

    await rm(blocker, { recursive: true });
    await store.getState().savesFailed[0]!.retry();
    state = await settled(store);
    expect(store.getState().savesFailed).toEqual([]);
    expect(state.disk.map((a) => a.id)).toEqual([first, id]);
  });

  it('an undo that cannot be saved is listed too, and saved on retry', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await savesSettled(store);
    const blocker = join(annotationDir(), tempFileName('tester.json', true));
    await mkdir(blocker);
    await store.getState().undo();
    let state = await settled(store);
    expect(state.screen).toEqual([]);
    expect(state.disk.map((a) => a.id)).toEqual([id]);
    expect(store.getState().savesFailed.map((f) => f.label)).toEqual(['Tag “Privacy advocates” as Privacy']);

    await rm(blocker, { recursive: true });
    await store.getState().retryAll();
    state = await settled(store);
    expect(state.disk).toEqual([]);
    expect(store.getState().savesFailed).toEqual([]);
  });
});

/**
 * Holds the answers of one API operation until `release` lets the oldest through: a save still
 * on its way while the researcher goes on (a busy machine, a slow disk).
 */
function holdAnswers<K extends 'updateAnnotation' | 'updateRelation'>(
  client: TestStore['client'],
  operation: K,
) {
  const send = client[operation] as (request: unknown) => Promise<unknown>;
  const waiting: (() => void)[] = [];
  Object.assign(client, {
    [operation]: async (request: unknown) => {
      const answer = await send(request);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return answer;
    },
  });
  return {
    async release() {
      for (let i = 0; i < 200 && waiting.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 5));
    },
  };
}

describe('undo and redo while saves are on their way', () => {
  it('a redo pressed while its undo is being saved stays on screen when the undo is answered', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await store.getState().editAnnotation(id, { note: 'Parent company' });
    await savesSettled(store);
    const held = holdAnswers(t!.client, 'updateAnnotation');

    const undone = store.getState().undo();
    expect(store.getState().reader.annotations[0]).not.toHaveProperty('note');
    const redone = store.getState().redo();
    const shown: (string | undefined)[] = [];
    const stop = store.subscribe((s) => shown.push(s.reader.annotations[0]?.note));
    await held.release(); // the undo's answer: the note removed on disk
    await held.release(); // the redo's answer
    await Promise.all([undone, redone]);
    stop();
    // Never the undo's answer again once the redo is on screen: the note stays.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((note) => note === 'Parent company')).toBe(true);
    const state = await settled(store);
    expect(state.disk).toMatchObject([{ id, note: 'Parent company' }]);
  });

  it('an edit made while an earlier one is being saved is not taken back by its answer', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await savesSettled(store);
    const held = holdAnswers(t!.client, 'updateAnnotation');
    const first = store.getState().editAnnotation(id, { note: 'first' });
    const second = store.getState().editAnnotation(id, { code: 'security' });
    await held.release();
    // The first answer knew nothing of the code change shown since.
    expect(store.getState().reader.annotations[0]).toMatchObject({ code: 'security', note: 'first' });
    await held.release();
    await Promise.all([first, second]);
    expect((await settled(store)).disk).toMatchObject([{ id, code: 'security', note: 'first' }]);
  });

  it('a relation note redone while its undo is being saved stays on screen', async () => {
    const store = await open();
    const from = (await store.getState().tag({ code: 'stakeholder', ...range('ByteDance') }))!;
    const to = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    const id = (await store.getState().link({ type: 'raises', from, to }))!;
    await store.getState().editRelation(id, { note: 'says so' });
    await savesSettled(store);
    const held = holdAnswers(t!.client, 'updateRelation');
    const undone = store.getState().undo();
    const redone = store.getState().redo();
    const shown: (string | undefined)[] = [];
    const stop = store.subscribe((s) => shown.push(s.reader.relations[0]?.note));
    await held.release();
    await held.release();
    await Promise.all([undone, redone]);
    stop();
    expect(shown.every((note) => note === 'says so')).toBe(true);
    expect(store.getState().reader.relations[0]?.note).toBe('says so');
  });
});

describe('undo and redo after the article was renamed on disk', () => {
  /** This annotator's annotations of `key` as saved on disk (none when there is no file). */
  async function savedOf(key: string): Promise<{ id: string; note?: string }[]> {
    const file = join(t!.project.path, '.gloss', 'annotations', key, 'tester.json');
    return JSON.parse(await readFile(file, 'utf8').catch(() => '{"annotations":[]}')).annotations;
  }

  it('undoes and redoes a tag made before the rename in the article under its new name', async () => {
    const store = await open();
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await savesSettled(store);
    await mkdir(join(t!.project.path, 'moved'));
    await rename(join(t!.project.path, 'a.txt'), join(t!.project.path, 'moved', 'b.txt'));
    // What the folder watcher's report leads to: the list again, which follows the rename.
    await store.getState().loadDocuments();
    expect(store.getState().reader.key).toBe('moved/b.txt');
    expect(store.getState().undoStack.map((c) => c.key)).toEqual(['moved/b.txt']);

    await store.getState().undo();
    expect(store.getState().savesFailed).toEqual([]);
    expect(store.getState().reader.annotations).toEqual([]);
    expect(await savedOf('moved/b.txt')).toEqual([]);

    await store.getState().redo();
    expect(store.getState().savesFailed).toEqual([]);
    expect(store.getState().reader.annotations.map((a) => a.id)).toEqual([id]);
    expect((await savedOf('moved/b.txt')).map((a) => a.id)).toEqual([id]);
    expect(await savedOf('a.txt')).toEqual([]);
  });

  it('follows an article renamed while another is open, and leaves the other steps alone', async () => {
    t = await openTestStore({ 'a.txt': TEXT, 'c.txt': 'Oracle bought a stake.\n' });
    const store = t.store;
    await store.getState().selectDocument('a.txt');
    const id = (await store.getState().tag({ code: 'privacy', ...range('Privacy advocates') }))!;
    await store.getState().editAnnotation(id, { note: 'kept' });
    await store.getState().selectDocument('c.txt');
    await store.getState().tag({ code: 'stakeholder', start: 0, end: 'Oracle'.length });
    await savesSettled(store);
    await rename(join(t.project.path, 'a.txt'), join(t.project.path, 'renamed.txt'));
    await store.getState().loadDocuments();
    expect(store.getState().undoStack.map((c) => c.key)).toEqual(['renamed.txt', 'renamed.txt', 'c.txt']);

    await store.getState().undo(); // the tag in c.txt
    await store.getState().undo(); // the note, in the renamed article
    expect(store.getState().savesFailed).toEqual([]);
    expect(await savedOf('renamed.txt')).toMatchObject([{ id }]);
    expect((await savedOf('renamed.txt'))[0]).not.toHaveProperty('note');
    expect(await savedOf('c.txt')).toEqual([]);
  });
});
