// @vitest-environment jsdom
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore;

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': 'Alpha\n\nNothing here.\n' });
  render(
    <StoreProvider store={t.store}>
      <Header />
    </StoreProvider>,
  );
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

const TEXT = 'Café 😀 news\n\nByteDance met the ACLU.\n';
const line = (record: object) => `${JSON.stringify(record)}\n`;

async function importFile(name: string, content: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: "Import another tool's work" });
  const format = within(dialog).getByRole('combobox', { name: 'Format' });
  await within(format).findByRole('option', { name: /^jsonl/ });
  await user.selectOptions(format, 'jsonl');
  await user.upload(
    within(dialog).getByLabelText('Files'),
    new File([content], name, { type: 'application/json' }),
  );
  await user.click(within(dialog).getByRole('button', { name: 'Import' }));
  return dialog;
}

describe('the import dialog', () => {
  it('imports a JSONL file: a new article under the chosen folder, its annotation, the code', async () => {
    // Code points: the emoji counts once, so ByteDance starts at 14 (15 in UTF-16).
    const start = [...TEXT].indexOf('B');
    const dialog = await importFile(
      'spans.jsonl',
      line({ key: 'news/cafe.txt', text: TEXT, spans: [{ start, end: start + 9, label: 'Company' }] }),
    );
    await within(dialog).findByText(
      /Imported 1 document, 1 annotation and 0 relations; new codes: Company/,
      undefined,
      {
        timeout: 5000,
      },
    );
    expect(await readFile(join(t.project.path, 'imported/news/cafe.txt'), 'utf8')).toBe(TEXT);
    await waitFor(() =>
      expect(t.store.getState().documents.map((d) => d.key)).toContain('imported/news/cafe.txt'),
    );
    const [annotation] = await t.client.listAnnotations({ key: 'imported/news/cafe.txt' });
    expect(annotation?.target.quote).toBe('ByteDance');
  });

  it('lists every problem and writes nothing when the input does not read', async () => {
    const dialog = await importFile(
      'bad.jsonl',
      `${line({ text: 'short', spans: [{ start: 0, end: 99, label: 'X' }] })}{nope\n`,
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringMatching(/^bad\.jsonl:1: /), expect.stringMatching(/^bad\.jsonl:2: /)]);
    expect(await readdir(t.project.path)).not.toContain('imported');
  });
});
