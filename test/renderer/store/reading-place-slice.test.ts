import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryReadingPlaces, type ReadingPlaces } from '../../../renderer/src/reader/reading-place';
import { createGlossStore } from '../../../renderer/src/store/gloss-store';
import { openTestStore, type TestStore } from '../../support/renderer-store';

const FILES = {
  'a.txt': 'Alpha report\n\nThe first article.\n',
  'b.txt': 'Beta report\n\nByteDance agreed to sell a stake.\n\nPrivacy advocates objected.\n',
};

let opened: TestStore | undefined;
afterEach(async () => {
  await opened?.cleanup();
  opened = undefined;
});

/** A store over FILES whose places are kept in `places`, loaded as the app is on start. */
async function openStore(places: ReadingPlaces): Promise<TestStore> {
  opened = await openTestStore(FILES, { readingPlaces: places });
  return opened;
}

/** The same project as the page sees it again after a reload: a new store over the same places. */
async function reloadPage(previous: TestStore, places: ReadingPlaces) {
  const store = createGlossStore(previous.client, { readingPlaces: places });
  await store.getState().reload();
  return store;
}

describe('resuming reading', () => {
  it('opens nothing in a project never read here', async () => {
    const { store } = await openStore(memoryReadingPlaces());
    expect(store.getState().reader.key).toBeNull();
    expect(store.getState().placeToResume).toBeNull();
  });

  it('reopens the document, asks the reader for the paragraph, and selects the annotation', async () => {
    const places = memoryReadingPlaces();
    const first = await openStore(places);
    const root = first.store.getState().project!.root;
    const { codebook } = first.store.getState().project!;
    const code = codebook.codes.find((each) => each.codable)!.id;
    const text = FILES['b.txt'];
    const start = text.indexOf('Privacy');
    const annotation = await first.client.createAnnotation({ key: 'b.txt', code, start, end: start + 7 });

    await first.store.getState().selectDocument('b.txt');
    first.store.getState().selectAnnotation(annotation.id);
    first.store.getState().rememberPlace('b.txt', start);
    expect(places.read(root)).toEqual({ key: 'b.txt', paragraphStart: start, annotationId: annotation.id });

    const again = await reloadPage(first, places);
    const state = again.getState();
    expect(state.reader.key).toBe('b.txt');
    expect(state.selectedKey).toBe('b.txt');
    expect(state.selectedAnnotationId).toBe(annotation.id);
    expect(state.placeToResume).toEqual({ key: 'b.txt', paragraphStart: start, annotationId: annotation.id });
  });

  it('remembers nothing until the reader is back at the remembered place', async () => {
    const places = memoryReadingPlaces();
    const first = await openStore(places);
    const root = first.store.getState().project!.root;
    places.save(root, { key: 'b.txt', paragraphStart: 14 });

    const again = await reloadPage(first, places);
    // The reader has not scrolled yet: the top of the text is not where the researcher was.
    again.getState().rememberPlace('b.txt', 0);
    expect(places.read(root)).toEqual({ key: 'b.txt', paragraphStart: 14 });
    again.getState().placeResumed();
    again.getState().rememberPlace('b.txt', 0);
    expect(places.read(root)).toEqual({ key: 'b.txt', paragraphStart: 0 });
    // A measure of a document the reader no longer shows is no place.
    again.getState().rememberPlace('a.txt', 20);
    expect(places.read(root)).toEqual({ key: 'b.txt', paragraphStart: 0 });
  });

  it('opens the first document, with no error, when the one being read was deleted since', async () => {
    const places = memoryReadingPlaces();
    const first = await openStore(places);
    const root = first.store.getState().project!.root;
    places.save(root, { key: 'b.txt', paragraphStart: 14, annotationId: 'gone' });
    await rm(join(first.project.path, 'b.txt'));

    const again = await reloadPage(first, places);
    const state = again.getState();
    expect(state.documents.map((d) => d.key)).toEqual(['a.txt']);
    expect(state.reader.key).toBe('a.txt');
    expect(state.reader.error).toBeNull();
    expect(state.reader.document?.title).toBe('Alpha report');
    expect(state.placeToResume).toBeNull();
    expect(state.selectedAnnotationId).toBeNull();
  });

  it('keeps each project to its own place', async () => {
    const places = memoryReadingPlaces();
    places.save('/somewhere/else', { key: 'b.txt', paragraphStart: 14 });
    const { store } = await openStore(places);
    expect(store.getState().reader.key).toBeNull();
  });
});
