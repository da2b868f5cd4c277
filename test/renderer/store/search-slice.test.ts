import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusSearchResult } from '../../../shared/api';
import { holdAnswers } from '../../support/held-answers';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const FILES = {
  'news/a.txt': 'Alpha\n\nPrivacy groups met. Beta testers came too.\n',
  'news/b.txt': 'Bravo\n\nNo privacy here, said the beta team.\n',
  'blog/c.txt': 'Charlie\n\nPrivacy, privacy, privacy.\n',
};

describe('the search slice', () => {
  it('runs one search at a time, folds searches asked meanwhile into the newest, and shows only its answer', async () => {
    t = await openTestStore(FILES);
    const { store } = t;
    const held = holdAnswers(t.client, 'searchCorpus');
    const shown: (CorpusSearchResult | null)[] = [];
    store.subscribe((state, before) => {
      if (state.search.result !== before.search.result) shown.push(state.search.result);
    });
    const search = (query: string) => {
      store.getState().setSearchQuery(query);
      return store.getState().runSearch();
    };
    const first = search('privacy');
    expect(store.getState().search.loading).toBe(true);
    const second = search('beta');
    const third = search('alpha');
    await held.releaseOne();
    await held.releaseOne();
    await Promise.all([first, second, third]);
    // "beta" was replaced by "alpha" before it was sent; the answer to "privacy" came too late to show.
    expect(held.asked.map((request) => request.query)).toEqual(['privacy', 'alpha']);
    expect(held.mostAtOnce()).toBe(1);
    expect(shown.map((result) => result?.query)).toEqual(['alpha']);
    expect(store.getState().search).toMatchObject({ loading: false, error: null, result: { total: 1 } });
  });

  it('narrows the search to a folder and to documents of a status', async () => {
    t = await openTestStore(FILES);
    const { store } = t;
    await store.getState().selectDocument('news/b.txt');
    await store.getState().setStatus('done');
    store.getState().setSearchQuery('privacy');
    await store.getState().runSearch();
    expect(store.getState().search.result).toMatchObject({ total: 5, documents: 3 });
    store.getState().setSearchFilters({ folder: 'news/' });
    await store.getState().runSearch();
    expect(store.getState().search.result?.byDocument).toEqual({ 'news/a.txt': 1, 'news/b.txt': 1 });
    store.getState().setSearchFilters({ statuses: ['done'] });
    await store.getState().runSearch();
    expect(store.getState().search.result?.byDocument).toEqual({ 'news/b.txt': 1 });
  });

  it('opens a hit as the selection to tag, and searches again when the article changed since', async () => {
    t = await openTestStore(FILES);
    const { store } = t;
    store.getState().setSearchQuery('beta');
    await store.getState().runSearch();
    const [inA, inB] = store.getState().search.result!.hits;
    expect([inA?.key, inB?.key]).toEqual(['news/a.txt', 'news/b.txt']);

    await store.getState().openSearchHit(inB!);
    const start = FILES['news/b.txt'].indexOf('beta');
    expect(store.getState()).toMatchObject({
      selectedKey: 'news/b.txt',
      pendingSelection: { start, end: start + 4, quote: 'beta' },
      scrollRequest: { passage: { key: 'news/b.txt', start, end: start + 4, quote: 'beta' } },
    });

    // The article is edited on disk: the hit's offsets no longer hold its text.
    await writeFile(
      join(t.project.path, 'news/a.txt'),
      'Alpha\n\nEdited. Privacy groups met. Beta testers.\n',
    );
    await store.getState().openSearchHit(inA!);
    expect(store.getState().reader.key).toBe('news/a.txt');
    expect(store.getState().pendingSelection).toBeNull();
    const again = store.getState().search.result!.hits.find((hit) => hit.key === 'news/a.txt');
    expect(again).toMatchObject({ text: 'Beta', start: inA!.start + 'Edited. '.length });
  });
});
