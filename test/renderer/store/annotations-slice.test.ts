import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  insertSorted,
  replaceSaved,
  selectAnnotationById,
} from '../../../renderer/src/store/annotations-slice';
import type { GlossState } from '../../../renderer/src/store/slice';
import type { Annotation } from '../../../shared/model/annotation';
import { targetFor } from '../../../shared/text/quote';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const TEXT = 'ByteDance agreed to sell a stake in TikTok to Oracle.\n\nPrivacy advocates objected.\n';

function annotation(id: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id,
    code: 'security',
    author: 'tester',
    created: now,
    modified: now,
    target: targetFor(TEXT, start, start + quote.length),
    ...extra,
  };
}

/** Just enough state for a selector of the open document's annotations. */
const stateWith = (annotations: Annotation[]) => ({ reader: { annotations } }) as unknown as GlossState;

describe('the annotation list in position order', () => {
  const byteDance = annotation('a', 'ByteDance');
  const tikTok = annotation('b', 'TikTok');
  const privacy = annotation('c', 'Privacy advocates');

  it('takes a new annotation at its place, leaving the list it was given as it was', () => {
    const list = [byteDance, privacy];
    expect(insertSorted(list, tikTok)).toEqual([byteDance, tikTok, privacy]);
    expect(list).toEqual([byteDance, privacy]);
  });

  it('puts the saved copy in place of the shown one, wherever it has gone', () => {
    const saved = { ...tikTok, modified: '2026-01-02T00:00:00.000Z' };
    expect(replaceSaved([byteDance, tikTok, privacy], saved)).toEqual([byteDance, saved, privacy]);
    // Moved by an edit before the save answered: found all the same.
    const moved = annotation('b', 'Oracle');
    expect(replaceSaved([byteDance, moved, privacy], saved)).toEqual([byteDance, saved, privacy]);
    // Deleted meanwhile: the list stays without it.
    expect(replaceSaved([byteDance, privacy], saved)).toEqual([byteDance, privacy]);
  });

  it('selects an annotation by id, the same object until the list changes', () => {
    const select = selectAnnotationById('b');
    const list = [byteDance, tikTok, privacy];
    expect(select(stateWith(list))).toBe(tikTok);
    expect(select(stateWith(list))).toBe(tikTok);
    const before = annotation('d', 'agreed');
    expect(select(stateWith([byteDance, before, tikTok, privacy]))).toBe(tikTok);
    const noted = { ...tikTok, note: 'noted' };
    expect(select(stateWith([byteDance, before, noted, privacy]))).toBe(noted);
    expect(select(stateWith([byteDance, privacy]))).toBeUndefined();
    expect(selectAnnotationById(null)(stateWith(list))).toBeUndefined();
  });
});

describe('saving tags', () => {
  let t: TestStore | undefined;
  afterEach(async () => {
    if (t) {
      await t.cleanup();
    }
    t = undefined;
  });

  it('shows, counts and selects a tag at once, and sends it once the frame showing it is drawn', async () => {
    t = await openTestStore({ 'a.txt': TEXT });
    const store = t.store;
    await store.getState().selectDocument('a.txt');
    const sent: string[] = [];
    const create = t.client.createAnnotation;
    t.client.createAnnotation = (request) => {
      sent.push(request.id ?? '');
      return create(request);
    };
    const start = TEXT.indexOf('Oracle');
    const tagged = store.getState().tag({ code: 'stakeholder', start, end: start + 'Oracle'.length });
    const [shown] = store.getState().reader.annotations;
    expect(shown?.target.quote).toBe('Oracle');
    expect(store.getState().selectedAnnotationId).toBe(shown?.id);
    expect(store.getState().documents.find((d) => d.key === 'a.txt')?.annotationCount).toBe(1);
    // Saving already (the indicator says so), though the request is still to come.
    expect(store.getState().savesPending).toBe(1);
    expect(sent).toEqual([]);

    expect(await tagged).toBe(shown?.id);
    expect(sent).toEqual([shown?.id]);
    expect(store.getState().savesFailed).toEqual([]);
    const file = join(t.project.path, '.gloss', 'annotations', 'a.txt', 'tester.json');
    expect(JSON.parse(await readFile(file, 'utf8')).annotations).toMatchObject([{ id: shown?.id }]);
  });

  it('sends quick steps in the order they were taken', async () => {
    t = await openTestStore({ 'a.txt': TEXT });
    const store = t.store;
    await store.getState().selectDocument('a.txt');
    const sent: string[] = [];
    for (const name of ['createAnnotation', 'updateAnnotation'] as const) {
      const send = t.client[name] as (request: never) => Promise<unknown>;
      Object.assign(t.client, {
        [name]: (request: never) => {
          sent.push(name);
          return send(request);
        },
      });
    }
    const id = await store.getState().tag({ code: 'privacy', start: 0, end: 'ByteDance'.length });
    // Not awaited, as keys pressed in a row: the edits start in order after the frame.
    const first = store.getState().editAnnotation(id!, { note: 'first' });
    const second = store.getState().editAnnotation(id!, { note: 'second' });
    await Promise.all([first, second]);
    await savesSettled(store);
    expect(sent).toEqual(['createAnnotation', 'updateAnnotation', 'updateAnnotation']);
    expect(store.getState().savesFailed).toEqual([]);
    const file = join(t.project.path, '.gloss', 'annotations', 'a.txt', 'tester.json');
    expect(JSON.parse(await readFile(file, 'utf8')).annotations).toMatchObject([{ id, note: 'second' }]);
  });

  it('a delete right after its tag waits for the tag to be saved, and both succeed', async () => {
    t = await openTestStore({ 'a.txt': TEXT });
    const store = t.store;
    await store.getState().selectDocument('a.txt');
    for (let round = 0; round < 5; round++) {
      // Not awaited: the tag's save reads the article first, the delete does not, so the delete
      // would reach the project first if it did not wait for the tag's answer.
      const tagged = store.getState().tag({ code: 'privacy', start: 0, end: 'ByteDance'.length });
      const id = store.getState().selectedAnnotationId!;
      const removed = store.getState().removeAnnotation(id);
      await Promise.all([tagged, removed]);
      await savesSettled(store);
      expect(store.getState().savesFailed, `round ${round}`).toEqual([]);
    }
    const file = join(t.project.path, '.gloss', 'annotations', 'a.txt', 'tester.json');
    expect(JSON.parse(await readFile(file, 'utf8')).annotations).toEqual([]);
  });
});
