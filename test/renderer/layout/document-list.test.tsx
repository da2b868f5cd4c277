// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentList } from '../../../renderer/src/components/document-list/DocumentList';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore | undefined;

afterEach(async () => {
  cleanup();
  if (t) {
    await t.cleanup();
  }
  t = undefined;
});

async function showList(files: Record<string, string>) {
  t = await openTestStore(files);
  render(
    <StoreProvider store={t.store}>
      <nav aria-label="Documents">
        <DocumentList />
      </nav>
    </StoreProvider>,
  );
  return t;
}

const rows = () => screen.getAllByRole('listitem').map((item) => within(item).getByRole('button'));
const titles = () => rows().map((row) => row.querySelector('.document-title')?.textContent);

describe('the document list', () => {
  it('shows each document with its title, key, status and annotation count', async () => {
    const { client } = await showList({
      'tech/ai.txt': 'Chips and AI\n\nNvidia said so.\n',
      'world.txt': 'Talks in Geneva\n\nDiplomats met.\n',
    });
    await client.createAnnotation({ key: 'world.txt', code: 'stakeholder', start: 17, end: 26 });
    await act(() => t!.store.getState().loadDocuments());
    expect(rows().map((row) => row.textContent)).toEqual([
      'Chips and AItech/ai.txtTo do · 0 annotations',
      'Talks in Genevaworld.txtTo do · 1 annotation',
    ]);
  });

  it('shows a document’s day when it has one: its page’s, or the one set in Gloss', async () => {
    const { client } = await showList({
      'page.html':
        '<html><head><title>Dated</title><meta property="article:published_time" content="2005-01-17T09:00:00Z"></head><body><article><p>Text of a dated page, long enough to be read as an article by the extractor.</p></article></body></html>',
      'plain.txt': 'Undated\n\nNo date here.\n',
    });
    await waitFor(() =>
      expect(rows().map((row) => row.querySelector('time')?.dateTime ?? null)).toEqual(['2005-01-17', null]),
    );
    await client.setDocumentDate({ key: 'plain.txt', date: '2021-03-04' });
    await act(() => t!.store.getState().loadDocuments());
    expect(rows().map((row) => row.querySelector('.document-meta')?.textContent)).toEqual([
      'To do · 0 annotations · 2005-01-17',
      'To do · 0 annotations · 2021-03-04',
    ]);
  });

  it('filters by file name, key or title, ignoring case, and by status', async () => {
    const { store } = await showList({
      'business/merger.txt': 'ByteDance and Oracle\n\nA deal.\n',
      'tech/phones.txt': 'New phones\n\nShiny.\n',
      'tech/bytes.txt': 'Memory prices\n\nUp again.\n',
    });
    const filter = screen.getByLabelText('Filter documents');
    await userEvent.type(filter, 'BYTE');
    expect(titles()).toEqual(['ByteDance and Oracle', 'Memory prices']);
    await userEvent.clear(filter);
    await userEvent.type(filter, 'tech/');
    expect(titles()).toEqual(['Memory prices', 'New phones']);
    await userEvent.clear(filter);
    await userEvent.type(filter, 'nothing like it');
    expect(screen.getByText('No documents match')).toBeTruthy();
    await userEvent.clear(filter);

    await act(() => store.getState().selectDocument('tech/phones.txt'));
    await act(() => store.getState().setStatus('done'));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'done');
    expect(titles()).toEqual(['New phones']);
    expect(screen.getByRole('option', { name: 'Done (1)' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'all');
    expect(titles()).toHaveLength(3);
  });

  it('shows the progress of the whole project, and marks the open document', async () => {
    const { store } = await showList({ 'a.txt': 'A\n\na', 'b.txt': 'B\n\nb', 'c.txt': 'C\n\nc' });
    expect(screen.getByText('0 of 3 done')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /^B/ }));
    await waitFor(() => expect(store.getState().reader.document?.key).toBe('b.txt'));
    expect(screen.getByRole('button', { name: /^B/ }).getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('button', { name: /^A/ }).getAttribute('aria-current')).toBeNull();
    await act(() => store.getState().setStatus('done'));
    expect(screen.getByText('1 of 3 done')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '1 of 3 done' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1, 3]);
    // Filtering does not change what the project has done.
    await userEvent.type(screen.getByLabelText('Filter documents'), 'a');
    expect(screen.getByText('1 of 3 done')).toBeTruthy();
  });

  it('draws only the rows in view of 10,000 documents, and moves focus with the arrow keys', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++)
      files[`s${i % 50}/doc-${String(i).padStart(5, '0')}.txt`] = `Doc ${i}\n\nText.\n`;
    await showList(files);
    expect(screen.getByText('0 of 10000 done')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.length).toBeLessThan(40);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');

    rows()[0]!.focus();
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('10000');
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('9999');
    await userEvent.keyboard('{Home}');
    expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe('1');

    await userEvent.type(screen.getByLabelText('Filter documents'), 'doc-09999');
    expect(titles()).toEqual(['Doc 9999']);
  });
});

describe('switching documents', () => {
  it('leaves the selected annotation and passage behind with the document they belong to', async () => {
    const { store } = await showList({
      'a.txt': 'First\n\nByteDance met.\n',
      'b.txt': 'Second\n\nTikTok met.\n',
    });
    await act(() => store.getState().selectDocument('a.txt'));
    const id = await act(() => store.getState().tag({ code: 'security', start: 7, end: 16 }));
    store.getState().setPendingSelection({ start: 17, end: 20, quote: 'met' });
    expect(store.getState().selectedAnnotationId).toBe(id);
    await act(() => store.getState().selectDocument('b.txt'));
    expect(store.getState().selectedAnnotationId).toBeNull();
    expect(store.getState().pendingSelection).toBeNull();
  });
});
