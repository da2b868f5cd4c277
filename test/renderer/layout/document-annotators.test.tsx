// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { initials } from '../../../renderer/src/components/document-list/AnnotatorChips';
import { DocumentList } from '../../../renderer/src/components/document-list/DocumentList';
import { StoreProvider } from '../../../renderer/src/store/context';
import type { DocumentStatus } from '../../../shared/model/document';
import { colleagueFileJson, writeColleagueFile } from '../../support/colleague-file';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore | undefined;

afterEach(async () => {
  cleanup();
  await t?.cleanup();
  t = undefined;
});

const TEXT = 'Talks in Geneva\n\nDiplomats met in Geneva.\n';

/** A colleague's annotation file for `key`, with `count` annotations of "Geneva". */
async function writeColleague(key: string, annotator: string, status: DocumentStatus, count: number) {
  const json = colleagueFileJson({ key, annotator, status, count, text: TEXT, quote: 'Geneva' });
  await writeColleagueFile(t!.project.path, key, annotator, json);
}

async function showList(keys: string[]) {
  t = await openTestStore(Object.fromEntries(keys.map((key) => [key, TEXT])));
  render(
    <StoreProvider store={t.store}>
      <DocumentList />
    </StoreProvider>,
  );
  return t;
}

const row = (key: string) => screen.getByText(key).closest('button')!;
const chips = (key: string) =>
  within(row(key))
    .queryAllByRole('img')
    .map((chip) => chip.getAttribute('aria-label'));
const keys = () =>
  screen.getAllByRole('listitem').map((item) => item.querySelector('.document-key')?.textContent);

describe('who has worked on each document', () => {
  it('names each annotator’s status and count, and follows this annotator’s own work at once', async () => {
    const { store } = await showList(['a.txt', 'b.txt']);
    await writeColleague('a.txt', 'bob', 'done', 12);
    await act(() => store.getState().loadDocuments());
    expect(chips('a.txt')).toEqual(['bob: done, 12 annotations']);
    expect(chips('b.txt')).toEqual([]);

    await act(() => store.getState().selectDocument('a.txt'));
    await act(() => store.getState().tag({ code: 'security', start: 0, end: 5 }));
    await act(() => store.getState().setStatus('in-progress'));
    expect(chips('a.txt')).toEqual(['tester (you): in progress, 1 annotation', 'bob: done, 12 annotations']);
    // The row's text stays the document's; the initials are drawn from data-initials.
    const [mine, bobs] = within(row('a.txt')).getAllByRole('img');
    expect([mine!.dataset.initials, bobs!.dataset.initials]).toEqual(['Te', 'Bo']);
    expect(row('a.txt').querySelector('.document-meta')?.textContent).toBe('In progress · 13 annotations');
  });

  it('shows the curated layer as itself, with no status', async () => {
    const { store } = await showList(['a.txt']);
    await writeColleague('a.txt', 'bob', 'done', 2);
    await writeColleague('a.txt', 'curation', 'todo', 3);
    await act(() => store.getState().loadDocuments());
    expect(chips('a.txt')).toEqual(['bob: done, 2 annotations', 'the curated layer: 3 annotations']);
    const curated = within(row('a.txt')).getAllByRole('img')[1]!;
    expect([curated.dataset.initials, curated.className]).toEqual([
      '✓',
      'annotator-chip annotator-chip-curation',
    ]);
  });

  it('folds a fifth annotator and more into one chip', async () => {
    const { store } = await showList(['a.txt']);
    for (const [i, name] of ['ann', 'bob', 'cyd', 'dee', 'eve'].entries()) {
      await writeColleague('a.txt', name, 'todo', i);
    }
    await act(() => store.getState().loadDocuments());
    expect(chips('a.txt')).toEqual([
      'ann: to do, 0 annotations',
      'bob: to do, 1 annotation',
      'cyd: to do, 2 annotations',
      'dee: to do, 3 annotations; eve: to do, 4 annotations',
    ]);
  });

  it('filters by who has worked on a document and how far, with this annotator’s own status', async () => {
    const { store } = await showList(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    await writeColleague('a.txt', 'bob', 'done', 2);
    await writeColleague('b.txt', 'bob', 'in-progress', 1);
    await writeColleague('c.txt', 'carol', 'done', 1);
    await act(() => store.getState().loadDocuments());
    for (const key of ['a.txt', 'c.txt']) {
      await act(() => store.getState().selectDocument(key));
      await act(() => store.getState().setStatus('done'));
    }

    const annotator = screen.getByLabelText('Annotator');
    const theirStatus = screen.getByLabelText('Annotator’s status') as HTMLSelectElement;
    expect(theirStatus.disabled).toBe(true);
    expect(
      within(annotator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Anyone', 'tester (you) (2)', 'bob (2)', 'carol (1)']);
    await userEvent.selectOptions(annotator, 'bob');
    expect(keys()).toEqual(['a.txt', 'b.txt']);
    await userEvent.selectOptions(theirStatus, 'done');
    expect(keys()).toEqual(['a.txt']);
    // Both coders finished: bob's done and mine.
    await userEvent.selectOptions(theirStatus, 'in-progress');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'done');
    expect(screen.getByText('No documents match')).toBeTruthy();
    await userEvent.selectOptions(theirStatus, 'done');
    expect(keys()).toEqual(['a.txt']);
    await userEvent.selectOptions(annotator, 'tester');
    expect(keys()).toEqual(['a.txt', 'c.txt']);
    await userEvent.selectOptions(annotator, '');
    // Anyone's work has no one's status to ask about.
    expect([theirStatus.value, theirStatus.disabled]).toEqual(['all', true]);
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'all');
    expect(keys()).toHaveLength(4);
  });
});

describe('initials', () => {
  it('takes the first letters of a name’s parts, else its first two letters, in any script', () => {
    expect(['bob', 'ann.lee', 'Ann Lee', 'jo_de-vries', 'x', 'Ωmega', '𝒜bc'].map(initials)).toEqual([
      'Bo',
      'AL',
      'AL',
      'JD',
      'X',
      'Ωm',
      '𝒜b',
    ]);
  });
});
