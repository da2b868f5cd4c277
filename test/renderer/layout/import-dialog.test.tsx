// @vitest-environment jsdom
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { FORMATS_LOADED } from '../../support/formats-loaded';
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

async function importFile(name: string, content: string, into?: string) {
  return importFiles('jsonl', [new File([content], name, { type: 'application/json' })], into);
}

async function importFiles(formatId: string, files: File[], into?: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Import…' }));
  const dialog = screen.getByRole('dialog', { name: "Import another tool's work" });
  const format = within(dialog).getByRole('combobox', { name: 'Format' });
  await within(format).findByRole('option', { name: new RegExp(`^${formatId}`) }, FORMATS_LOADED);
  await user.selectOptions(format, formatId);
  await user.upload(within(dialog).getByLabelText('Files'), files);
  if (into !== undefined) {
    const field = within(dialog).getByRole('textbox', { name: 'Into the project folder' });
    await user.clear(field);
    if (into) await user.type(field, into);
  }
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
      /Imported 1 annotation and 0 relations: 1 new article, 0 existing articles annotated; new codes: Company\./,
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

  it('puts annotations on an article already in the project, leaving the article as it was', async () => {
    const alpha = 'Alpha\n\nNothing here.\n';
    const record = line({ key: 'alpha.txt', text: alpha, spans: [{ start: 7, end: 14, label: 'Company' }] });
    const dialog = await importFile('pre.jsonl', record, '');
    await within(dialog).findByText(
      /Imported 1 annotation and 0 relations: 0 new articles, 1 existing article annotated; new codes: Company\.$/,
      undefined,
      { timeout: 5000 },
    );
    expect(await readFile(join(t.project.path, 'alpha.txt'), 'utf8')).toBe(alpha);
    const [annotation] = await t.client.listAnnotations({ key: 'alpha.txt' });
    expect(annotation?.target.quote).toBe('Nothing');

    // The same file again: the annotation is there already, and the dialog says so.
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await within(dialog).findByText(
      /Imported 0 annotations and 0 relations: 0 new articles, 1 existing article annotated\. Already there, not added again: 1 annotation and 0 relations\./,
      undefined,
      { timeout: 5000 },
    );
    expect(await t.client.listAnnotations({ key: 'alpha.txt' })).toHaveLength(1);
  });

  it('lists an article whose text differs from the imported one, and writes nothing', async () => {
    const record = line({ key: 'alpha.txt', text: 'Alpha\n\nSomething here.\n', spans: [] });
    const dialog = await importFile('other.jsonl', record, '');
    const alert = await within(dialog).findByRole('alert', undefined, { timeout: 5000 });
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(within(alert).getByRole('listitem').textContent).toMatch(
      /^alpha\.txt: alpha\.txt is already in the project, with another text: they first differ at character 7 \(line 3, column 1\)/,
    );
    expect(await t.client.listAnnotations({ key: 'alpha.txt' })).toEqual([]);
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

// Offsets count code points, as brat does: the emoji is one.
const BRAT_TEXT = 'Ørsted 🌬 and Vattenfall merged; Ørsted, the firm, said so.\n';
const BRAT_ANN = [
  'T1\tOrganization 0 6\tØrsted',
  'T2\tOrganization 13 23\tVattenfall',
  'T3\tMerge-org 24 30\tmerged',
  'E1\tMerge-org:T3 Org-Arg:T1 Org-Arg2:T2',
  'A1\tNegation E1',
  'T4\tOrganization 32 38\tØrsted',
  'T5\tOrganization 40 48\tthe firm',
  '*\tEquiv T1 T4 T5',
  'T6\tSaying 0 6;50 54\tØrsted said',
  '',
].join('\n');

describe('the import dialog on a brat folder', () => {
  it('says how each kind of line was mapped, with counts', async () => {
    const dialog = await importFiles('brat', [
      new File([BRAT_TEXT], 'merger.txt', { type: 'text/plain' }),
      new File([BRAT_ANN], 'merger.ann', { type: 'text/plain' }),
    ]);
    const mapping = await within(dialog).findByRole(
      'list',
      { name: 'How the lines were read' },
      { timeout: 5000 },
    );
    expect(
      within(mapping)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '6 T (text-bound) lines → 7 annotations; 1 discontinuous span as one annotation per piece + 1 “fragment-of” relation',
      '1 E (event) line → 1 trigger annotation + 2 relations typed by role (“… (event role)”)',
      '1 * (equivalence) line → 2 relations between neighbouring members',
      "1 A/M (attribute) line → “attribute: …” note lines: 1 on annotations (an event's on its trigger), 0 on relations",
    ]);
    const relations = await t.client.listRelations({ key: 'imported/merger.txt' });
    expect(relations).toHaveLength(5);
  });
});
