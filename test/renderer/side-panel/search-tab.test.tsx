// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/components/App';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const FILES = {
  'news/rules.txt':
    'Privacy rules\n\nThe new privacy law protects data. Online privacy matters to everyone.\n',
  'news/courts.txt': 'Courts\n\nA judge said privacy is a right. Patient privacy was discussed.\n',
  'zoo/animals.txt': 'Animals\n\nNothing here about it.\n',
  'zoo/zebras.txt': `Zebras\n\n${'zebra '.repeat(501)}\n`,
};

let t: TestStore;
let user: ReturnType<typeof userEvent.setup>;

beforeEach(async () => {
  t = await openTestStore(FILES);
  await act(() => t.store.getState().selectDocument('news/rules.txt'));
  user = userEvent.setup();
  render(
    <StoreProvider store={t.store}>
      <App />
    </StoreProvider>,
  );
  await user.click(screen.getByRole('tab', { name: 'Search' }));
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

const panel = () => screen.getByRole('complementary', { name: 'Side panel' });
const searchField = () => within(panel()).getByRole('searchbox', { name: 'Search the articles' });
const rows = () =>
  within(within(panel()).getByRole('list', { name: 'Search hits' }))
    .getAllByRole('button')
    .map((row) => row.getAttribute('aria-label'));

async function search(query: string) {
  await user.clear(searchField());
  await user.type(searchField(), `${query}{Enter}`);
}

describe('the search tab', () => {
  it('counts the hits and lists them as concordance lines, in document order or by the word before', async () => {
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    // Each hit with up to 60 characters each side; read as "before, hit, after, in document".
    expect(rows()).toHaveLength(5);
    expect(rows()).toEqual(
      expect.arrayContaining([
        'Privacy, rules The new privacy law protects data. Online privacy ma, in news/rules.txt',
        'Privacy rules The new, privacy, law protects data. Online privacy matters to everyone., in news/rules.txt',
        'Privacy rules The new privacy law protects data. Online, privacy, matters to everyone., in news/rules.txt',
        'Courts A judge said, privacy, is a right. Patient privacy was discussed., in news/courts.txt',
        'Courts A judge said privacy is a right. Patient, privacy, was discussed., in news/courts.txt',
      ]),
    );
    // Document by document, as the search answered.
    expect(rows().map((name) => name?.split(', in ')[1])).toEqual(
      t.store.getState().search.result!.hits.map((hit) => hit.key),
    );
    const row = within(panel()).getAllByRole('listitem')[1]!;
    expect(within(row).getByText('privacy').tagName).toBe('MARK');

    await user.selectOptions(within(panel()).getByRole('combobox', { name: 'Sort' }), 'By the word before');
    // No word before the title's "Privacy", then "new", "Online", "Patient", "said", whatever their case.
    expect(rows().map((name) => name?.match(/(\w+), [Pp]rivacy,/)?.[1] ?? '(none)')).toEqual([
      '(none)',
      'new',
      'Online',
      'Patient',
      'said',
    ]);
  });

  it('says how many it shows when there are more hits than it lists, and when there are none', async () => {
    await search('zebra');
    await within(panel()).findByText('501 hits in 1 document, showing the first 500');
    expect(
      within(panel()).getByRole('list', { name: 'Search hits' }).children[0]?.getAttribute('aria-setsize'),
    ).toBe('500');
    await search('privacy matters');
    await within(panel()).findByText('1 hit in 1 document');
    await search('giraffe');
    await within(panel()).findByText('No hits');
    expect(within(panel()).queryByRole('list', { name: 'Search hits' })).toBeNull();
  });

  it('narrows to a folder chosen from the documents’ folders', async () => {
    const folder = within(panel()).getByRole('combobox', { name: 'Folder' });
    expect(
      within(folder)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All folders', 'news/', 'zoo/']);
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    await user.selectOptions(folder, 'zoo/');
    await within(panel()).findByText('No hits');
  });

  it('shows why a query is refused, next to the field', async () => {
    await search('/(/');
    const alert = await within(panel()).findByRole('alert');
    expect(alert.textContent).toMatch(/^\/\(\/ is not a regular expression: /);
    expect(searchField().getAttribute('aria-invalid')).toBe('true');
    expect(searchField().getAttribute('aria-describedby')).toBe(alert.id);
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    expect(within(panel()).queryByRole('alert')).toBeNull();
  });

  it('opens a hit in its document, selected to tag: a code’s key tags exactly the hit', async () => {
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    const hit = within(panel()).getByRole('button', { name: /Patient, privacy, was/ });
    await user.click(hit);
    const main = screen.getByRole('main');
    await within(main).findByRole('heading', { level: 1, name: 'Courts' });
    const text = t.store.getState().reader.document!.text;
    const start = text.indexOf('Patient privacy') + 'Patient '.length;
    await waitFor(() =>
      expect(t.store.getState().pendingSelection).toEqual({ start, end: start + 7, quote: 'privacy' }),
    );
    expect(within(main).getByRole('dialog', { name: 'Tag selection' }).textContent).toContain('“privacy”');
    expect(hit.getAttribute('aria-current')).toBe('true');
    // Focus is in the text, where the palette takes its keys.
    expect(document.activeElement).toBe(within(main).getByRole('region', { name: 'Article text' }));

    await user.keyboard('1');
    await savesSettled(t.store);
    const file = join(t.project.path, '.gloss', 'annotations', 'news', 'courts.txt', 'tester.json');
    const { annotations } = JSON.parse(await readFile(file, 'utf8'));
    expect(annotations).toMatchObject([
      { code: 'security', target: { start, end: start + 7, quote: 'privacy' } },
    ]);
  });

  it('opens with Ctrl+Shift+F from a text field, with focus in its field', async () => {
    await user.click(within(panel()).getByRole('tab', { name: 'Codes' }));
    await user.click(screen.getByRole('searchbox', { name: 'Filter documents' }));
    await user.keyboard('{Control>}{Shift>}F{/Shift}{/Control}');
    expect(within(panel()).getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(searchField());
  });
});
