// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, type TestStore } from '../../support/renderer-store';

let t: TestStore;

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': 'Alpha\n' });
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

// Offsets count code points, as brat does: the emoji is one.
const TEXT = 'Ørsted 🌬 and Vattenfall merged; Ørsted, the firm, said so.\n';
const ANN = [
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
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = screen.getByRole('dialog', { name: "Import another tool's work" });
    const format = within(dialog).getByRole('combobox', { name: 'Format' });
    await within(format).findByRole('option', { name: /^brat/ });
    await user.selectOptions(format, 'brat');
    await user.upload(within(dialog).getByLabelText('Files'), [
      new File([TEXT], 'merger.txt', { type: 'text/plain' }),
      new File([ANN], 'merger.ann', { type: 'text/plain' }),
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
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
