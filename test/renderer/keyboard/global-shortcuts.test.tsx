// @vitest-environment jsdom
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentList } from '../../../renderer/src/components/document-list/DocumentList';
import { Header } from '../../../renderer/src/components/header/Header';
import { ShortcutHelp } from '../../../renderer/src/keyboard/ShortcutHelp';
import { SHORTCUTS } from '../../../renderer/src/keyboard/shortcuts';
import { useGlobalShortcuts } from '../../../renderer/src/keyboard/use-global-shortcuts';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const ALPHA = 'Alpha talks\n\nByteDance met Microsoft about TikTok in Washington.\n';
const BETA = 'Beta deal\n\nThe deal could be worth $30 billion.\n';
const GAMMA = 'Gamma notes\n\nNothing to see here.\n';

/** What App mounts around the keys, without the reader and side panel (tested on their own). */
function Workbench() {
  useGlobalShortcuts();
  return (
    <>
      <Header />
      <nav aria-label="Documents">
        <DocumentList />
      </nav>
      <ShortcutHelp />
    </>
  );
}

let t: TestStore;
let user: ReturnType<typeof userEvent.setup>;

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': ALPHA, 'beta.txt': BETA, 'gamma.txt': GAMMA });
  // Three annotations in alpha, out of order on purpose: j/k follow the text, not creation.
  for (const word of ['TikTok', 'ByteDance', 'Washington']) {
    const start = ALPHA.indexOf(word);
    await t.client.createAnnotation({
      key: 'alpha.txt',
      code: 'stakeholder',
      start,
      end: start + word.length,
    });
  }
  await t.store.getState().reload();
  user = userEvent.setup();
  render(
    <StoreProvider store={t.store}>
      <Workbench />
    </StoreProvider>,
  );
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
});

const state = () => t.store.getState();
const press = (keys: string) => act(() => user.keyboard(keys));
const quotes = () => state().reader.annotations.map((a) => a.target.quote);
const selectedQuote = () =>
  state().reader.annotations.find((a) => a.id === state().selectedAnnotationId)?.target.quote;

async function openAlpha(): Promise<void> {
  await act(() => state().selectDocument('alpha.txt'));
}

/** A keydown as the browser sends it, to the focused element; false when a shortcut took it. */
function keydown(init: KeyboardEventInit): boolean {
  const target = document.activeElement ?? document.body;
  let notTaken = true;
  act(() => {
    notTaken = target.dispatchEvent(
      new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
    );
  });
  return notTaken;
}

async function statusOnDisk(key: string): Promise<string> {
  const file = join(t.project.path, '.gloss', 'annotations', key, 'tester.json');
  return JSON.parse(await readFile(file, 'utf8')).status;
}

describe('the global shortcuts', () => {
  it('] and [ move through the documents the list shows', async () => {
    await press(']');
    await waitFor(() => expect(state().reader.document?.key).toBe('alpha.txt'));
    await press(']');
    await waitFor(() => expect(state().selectedKey).toBe('beta.txt'));
    await press('[['); // user-event writes a literal [ as [[
    await waitFor(() => expect(state().selectedKey).toBe('alpha.txt'));
    // With a filter, ] skips what the list hides.
    await act(() => state().setDocumentFilter({ text: 'NOTES' }));
    await press(']');
    await waitFor(() => expect(state().selectedKey).toBe('gamma.txt'));
    const list = screen.getByRole('navigation', { name: 'Documents' });
    expect(
      within(list)
        .getByRole('button', { name: /Gamma notes/ })
        .getAttribute('aria-current'),
    ).toBe('true');
  });

  it('j and k select the next and previous annotation in text order and ask the reader to show it', async () => {
    await openAlpha();
    expect(quotes()).toEqual(['ByteDance', 'TikTok', 'Washington']);
    await press('j');
    expect(selectedQuote()).toBe('ByteDance');
    await press('jj');
    expect(selectedQuote()).toBe('Washington');
    await press('j'); // stays on the last one
    expect(selectedQuote()).toBe('Washington');
    await press('k');
    expect(selectedQuote()).toBe('TikTok');
    expect(state().scrollRequest?.id).toBe(state().selectedAnnotationId);
  });

  it('d, i and t mark the document, and the file on disk says so', async () => {
    await openAlpha();
    await press('d');
    await savesSettled(t.store);
    expect(state().reader.document?.status).toBe('done');
    expect(await statusOnDisk('alpha.txt')).toBe('done');
    expect(screen.getByText('1 of 3 done')).toBeTruthy();
    await press('i');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('in-progress');
    await press('t');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('todo');
  });

  it('Ctrl+Z undoes and Shift+Ctrl+Z and Ctrl+Y redo, on disk too; Cmd+Z undoes on a Mac', async () => {
    await openAlpha();
    await press('d');
    await savesSettled(t.store);
    await press('{Control>}z{/Control}');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('todo');
    await press('{Shift>}{Control>}z{/Control}{/Shift}');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('done');
    await press('{Meta>}z{/Meta}');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('todo');
    await press('{Control>}y{/Control}');
    await savesSettled(t.store);
    expect(await statusOnDisk('alpha.txt')).toBe('done');
  });

  it('follows key positions on a Russian or Greek layout: Ctrl+я and Ctrl+ζ undo, ъ and х change document', async () => {
    await openAlpha();
    await press('d');
    await savesSettled(t.store);
    // What those layouts' keydowns carry: the typed character in `key`, the US position in `code`.
    const steps: [KeyboardEventInit, string][] = [
      [{ key: 'я', code: 'KeyZ', ctrlKey: true }, 'todo'], // Russian Ctrl+Z
      [{ key: 'Я', code: 'KeyZ', ctrlKey: true, shiftKey: true }, 'done'], // Russian Ctrl+Shift+Z
      [{ key: 'ζ', code: 'KeyZ', ctrlKey: true }, 'todo'], // Greek Ctrl+Z
      [{ key: 'υ', code: 'KeyY', ctrlKey: true }, 'done'], // Greek Ctrl+Y
    ];
    for (const [init, status] of steps) {
      expect(keydown(init)).toBe(false);
      await savesSettled(t.store);
      expect(await statusOnDisk('alpha.txt')).toBe(status);
    }
    // Letters without Ctrl: Russian "о" and Greek "ξ" are on j, the next annotation.
    keydown({ key: 'о', code: 'KeyJ' });
    expect(selectedQuote()).toBe('ByteDance');
    keydown({ key: 'ξ', code: 'KeyJ' });
    expect(selectedQuote()).toBe('TikTok');
    // Russian "ъ" and "х" sit on ] and [.
    keydown({ key: 'ъ', code: 'BracketRight' });
    await waitFor(() => expect(state().selectedKey).toBe('beta.txt'));
    keydown({ key: 'х', code: 'BracketLeft' });
    await waitFor(() => expect(state().selectedKey).toBe('alpha.txt'));
    // With Shift the Latin layout gives "}" there, which is no shortcut: nor is Shift+ъ.
    keydown({ key: 'Ъ', code: 'BracketRight', shiftKey: true });
    expect(state().selectedKey).toBe('alpha.txt');
  });

  it('Delete and Backspace delete the selected annotation, and undo brings it back', async () => {
    await openAlpha();
    await press('j');
    await press('{Delete}');
    expect(quotes()).toEqual(['TikTok', 'Washington']);
    expect(state().selectedAnnotationId).toBeNull();
    await press('j{Backspace}');
    expect(quotes()).toEqual(['Washington']);
    await press('{Control>}z{/Control}');
    expect(quotes()).toEqual(['TikTok', 'Washington']);
    await savesSettled(t.store);
    expect((await t.client.listAnnotations({ key: 'alpha.txt' })).map((a) => a.target.quote)).toEqual([
      'TikTok',
      'Washington',
    ]);
  });

  it('Enter accepts the selected suggestion, Shift+Enter every one of its kind in the document', async () => {
    const text = 'Delta\n\nIt raised $5 million in May, $7 million in June and $9 million in July.\n';
    await writeFile(join(t.project.path, 'delta.txt'), text);
    await act(() => state().reload());
    await act(() => state().selectDocument('delta.txt'));
    await act(() => state().loadSuggestions('delta.txt'));
    const figures = () => state().suggestions.list.filter((s) => s.kind === 'figure').length;
    expect(figures()).toBe(3);
    await press('n{Enter}');
    await waitFor(() => expect(figures()).toBe(2));
    await press('n{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(figures()).toBe(0));
    await savesSettled(t.store);
    expect((await t.client.listAnnotations({ key: 'delta.txt' })).map((a) => a.target.quote)).toEqual([
      '$5 million',
      '$7 million',
      '$9 million',
    ]);
  });

  it('? opens the help listing every shortcut by group; ? or Escape closes it', async () => {
    await press('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shortcut of SHORTCUTS) expect(help.textContent).toContain(shortcut.description);
    for (const group of ['Documents', 'Annotations', 'Tagging in the reader', 'History', 'General']) {
      within(help).getByRole('heading', { name: group });
    }
    // While it is open, other shortcuts wait.
    await press(']');
    expect(state().selectedKey).toBeNull();
    await press('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await press('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape clears the passage waiting for a code, then the selected annotation', async () => {
    await openAlpha();
    await press('j');
    act(() => state().setPendingSelection({ start: 0, end: 5, quote: 'Alpha' }));
    await press('{Escape}');
    expect(state().pendingSelection).toBeNull();
    expect(state().selectedAnnotationId).not.toBeNull();
    await press('{Escape}');
    expect(state().selectedAnnotationId).toBeNull();
  });

  it('leaves letters, digits and / to the palette while a passage waits for a code', async () => {
    await openAlpha();
    act(() => state().setPendingSelection({ start: 0, end: 5, quote: 'Alpha' }));
    await press('dj/');
    expect(state().reader.document?.status).toBe('todo');
    expect(state().selectedAnnotationId).toBeNull();
    expect(document.activeElement?.id).not.toBe('document-filter');
    // Keys that are not the palette's still work.
    await press(']');
    await waitFor(() => expect(state().selectedKey).toBe('beta.txt'));
  });

  it('/ focuses the document filter, where keys type instead of acting', async () => {
    await openAlpha();
    await press('d');
    await savesSettled(t.store);
    await press('/');
    const filter = screen.getByLabelText('Filter documents');
    expect(document.activeElement).toBe(filter);
    await press('jkd');
    expect((filter as HTMLInputElement).value).toBe('jkd');
    expect(state().selectedAnnotationId).toBeNull();
    // Ctrl+Z in a text field is the field's own undo, not Gloss's.
    await press('{Control>}z{/Control}');
    expect(state().reader.document?.status).toBe('done');
    await press('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((filter as HTMLInputElement).value).toBe('jkd?');
  });

  it('leaves keys with Ctrl, Alt or Cmd to the browser', async () => {
    await openAlpha();
    await press('{Control>}d{/Control}{Alt>}j{/Alt}{Meta>}]{/Meta}');
    expect(state().reader.document?.status).toBe('todo');
    expect(state().selectedAnnotationId).toBeNull();
    expect(state().selectedKey).toBe('alpha.txt');
  });
});
