import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationFile } from '../../../main/project/annotation-files-schema';
import { selectCurrentItem, selectPlacedItems } from '../../../renderer/src/store/curation-slice';
import type { GlossStore } from '../../../renderer/src/store/gloss-store';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { holdAnswers } from '../../support/held-answers';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

/** The store's annotator, "tester", curates what bob and carol coded. */
const TEXT = 'Café report\n\nLe café 🇫🇷 de Zoë: la CNIL enquête sur les données de Renée, dit Zoë.\n';
const KEY = 'cafe.txt';

let opened: TestStore | undefined;
let colleagues: AnnotatorClients | undefined;
afterEach(async () => {
  await colleagues?.close();
  await opened?.cleanup();
  opened = undefined;
  colleagues = undefined;
});

async function tag(client: TestStore['client'], quote: string, code: string) {
  const start = TEXT.indexOf(quote);
  return (await client.createAnnotation({ key: KEY, code, start, end: start + quote.length })).id;
}

/** bob and carol agree on "café 🇫🇷" and differ on three passages: another code, other bounds, only bob's. */
async function curating() {
  opened = await openTestStore({ [KEY]: TEXT });
  colleagues = annotatorClients(opened.project.path);
  const bob = await colleagues.as('bob');
  const carol = await colleagues.as('carol');
  await tag(bob, 'café 🇫🇷', 'privacy');
  await tag(carol, 'café 🇫🇷', 'privacy');
  await tag(bob, 'la CNIL', 'security');
  await tag(carol, 'la CNIL', 'privacy');
  await tag(bob, 'données de Renée', 'privacy');
  await tag(carol, 'données', 'privacy');
  await tag(bob, 'Zoë', 'privacy');
  const { store } = opened;
  await store.getState().reload();
  await store.getState().startCuration({ a: 'bob', b: 'carol' });
  return store;
}

const quotesShown = (store: GlossStore) => {
  const shown = selectCurrentItem(store.getState());
  return [shown?.item.a?.quote ?? null, shown?.item.b?.quote ?? null];
};
const counts = (store: GlossStore) => store.getState().curation.answer?.counts;

async function curatedFile(): Promise<AnnotationFile | null> {
  try {
    const path = join(opened!.project.path, '.gloss', 'annotations', KEY, 'curation.json');
    return JSON.parse(await readFile(path, 'utf8')) as AnnotationFile;
  } catch {
    return null;
  }
}

describe('the curation walk-through', () => {
  it('starts at the first open disagreement, shown side by side with its passage selected', async () => {
    const store = await curating();
    const state = store.getState();
    expect(state.sidePanelTab).toBe('curation');
    expect(counts(store)).toEqual({ open: 3, decided: 0, skipped: 0 });
    expect(selectPlacedItems(state).map((p) => p.item.kind)).toEqual([
      'only-a',
      'different-codes',
      'overlapping',
    ]);
    expect(quotesShown(store)).toEqual(['Zoë', null]);
    expect(state.readerView).toMatchObject({ view: 'side-by-side', left: 'bob', right: 'carol' });
    expect(state.reader.key).toBe(KEY);
    expect(state.selectedAnnotationId).toBe(selectCurrentItem(state)?.item.a?.annotationId);
    // Next and previous walk every disagreement and stop at the ends.
    expect(state.moveCuration(-1)).toBe(false);
    expect(store.getState().moveCuration(1)).toBe(true);
    expect(quotesShown(store)).toEqual(['la CNIL', 'la CNIL']);
  });

  it('shows a decision at once and goes on to the next open one; the saved record follows', async () => {
    const store = await curating();
    const held = holdAnswers(opened!.client, 'curate');
    expect(store.getState().decideCuration('b')).toBe(true);
    // Before the project answers: decided on screen, and the next disagreement shown.
    expect(counts(store)).toEqual({ open: 2, decided: 1, skipped: 0 });
    expect(quotesShown(store)).toEqual(['la CNIL', 'la CNIL']);
    // Both passages of a disagreement only one marked cannot be taken.
    store.getState().moveCuration(-1);
    expect(store.getState().decideCuration('both')).toBe(false);
    await held.releaseOne();
    await savesSettled(store);
    const first = selectPlacedItems(store.getState())[0]!.item;
    expect(first.decision).toMatchObject({ decision: 'b', by: 'tester', a: { annotator: 'bob' } });
    // carol's reading of a passage only bob marked: nothing kept.
    expect((await curatedFile())?.annotations).toEqual([]);
    expect((await curatedFile())?.decisions?.map((d) => d.decision)).toEqual(['b']);
  });

  it('undone before the project answered, a decision stays undone on screen and on disk', async () => {
    const store = await curating();
    store.getState().moveCuration(1);
    const held = holdAnswers(opened!.client, 'curate');
    store.getState().decideCuration('a');
    expect(counts(store)).toEqual({ open: 2, decided: 1, skipped: 0 });
    const undone = store.getState().undo();
    expect(counts(store)).toEqual({ open: 3, decided: 0, skipped: 0 });
    // The decision's answer arrives after the undo was shown: the screen keeps the undo.
    await held.releaseOne();
    await undone;
    await savesSettled(store);
    expect(counts(store)).toEqual({ open: 3, decided: 0, skipped: 0 });
    expect(quotesShown(store)).toEqual(['la CNIL', 'la CNIL']);
    expect((await curatedFile())?.decisions ?? []).toEqual([]);
    expect((await curatedFile())?.annotations ?? []).toEqual([]);
    // Redo decides it again, with bob's code.
    const redone = store.getState().redo();
    await held.releaseOne();
    await redone;
    await savesSettled(store);
    expect((await curatedFile())?.annotations.map((a) => `${a.code}:${a.target.quote}`)).toEqual([
      'security:la CNIL',
    ]);
  });

  it('writes the curator’s own passage, skips, and takes the agreed passages as one undoable step', async () => {
    const store = await curating();
    await store.getState().takeAgreedPassages();
    expect(store.getState().agreedTaken).toMatchObject({ added: 1 });
    expect((await curatedFile())?.annotations.map((a) => a.target.quote)).toEqual(['café 🇫🇷']);
    await store.getState().undo();
    expect((await curatedFile())?.annotations).toEqual([]);
    await store.getState().redo();
    expect((await curatedFile())?.annotations.map((a) => a.target.quote)).toEqual(['café 🇫🇷']);

    // The overlapping one: the curator's bounds, where the two overlap.
    const overlapping = selectPlacedItems(store.getState())[2]!;
    await store.getState().showCurationItem(overlapping.ref);
    const start = TEXT.indexOf('données');
    expect(store.getState().editCuration({ code: 'privacy', start, end: start + 'données'.length })).toBe(
      true,
    );
    // Then the first, left for later.
    expect(quotesShown(store)).toEqual(['Zoë', null]);
    store.getState().decideCuration('skip');
    await savesSettled(store);
    expect(counts(store)).toEqual({ open: 1, decided: 1, skipped: 1 });
    const file = await curatedFile();
    expect(file?.annotations.map((a) => `${a.curated?.decision}:${a.target.quote}`).sort()).toEqual([
      'agreed:café 🇫🇷',
      'edited:données',
    ]);
    // Read again from the project, the walk-through stands where the screen said.
    await store.getState().refreshCuration();
    expect(counts(store)).toEqual({ open: 1, decided: 1, skipped: 1 });
  });
});
