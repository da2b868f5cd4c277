// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_REMEMBERED_PROJECTS,
  parseStoredPlaces,
  storedReadingPlaces,
} from '../../../renderer/src/reader/reading-place';

const KEY = 'gloss.reading-places';

afterEach(() => localStorage.clear());

describe('storedReadingPlaces', () => {
  it('keeps a place per project folder in localStorage, where a new page finds it', () => {
    storedReadingPlaces(localStorage).save('/data/news', {
      key: 'world/café 😀.txt',
      paragraphStart: 1234,
      annotationId: 'a1',
    });
    storedReadingPlaces(localStorage).save('/data/other', { key: 'b.txt', paragraphStart: 0 });

    const again = storedReadingPlaces(localStorage);
    expect(again.read('/data/news')).toEqual({
      key: 'world/café 😀.txt',
      paragraphStart: 1234,
      annotationId: 'a1',
    });
    expect(again.read('/data/other')).toEqual({ key: 'b.txt', paragraphStart: 0 });
    expect(again.read('/data/unknown')).toBeUndefined();
  });

  it('replaces a project’s place, and forgets the least recently read beyond the limit', () => {
    const places = storedReadingPlaces(localStorage);
    for (let n = 0; n <= MAX_REMEMBERED_PROJECTS; n++)
      places.save(`/p${n}`, { key: 'a.txt', paragraphStart: n });
    places.save('/p1', { key: 'b.txt', paragraphStart: 7 });

    expect(places.read('/p0')).toBeUndefined();
    expect(places.read('/p1')).toEqual({ key: 'b.txt', paragraphStart: 7 });
    expect(places.read(`/p${MAX_REMEMBERED_PROJECTS}`)).toEqual({
      key: 'a.txt',
      paragraphStart: MAX_REMEMBERED_PROJECTS,
    });
    expect(JSON.parse(localStorage.getItem(KEY)!).projects).toHaveLength(MAX_REMEMBERED_PROJECTS);
  });

  it('reads nothing from a value that is not its own, and writes over it', () => {
    localStorage.setItem(KEY, '{not json');
    const places = storedReadingPlaces(localStorage);
    expect(places.read('/data/news')).toBeUndefined();
    places.save('/data/news', { key: 'a.txt', paragraphStart: 3 });
    expect(places.read('/data/news')).toEqual({ key: 'a.txt', paragraphStart: 3 });
  });

  it('goes on when the browser refuses to store anything', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError: access is denied');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const places = storedReadingPlaces(refusing);
    expect(() => places.save('/data/news', { key: 'a.txt', paragraphStart: 3 })).not.toThrow();
    expect(places.read('/data/news')).toBeUndefined();
  });
});

describe('parseStoredPlaces', () => {
  it('keeps the well-formed entries only', () => {
    const stored = {
      version: 1,
      projects: [
        { root: '/ok', place: { key: 'a.txt', paragraphStart: 5, annotationId: 'x' } },
        { root: '/negative', place: { key: 'a.txt', paragraphStart: -1 } },
        { root: '/fraction', place: { key: 'a.txt', paragraphStart: 1.5 } },
        { root: '/no-key', place: { key: '', paragraphStart: 0 } },
        { root: 42, place: { key: 'a.txt', paragraphStart: 0 } },
        { root: '/odd-annotation', place: { key: 'a.txt', paragraphStart: 0, annotationId: 7 } },
        null,
      ],
    };
    expect(parseStoredPlaces(JSON.stringify(stored))).toEqual([
      { root: '/ok', place: { key: 'a.txt', paragraphStart: 5, annotationId: 'x' } },
      { root: '/odd-annotation', place: { key: 'a.txt', paragraphStart: 0 } },
    ]);
  });

  it('reads nothing from another version, another shape, or nothing', () => {
    expect(parseStoredPlaces(null)).toEqual([]);
    expect(parseStoredPlaces(JSON.stringify({ version: 2, projects: [] }))).toEqual([]);
    expect(parseStoredPlaces(JSON.stringify([{ root: '/a' }]))).toEqual([]);
    expect(parseStoredPlaces('"text"')).toEqual([]);
  });
});
