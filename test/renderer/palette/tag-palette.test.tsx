// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Reader } from '../../../renderer/src/components/Reader';
import { StoreProvider } from '../../../renderer/src/store/context';
import type { Annotation } from '../../../shared/model/annotation';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const ARTICLE = [
  'TikTok talks',
  '',
  'The Wall Street Journal said Microsoft has interrupted the talks, although TikTok owner ByteDance made a final effort.',
  '',
  'Some politicians say the Chinese owner poses a national security risk. The US arm was valued at $ 15-30 billion.',
  '',
].join('\n');

let t: TestStore;
const user = userEvent.setup();

beforeEach(async () => {
  t = await openTestStore({ 'tiktok.txt': ARTICLE });
  await act(() => t.store.getState().selectDocument('tiktok.txt'));
  render(
    <StoreProvider store={t.store}>
      <main>
        <Reader />
      </main>
    </StoreProvider>,
  );
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

const article = () => screen.getByRole('region', { name: 'Article text' });
const palette = () => screen.getByRole('dialog', { name: 'Tag selection' });
const annotations = () => t.store.getState().reader.annotations;

/** Selects the first occurrence of `words` as a mouse drag would leave it, focus in the article. */
function select(words: string): void {
  const paragraph = [...article().querySelectorAll('p')].find((p) => p.textContent?.includes(words));
  const node = paragraph?.firstChild as Text | undefined;
  if (!node) throw new Error(`“${words}” is not in the article`);
  const at = node.data.indexOf(words);
  act(() => article().focus());
  fireEvent.mouseDown(article(), { button: 0 });
  window.getSelection()?.setBaseAndExtent(node, at, node, at + words.length);
  fireEvent.mouseUp(window);
}

async function annotationFile(): Promise<{ annotations: Annotation[] }> {
  await savesSettled(t.store);
  const path = join(t.project.path, '.gloss', 'annotations', 'tiktok.txt', 'tester.json');
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('the tagging palette', () => {
  it('appears for a selection, snapped to whole words, with the codes under their groups', () => {
    expect(screen.queryByRole('dialog')).toBeNull();
    select('teDanc');
    expect(t.store.getState().pendingSelection?.quote).toBe('ByteDance');
    const dialog = palette();
    expect(within(dialog).getByText('“ByteDance”')).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Stakeholders', 'Concerns', 'Figures']);
    const security = within(dialog).getByRole('button', { name: 'Security' });
    expect(security.getAttribute('aria-keyshortcuts')).toBe('1');
    expect(security.textContent).toContain('1');
  });

  it('applies a concern at once with its shortcut key, then closes and gives focus back to the text', async () => {
    select('national security risk');
    await user.keyboard('1');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(annotations()).toMatchObject([{ code: 'security', target: { quote: 'national security risk' } }]);
    expect(t.store.getState().pendingSelection).toBeNull();
    expect(document.activeElement).toBe(article());
    expect(screen.getByText('Tagged “national security risk” as Security')).toBeTruthy();
    expect((await annotationFile()).annotations).toMatchObject([{ code: 'security' }]);
  });

  it('takes a code key by its position on a layout that does not type it: Greek σ is s, French é is 2', async () => {
    select('ByteDance');
    // The Greek layout types "σ" on the key where the US layout has "s" (Stakeholder's key).
    expect(fireEvent.keyDown(article(), { key: 'σ', code: 'KeyS' })).toBe(false);
    expect(within(palette()).getByRole('combobox', { name: 'Stakeholder' })).toBeTruthy();
    await user.keyboard('{Escape}');
    select('national security risk');
    // AZERTY types "é" on the US "2" (Privacy's key), without Shift.
    expect(fireEvent.keyDown(article(), { key: 'é', code: 'Digit2' })).toBe(false);
    expect(annotations()).toMatchObject([{ code: 'privacy', target: { quote: 'national security risk' } }]);
    // A Latin letter is taken as typed, wherever its key is: AZERTY's "a" (on US "q") applies no code.
    select('ByteDance');
    expect(fireEvent.keyDown(article(), { key: 'a', code: 'KeyQ' })).toBe(true);
    expect(annotations()).toHaveLength(1);
  });

  it('filters the codes by part of their name in “Find a code”; Enter applies the first', async () => {
    select('national security risk');
    await user.keyboard('/');
    const search = within(palette()).getByRole('searchbox', { name: 'Find a code' });
    expect(document.activeElement).toBe(search);
    // Keys typed into the search are text, not shortcuts: "2" would be Privacy's.
    await user.keyboard('PRI2');
    expect(annotations()).toEqual([]);
    await user.clear(search);
    await user.keyboard('PRI');
    expect(
      within(palette())
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Privacy']);
    await user.keyboard('{Enter}');
    expect(annotations()).toMatchObject([{ code: 'privacy' }]);
  });

  it('says so when no code matches', async () => {
    select('ByteDance');
    await user.keyboard('/zzz');
    expect(within(palette()).getByText('No code has “zzz” in its name.')).toBeTruthy();
    expect(within(palette()).queryAllByRole('button')).toEqual([]);
  });

  it('moves through the codes with ↑ and ↓, and applies the one in focus with Enter', async () => {
    select('national security risk');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(palette()).getByRole('searchbox', { name: 'Find a code' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Stakeholder');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Privacy');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(within(palette()).getByRole('searchbox', { name: 'Find a code' }));
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(annotations()).toMatchObject([{ code: 'privacy' }]);
  });

  it('closes with Escape and drops the selection, tagging nothing', async () => {
    select('ByteDance');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(t.store.getState().pendingSelection).toBeNull();
    expect(annotations()).toEqual([]);
    // Without a selection, shortcut keys do not tag anything.
    await user.keyboard('1');
    expect(annotations()).toEqual([]);
  });

  it('clears the search with a first Escape, and closes with the next', async () => {
    select('ByteDance');
    await user.keyboard('/pri{Escape}');
    expect(within(palette()).getByRole('searchbox').getAttribute('value') ?? '').toBe('');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks for the stakeholder of a stakeholder code, and can make a new one from the selection', async () => {
    select('ByteDance');
    await user.keyboard('s');
    const search = within(palette()).getByRole('combobox', { name: 'Stakeholder' });
    expect((search as HTMLInputElement).value).toBe('ByteDance');
    const option = within(palette()).getByRole('option', { name: 'New stakeholder from selection' });
    expect(option.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    const form = within(palette()).getByRole('form', { name: 'New stakeholder' });
    await user.click(within(form).getByRole('radio', { name: 'company' }));
    await user.click(within(form).getByRole('button', { name: 'Add stakeholder' }));
    await waitFor(() => expect(annotations()).toHaveLength(1));
    const [stakeholder] = t.store.getState().project!.stakeholders;
    expect(stakeholder).toMatchObject({ name: 'ByteDance', kind: 'company' });
    expect(annotations()[0]).toMatchObject({ code: 'stakeholder', stakeholderId: stakeholder!.id });
    expect(screen.getByText('Tagged “ByteDance” as Stakeholder (ByteDance)')).toBeTruthy();
    expect((await t.client.getProject({})).stakeholders).toMatchObject([{ name: 'ByteDance' }]);
  });

  it('links other words to a known stakeholder and keeps them as an alias', async () => {
    await act(() => t.store.getState().addStakeholder({ name: 'ByteDance', kind: 'company' }));
    select('the Chinese owner');
    await user.keyboard('s');
    const search = within(palette()).getByRole('combobox', { name: 'Stakeholder' });
    await user.clear(search);
    await user.keyboard('byte');
    const alias = within(palette()).getByRole('checkbox', {
      name: 'Add “the Chinese owner” as an alias of ByteDance',
    });
    expect((alias as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(t.store.getState().project!.stakeholders[0]!.aliases).toEqual(['the Chinese owner']),
    );
    const [bytedance] = (await t.client.getProject({})).stakeholders;
    expect(bytedance?.aliases).toEqual(['the Chinese owner']);
    expect(annotations()).toMatchObject([
      { stakeholderId: bytedance!.id, target: { quote: 'the Chinese owner' } },
    ]);
  });

  it('asks for the value of a figure code, prefilled from the passage, and saves it with the tag', async () => {
    select('$ 15-30 billion');
    await user.keyboard('v');
    const form = within(palette()).getByRole('form', { name: 'Figure value' });
    const min = within(form).getByRole('textbox', { name: 'Min' }) as HTMLInputElement;
    expect(document.activeElement).toBe(min);
    expect(min.value).toBe('15 billion');
    expect(within(form).getByText(`= ${(15e9).toLocaleString()}`)).toBeTruthy();
    expect((within(form).getByRole('textbox', { name: 'Max' }) as HTMLInputElement).value).toBe('30 billion');
    expect(within(form).getByText(`= ${(30e9).toLocaleString()}`)).toBeTruthy();
    expect((within(form).getByRole('combobox', { name: 'Currency' }) as HTMLInputElement).value).toBe('USD');
    expect((within(form).getByRole('combobox', { name: 'Qualifier' }) as HTMLSelectElement).value).toBe(
      'exactly',
    );
    await user.keyboard('{Enter}');
    expect(annotations()).toMatchObject([
      { code: 'valuation', value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' } },
    ]);
    expect((await annotationFile()).annotations[0]?.value).toEqual({
      min: 15e9,
      max: 30e9,
      currency: 'USD',
      qualifier: 'exactly',
    });
  });

  it('replaces a prefilled amount with what is typed', async () => {
    select('$ 15-30 billion');
    await user.keyboard('v');
    await user.keyboard('20e9{Enter}');
    expect(annotations()).toMatchObject([{ value: { min: 20e9, max: 30e9, currency: 'USD' } }]);
  });

  it('leaves the value empty for a passage with no figure in it', async () => {
    select('ByteDance');
    await user.keyboard('v');
    const form = within(palette()).getByRole('form', { name: 'Figure value' });
    expect((within(form).getByRole('textbox', { name: 'Min' }) as HTMLInputElement).value).toBe('');
    expect((within(form).getByRole('combobox', { name: 'Currency' }) as HTMLInputElement).value).toBe('');
    await user.keyboard('15e9');
    await user.type(within(form).getByRole('textbox', { name: 'Max' }), '30 billion');
    await user.type(within(form).getByRole('combobox', { name: 'Currency' }), 'usd{Enter}');
    expect(annotations()).toMatchObject([
      { code: 'valuation', value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' } },
    ]);
  });

  it('goes back from a value to the codes with Escape', async () => {
    select('$ 15-30 billion');
    await user.keyboard('v');
    await user.keyboard('{Escape}');
    expect(within(palette()).getByRole('button', { name: 'Valuation' })).toBeTruthy();
    expect(document.activeElement).toBe(article());
  });

  it('tags by clicking a code, and undo takes the tag away', async () => {
    select('ByteDance');
    await user.click(within(palette()).getByRole('button', { name: 'Free expression' }));
    expect(annotations()).toMatchObject([{ code: 'free-expression' }]);
    await act(() => t.store.getState().undo());
    expect(annotations()).toEqual([]);
  });
});

describe('the reader', () => {
  it('drops the selected annotation and the pending selection on a click on plain text', async () => {
    select('national security risk');
    await user.keyboard('1');
    expect(t.store.getState().selectedAnnotationId).toBe(annotations()[0]!.id);
    select('ByteDance');
    // A click lays no selection; jsdom lays out nothing, so no character is under the pointer.
    // (Clicking an annotation to select it is in test/e2e/tagging-story.e2e.test.ts.)
    fireEvent.mouseDown(article(), { button: 0 });
    window.getSelection()?.removeAllRanges();
    fireEvent.mouseUp(window, { clientX: 1, clientY: 1 });
    expect(t.store.getState().selectedAnnotationId).toBeNull();
    expect(t.store.getState().pendingSelection).toBeNull();
  });

  it('marks the document’s status with the segmented control', async () => {
    const status = screen.getByRole('group', { name: 'Status' });
    expect((within(status).getByRole('radio', { name: 'To do' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(status).getByRole('radio', { name: 'Done' }));
    expect(t.store.getState().reader.document?.status).toBe('done');
    await savesSettled(t.store);
    expect((await t.client.listDocuments({})).documents[0]?.status).toBe('done');
  });

  it('drops a pending selection when another document opens', async () => {
    select('ByteDance');
    expect(t.store.getState().pendingSelection).not.toBeNull();
    await act(() => t.store.getState().closeDocument());
    expect(t.store.getState().pendingSelection).toBeNull();
  });
});
