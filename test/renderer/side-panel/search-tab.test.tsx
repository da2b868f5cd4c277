// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/components/App';
import { StoreProvider } from '../../../renderer/src/store/context';
import { connectStore } from '../../../renderer/src/store/gloss-store';
import { holdAnswers } from '../../support/held-answers';
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
/** Each row's concordance line (its first button; the second is Tag). */
const rows = () =>
  within(within(panel()).getByRole('list', { name: 'Search hits' }))
    .getAllByRole('listitem')
    .map((item) => within(item).getAllByRole('button')[0]!.getAttribute('aria-label'));

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
    const row = within(within(panel()).getByRole('list', { name: 'Search hits' })).getAllByRole(
      'listitem',
    )[1]!;
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
    await within(panel()).findByText('501 hits in 1 document');
    // A row for every hit from the start; the first page's are filled in, the rest as they come into view.
    const list = within(panel()).getByRole('list', { name: 'Search hits' });
    expect(list.children[0]?.getAttribute('aria-setsize')).toBe('501');
    expect(rows()[0]).toMatch(/^Zebras, zebra, zebra zebra/);
    // End brings the last row into view: its page is asked for and it shows the 501st zebra.
    within(list).getAllByRole('button')[0]!.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(rows().at(-1)).toMatch(/zebra zebra, zebra, in zoo\/zebras\.txt$/));
    expect(list.lastElementChild?.getAttribute('aria-posinset')).toBe('501');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(rows().at(-1));
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

  it('narrows to hits inside passages of a code (a group: any of its codes), or to what is not yet coded', async () => {
    const text = FILES['news/courts.txt'];
    const start = text.indexOf('A judge');
    await t.client.createAnnotation({
      key: 'news/courts.txt',
      code: 'privacy',
      start,
      end: text.indexOf(' Patient'),
    });
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    const inside = within(panel()).getByRole('combobox', { name: 'Inside passages coded' });
    await user.selectOptions(inside, 'concerns');
    await within(panel()).findByText('1 hit in 1 document');
    expect(rows()).toEqual([
      'Courts A judge said, privacy, is a right. Patient privacy was discussed., in news/courts.txt',
    ]);
    await user.click(within(panel()).getByRole('checkbox', { name: 'Not yet coded' }));
    await within(panel()).findByText('4 hits in 2 documents');
    expect((inside as HTMLSelectElement).value).toBe('');
    expect(rows()).not.toContain(
      'Courts A judge said, privacy, is a right. Patient privacy was discussed., in news/courts.txt',
    );
  });

  it('tags one hit by proposing it for review with the code chosen: nothing is tagged until accepted', async () => {
    await search('privacy');
    await within(panel()).findByText('5 hits in 2 documents');
    await user.click(
      within(panel()).getAllByRole('button', { name: 'Tag this hit: “privacy” in news/courts.txt' })[1]!,
    );
    const form = within(panel()).getByRole('form', { name: 'Tag search hits' });
    const code = within(form).getByRole('combobox', { name: 'Tag “privacy” in news/courts.txt with' });
    expect(document.activeElement).toBe(code);
    await user.selectOptions(code, 'privacy');
    await user.click(within(form).getByRole('button', { name: 'Propose for review' }));
    await within(panel()).findByText(
      '1 hit proposed as Privacy for review in 1 document — review them in Suggestions.',
    );
    expect(await t.client.listAnnotations({ key: 'news/courts.txt' })).toEqual([]);

    await user.click(within(panel()).getByRole('button', { name: 'Review in Suggestions' }));
    await within(screen.getByRole('main')).findByRole('heading', { level: 1, name: 'Courts' });
    expect(within(panel()).getByRole('tab', { name: 'Suggestions' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await within(panel()).findByText('search “privacy”');
    const text = FILES['news/courts.txt'];
    const at = text.indexOf('Patient privacy') + 'Patient '.length;
    await user.click(within(panel()).getByRole('button', { name: 'Accept “privacy” as Privacy' }));
    await savesSettled(t.store);
    expect((await t.client.listAnnotations({ key: 'news/courts.txt' })).map((a) => a.target)).toMatchObject([
      { start: at, end: at + 7, quote: 'privacy' },
    ]);
  });

  it('shows how far proposing every hit has got, from main’s reports, until its answer comes', async () => {
    const stop = connectStore(t.store, t.client);
    try {
      const held = holdAnswers(t.client, 'proposeSearchTags');
      await search('privacy');
      await within(panel()).findByText('5 hits in 2 documents');
      await user.click(within(panel()).getByRole('button', { name: 'Tag all 5 hits…' }));
      const form = within(panel()).getByRole('form', { name: 'Tag search hits' });
      await user.selectOptions(
        within(form).getByRole('combobox', { name: 'Tag all 5 hits with' }),
        'privacy',
      );
      await user.click(within(form).getByRole('button', { name: 'Propose for review' }));
      // Main has done its work; its answer is held: the last report stays on screen meanwhile.
      // Proposing writes each document's file durably: on a busy machine that can take more than a second.
      const bar = await within(form).findByRole(
        'progressbar',
        { name: 'Saving the proposals: 2 of 2' },
        { timeout: 10_000 },
      );
      expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2', '2']);
      expect(within(form).getByRole('button', { name: 'Proposing…' })).toHaveProperty('disabled', true);
      await held.releaseOne();
      await within(panel()).findByText(
        '5 hits proposed as Privacy for review in 2 documents — review them in Suggestions.',
        {},
        { timeout: 10_000 },
      );
      expect(within(panel()).queryByRole('progressbar')).toBeNull();
    } finally {
      stop();
    }
  });

  it('opens with Ctrl+Shift+F from a text field, with focus in its field', async () => {
    await user.click(within(panel()).getByRole('tab', { name: 'Codes' }));
    await user.click(screen.getByRole('searchbox', { name: 'Filter documents' }));
    await user.keyboard('{Control>}{Shift>}F{/Shift}{/Control}');
    expect(within(panel()).getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(searchField());
  });
});
