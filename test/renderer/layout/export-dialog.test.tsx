// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { FORMATS_LOADED } from '../../support/formats-loaded';
import { openTestStore, type TestStore } from '../../support/renderer-store';

const ALPHA = 'Alpha 😀 talks\n\nByteDance met Microsoft about TikTok.\n';
const BETA = 'Beta\n\nNothing tagged here.\n';

let t: TestStore;
let stop: () => void;

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': ALPHA, 'beta.txt': BETA });
  const start = ALPHA.indexOf('ByteDance');
  await t.client.createAnnotation({ key: 'alpha.txt', code: 'stakeholder', start, end: start + 9 });
  await t.client.setDocumentStatus({ key: 'alpha.txt', status: 'done' });
  await t.store.getState().reload();
  // Progress comes as events from main, as in the app.
  stop = t.client.subscribe((event) => {
    if (event.type === 'exportProgress') t.store.getState().setExportProgress(event.payload);
  });
  render(
    <StoreProvider store={t.store}>
      <Header />
    </StoreProvider>,
  );
});

afterEach(async () => {
  stop();
  cleanup();
  await t.cleanup();
});

describe('the export dialog', () => {
  it('exports the documents marked done as JSONL into .gloss/exports, and says where', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the dataset' });
    const format = within(dialog).getByRole('combobox', { name: 'Format' });
    await within(format).findByRole('option', { name: /^jsonl/ }, FORMATS_LOADED);
    await user.selectOptions(format, 'jsonl');
    expect(within(dialog).getByText('Offsets count code points.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Only those marked done' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    const status = await within(dialog).findByRole('status');
    expect(status.textContent).toMatch(
      /Exported 1 document and 1 annotation to \.gloss\/exports\/.*-jsonl\//,
    );
    const { result } = t.store.getState().exporting;
    const lines = (await readFile(join(t.project.path, result!.folder, result!.files[0]!), 'utf8'))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record.key).toBe('alpha.txt');
    // Code points: the emoji before it counts once.
    expect([...record.text].slice(record.spans[0].start, record.spans[0].end).join('')).toBe('ByteDance');
  });

  it('takes only the codes of a chosen group, and only the named annotators', async () => {
    const start = ALPHA.indexOf('Microsoft');
    await t.client.createAnnotation({ key: 'alpha.txt', code: 'security', start, end: start + 9 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the dataset' });
    await within(within(dialog).getByRole('combobox', { name: 'Format' })).findByRole(
      'option',
      { name: /^jsonl/ },
      FORMATS_LOADED,
    );
    await user.selectOptions(within(dialog).getByRole('listbox', { name: /^Codes/ }), 'concerns');
    await user.type(within(dialog).getByRole('textbox', { name: /^Annotators/ }), 'tester');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByRole('status');
    const { result } = t.store.getState().exporting;
    const records = (await readFile(join(t.project.path, result!.folder, result!.files[0]!), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      records.flatMap((r) => r.spans.map((span: { text: string; label: string }) => [span.text, span.label])),
    ).toEqual([['Microsoft', 'Security']]);
  });

  it('offers the byte-order mark for CSV only, and says when an export fails', async () => {
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the dataset' });
    const format = within(dialog).getByRole('combobox', { name: 'Format' });
    await within(format).findByRole('option', { name: /^csv/ }, FORMATS_LOADED);
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await user.selectOptions(format, 'csv');
    expect(within(dialog).getByRole('checkbox', { name: /byte-order mark/ })).toBeTruthy();
    await act(() => t.store.getState().runExport({ format: 'no-such-format' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /no export format "no-such-format"/,
    );
  });
});
