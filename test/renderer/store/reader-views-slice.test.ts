import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_READER_VIEW,
  memoryReaderViews,
  type ReaderViewMemory,
  storedReaderViews,
} from '../../../renderer/src/reader/reader-view-memory';
import { createGlossStore } from '../../../renderer/src/store/gloss-store';
import {
  selectDocumentAnnotators,
  selectShownAnnotations,
  selectShownColleague,
  selectSideBySide,
  selectSideBySideComparison,
} from '../../../renderer/src/store/reader-views-slice';
import { type AnnotatorClients, annotatorClients } from '../../support/annotator-clients';
import { openTestStore, type TestStore } from '../../support/renderer-store';

/** The store's annotator is "tester" (renderer-store.ts); bob and carol are colleagues writing through their own services. */
const TEXT = 'Café report\n\nLe café 🇫🇷 de Zoë: la CNIL enquête sur les données de Renée.\n';
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
  return client.createAnnotation({ key: KEY, code, start, end: start + quote.length });
}

/** tester, bob and carol tagged the article; the store has it open. */
async function openWithColleagues(memory: ReaderViewMemory = memoryReaderViews()) {
  opened = await openTestStore({ [KEY]: TEXT }, { readerViews: memory });
  colleagues = annotatorClients(opened.project.path);
  const bob = await colleagues.as('bob');
  const carol = await colleagues.as('carol');
  await tag(opened.client, 'Zoë', 'stakeholder');
  await tag(opened.client, 'la CNIL', 'stakeholder');
  await tag(bob, 'Zoë', 'stakeholder');
  await tag(bob, 'CNIL', 'stakeholder');
  await tag(bob, 'données', 'privacy');
  await tag(carol, 'café 🇫🇷', 'stakeholder');
  await opened.store.getState().selectDocument(KEY);
  return opened.store;
}

const shownQuotes = (store: TestStore['store']) =>
  selectShownAnnotations(store.getState()).map((a) => `${a.author}:${a.target.quote}`);

describe('the reader’s views', () => {
  it('shows everyone’s annotations by default, then mine, then one colleague’s', async () => {
    const store = await openWithColleagues();
    expect(store.getState().readerView).toEqual(DEFAULT_READER_VIEW);
    expect(selectDocumentAnnotators(store.getState())).toEqual(['tester', 'bob', 'carol']);
    // Everyone's is the store's own list, so the painter sees no change.
    expect(selectShownAnnotations(store.getState())).toBe(store.getState().reader.annotations);

    store.getState().setReaderView({ view: 'mine' });
    expect(shownQuotes(store)).toEqual(['tester:Zoë', 'tester:la CNIL']);

    store.getState().setReaderView({ view: 'colleague' });
    expect(selectShownColleague(store.getState())).toBe('bob');
    expect(shownQuotes(store)).toEqual(['bob:Zoë', 'bob:CNIL', 'bob:données']);
    store.getState().setReaderView({ colleague: 'carol' });
    expect(shownQuotes(store)).toEqual(['carol:café 🇫🇷']);
    // The same list object while nothing changed: components and the painter are not woken.
    expect(selectShownAnnotations(store.getState())).toBe(selectShownAnnotations(store.getState()));
  });

  it('falls back to the first colleague where the one chosen did not annotate the document', async () => {
    const store = await openWithColleagues();
    store.getState().setReaderView({ view: 'colleague', colleague: 'dave' });
    expect(selectShownColleague(store.getState())).toBe('bob');
  });

  it('sets me beside the first colleague side by side, and compares our passages', async () => {
    const store = await openWithColleagues();
    store.getState().setReaderView({ view: 'side-by-side' });
    expect(selectSideBySide(store.getState())).toEqual({ left: 'tester', right: 'bob' });
    const compared = selectSideBySideComparison(store.getState())!;
    expect(compared.comparison.counts).toEqual({
      agreed: 1,
      'different-codes': 0,
      overlapping: 1,
      'only-a': 0,
      'only-b': 1,
    });
    expect(compared.comparison.kindsA).toEqual(['agreed', 'overlapping']);
    expect(compared.rightAnnotations.map((a) => a.target.quote)).toEqual(['Zoë', 'CNIL', 'données']);
    // j and k walk through the two columns' annotations, carol's left out.
    expect(shownQuotes(store).sort()).toEqual(
      ['tester:Zoë', 'tester:la CNIL', 'bob:Zoë', 'bob:CNIL', 'bob:données'].sort(),
    );

    // Choosing the same annotator for both columns is not possible: the other column gives way.
    store.getState().setReaderView({ left: 'carol', right: 'carol' });
    expect(selectSideBySide(store.getState())).toEqual({ left: 'carol', right: 'tester' });
  });

  it('has nothing to set side by side before anyone else annotated the document', async () => {
    opened = await openTestStore({ [KEY]: TEXT });
    await tag(opened.client, 'Zoë', 'stakeholder');
    await opened.store.getState().selectDocument(KEY);
    opened.store.getState().setReaderView({ view: 'side-by-side' });
    expect(selectSideBySide(opened.store.getState())).toBeNull();
    expect(selectSideBySideComparison(opened.store.getState())).toBeNull();
  });

  it('remembers the view per project, and takes it up when the page is loaded again', async () => {
    const memory = memoryReaderViews();
    const store = await openWithColleagues(memory);
    const root = store.getState().project!.root;
    store.getState().setReaderView({ view: 'colleague', colleague: 'carol' });
    expect(memory.read(root)).toEqual({ view: 'colleague', colleague: 'carol', left: null, right: null });

    const again = createGlossStore(opened!.client, { readerViews: memory });
    await again.getState().reload();
    expect(again.getState().readerView).toEqual({
      view: 'colleague',
      colleague: 'carol',
      left: null,
      right: null,
    });
    expect(again.getState().readerViewRoot).toBe(root);
  });

  it('changes and deletes only my own annotations: a colleague’s stays as it is, on screen and on disk', async () => {
    const store = await openWithColleagues();
    const bobs = store.getState().reader.annotations.find((a) => a.author === 'bob')!;
    await store.getState().removeAnnotation(bobs.id);
    await store.getState().editAnnotation(bobs.id, { note: 'mine now' });
    expect(store.getState().reader.annotations).toContainEqual(bobs);
    expect(store.getState().savesFailed).toEqual([]);
    expect(store.getState().savesStarted).toBe(0);
    await store.getState().openDocument(KEY);
    expect(store.getState().reader.annotations.find((a) => a.id === bobs.id)).toEqual(bobs);
    // Nothing was recorded to undo either.
    expect(store.getState().undoStack).toEqual([]);
  });
});

describe('the view remembered in the page’s storage', () => {
  function fakeStorage(initial?: string) {
    const items = new Map<string, string>(initial === undefined ? [] : [['gloss.reader-views', initial]]);
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
  }

  it('keeps each project’s choice, the latest first', () => {
    const storage = fakeStorage();
    const views = storedReaderViews(storage);
    views.save('/a', { ...DEFAULT_READER_VIEW, view: 'mine' });
    views.save('/b', { ...DEFAULT_READER_VIEW, view: 'side-by-side', left: 'bob', right: 'carol' });
    expect(storedReaderViews(storage).read('/a')?.view).toBe('mine');
    expect(storedReaderViews(storage).read('/b')).toEqual({
      view: 'side-by-side',
      colleague: null,
      left: 'bob',
      right: 'carol',
    });
    expect(storedReaderViews(storage).read('/c')).toBeUndefined();
  });

  it('reads anything unreadable as nothing remembered', () => {
    for (const stored of ['not json', '{"a":1}', '[["/a",{"view":"everything"}]]', '[["/a",null]]']) {
      expect(storedReaderViews(fakeStorage(stored)).read('/a')).toBeUndefined();
    }
  });
});
