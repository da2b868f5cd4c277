// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SuggestionsTab } from '../../../renderer/src/components/side-panel/SuggestionsTab';
import { useGlobalShortcuts } from '../../../renderer/src/keyboard/use-global-shortcuts';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const ALPHA = 'Alpha talks\n\nByteDance met Microsoft about TikTok, valued at $30 billion.\n';

function Panel() {
  useGlobalShortcuts();
  return (
    <aside aria-label="Side panel">
      <SuggestionsTab />
    </aside>
  );
}

let t: TestStore;
let user: ReturnType<typeof userEvent.setup>;

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': ALPHA });
  for (const name of ['ByteDance', 'Microsoft']) await t.client.addStakeholder({ name, kind: 'company' });
  await t.store.getState().reload();
  await act(() => t.store.getState().openDocument('alpha.txt'));
  user = userEvent.setup();
  render(
    <StoreProvider store={t.store}>
      <Panel />
    </StoreProvider>,
  );
  await screen.findByText(/3 suggestions: 2 stakeholder mentions, 1 figure\./);
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

const onDisk = async () =>
  JSON.parse(
    await readFile(join(t.project.path, '.gloss/annotations/alpha.txt/tester.json'), 'utf8').catch(
      () => '{"annotations":[]}',
    ),
  ).annotations as { target: { quote: string }; value?: { min: number } }[];

describe('the suggestions tab', () => {
  it('lists each suggestion with its code and stakeholder or value, and accepts one by its button', async () => {
    const list = screen.getByRole('list', { name: 'Suggestions' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringContaining('ByteDance'),
      expect.stringContaining('Microsoft'),
      expect.stringMatching(/Valuation.*\$30B.*\$30 billion/),
    ]);
    await user.click(screen.getByRole('button', { name: 'Accept “$30 billion” as Valuation' }));
    await waitFor(async () =>
      expect((await onDisk()).map((a) => [a.target.quote, a.value?.min])).toEqual([['$30 billion', 30e9]]),
    );
    await screen.findByText(/2 suggestions: 2 stakeholder mentions\./);
  });

  it('accepts all of a kind, and undo takes them back', async () => {
    await user.click(screen.getByRole('button', { name: 'Accept all 2 stakeholder mentions' }));
    // Accepting is led by the project: the tags show once it has saved them (a busy machine takes
    // longer than waitFor's second, so the wait is for the screen's own state, then the disk).
    await waitFor(
      () =>
        expect(t.store.getState().reader.annotations.map((a) => a.target.quote)).toEqual([
          'ByteDance',
          'Microsoft',
        ]),
      { timeout: 15_000 },
    );
    expect((await onDisk()).map((a) => a.target.quote)).toEqual(['ByteDance', 'Microsoft']);
    // Undo resolves once its save is answered.
    await act(() => t.store.getState().undo());
    expect(await onDisk()).toEqual([]);
    await screen.findByText(/3 suggestions/);
    expect(t.store.getState().reader.annotations).toEqual([]);
  });

  it('walks with n, accepts with Enter, rejects with Backspace, and undo brings a rejection back', async () => {
    await user.keyboard('n');
    expect(t.store.getState().selectedSuggestionId).toBe(t.store.getState().suggestions.list[0]!.id);
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await onDisk()).map((a) => a.target.quote)).toEqual(['ByteDance']));
    // The next suggestion is selected after an accept: Backspace rejects Microsoft.
    await waitFor(() => expect(t.store.getState().selectedSuggestionId).toMatch(/^s/));
    await user.keyboard('{Backspace}');
    await screen.findByText(/1 suggestion: 1 figure\. 1 rejected\./);
    // Shown at once; on disk once the save is answered.
    await savesSettled(t.store);
    const file = join(t.project.path, '.gloss/suggestions/alpha.txt/tester.json');
    const rejected = JSON.parse(await readFile(file, 'utf8'));
    expect(rejected.rejected.map((r: { quote: string }) => r.quote)).toEqual(['Microsoft']);
    await act(() => t.store.getState().undo());
    await screen.findByText(/2 suggestions: 1 stakeholder mention, 1 figure\./);
  });

  it('leaves Enter to a focused button: it does what the button says, not accept', async () => {
    await user.keyboard('n');
    screen.getByRole('button', { name: 'Reject “ByteDance”' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText(/1 rejected/);
    expect(await onDisk()).toEqual([]);
  });

  it('runs over every document with a progress report, then lists the documents to review', async () => {
    // Progress comes as events from main, as in the app.
    const stop = t.client.subscribe((event) => {
      if (event.type === 'suggestionJob') t.store.getState().setSuggestionJob(event.payload);
    });
    await user.click(screen.getByRole('button', { name: 'Find suggestions in all documents' }));
    const panel = screen.getByRole('region', { name: 'All documents' });
    await within(panel).findByText('3 suggestions in 1 of 1 documents.');
    expect(
      within(within(panel).getByRole('list', { name: 'Documents with suggestions' })).getByRole('button')
        .textContent,
    ).toBe('Alpha talks3');
    stop();
  });
});

describe('a candidate stakeholder', () => {
  it('is offered for a name not in the register, and accepting it adds the name to the register', async () => {
    cleanup();
    await t.cleanup();
    t = await openTestStore({
      'beta.txt': 'Beta\n\nJennifer Granick said the ban was a threat to free expression.\n',
    });
    await act(() => t.store.getState().openDocument('beta.txt'));
    render(
      <StoreProvider store={t.store}>
        <Panel />
      </StoreProvider>,
    );
    await screen.findByText(/1 suggestion: 1 possible new stakeholder\./);
    expect(screen.getByRole('list', { name: 'Suggestions' }).textContent).toContain(
      'new person: Jennifer Granick',
    );
    await user.click(screen.getByRole('button', { name: 'Accept “Jennifer Granick” as Stakeholder' }));
    await waitFor(() =>
      expect(t.store.getState().project?.stakeholders.map((s) => [s.name, s.kind])).toEqual([
        ['Jennifer Granick', 'person'],
      ]),
    );
    const [annotation] = t.store.getState().reader.annotations;
    expect(annotation?.stakeholderId).toBe(t.store.getState().project?.stakeholders[0]?.id);
  });
});
