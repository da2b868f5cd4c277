// @vitest-environment jsdom
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { openTestStore, savesSettled, type TestStore } from '../../support/renderer-store';

const ALPHA = 'Alpha talks\n\nByteDance met Microsoft about TikTok.\n';

let t: TestStore;
const state = () => t.store.getState();

beforeEach(async () => {
  t = await openTestStore({ 'alpha.txt': ALPHA });
  await state().selectDocument('alpha.txt');
  render(
    <StoreProvider store={t.store}>
      <Header />
    </StoreProvider>,
  );
});

afterEach(async () => {
  cleanup();
  await t.cleanup();
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

const tagByteDance = () => {
  const start = ALPHA.indexOf('ByteDance');
  return act(() => state().tag({ code: 'stakeholder', start, end: start + 'ByteDance'.length }));
};

describe('the header', () => {
  it('names the project', () => {
    const banner = screen.getByRole('banner');
    expect(banner.textContent).toContain(state().project!.name);
  });

  it('says "Saved" once a change has reached the disk', async () => {
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Saved');
    await tagByteDance();
    await savesSettled(t.store);
    expect(status.textContent).toBe('Saved');
    expect(await t.client.listAnnotations({ key: 'alpha.txt' })).toHaveLength(1);
  });

  it('says "Failed" with a retry and what failed, and "Saved" once the retry succeeds', async () => {
    // Where the document's annotation folder should be, a file: the save cannot be written.
    const folder = join(t.project.path, '.gloss', 'annotations', 'alpha.txt');
    await mkdir(join(folder, '..'), { recursive: true });
    await writeFile(folder, 'in the way');
    await tagByteDance();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Failed'));
    const failures = document.getElementById('save-failures')!;
    expect(failures.textContent).toContain('Tag “ByteDance” as Stakeholder');
    expect(failures.textContent).toContain(state().savesFailed[0]!.error.message);
    expect(screen.getByRole('button', { name: 'What failed: 1 change' }).getAttribute('popovertarget')).toBe(
      'save-failures',
    );

    await rm(folder);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect((await t.client.listAnnotations({ key: 'alpha.txt' })).map((a) => a.target.quote)).toEqual([
      'ByteDance',
    ]);
  });

  it('has undo and redo buttons, disabled with nothing to do and titled with the step', async () => {
    const undo = screen.getByRole('button', { name: /Undo/ }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: /Redo/ }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    expect(redo.disabled).toBe(true);
    await tagByteDance();
    expect(undo.disabled).toBe(false);
    expect(undo.title).toBe('Undo Tag “ByteDance” as Stakeholder');
    await userEvent.click(undo);
    expect(state().reader.annotations).toEqual([]);
    expect(undo.disabled).toBe(true);
    expect(redo.title).toBe('Redo Tag “ByteDance” as Stakeholder');
    await userEvent.click(redo);
    expect(state().reader.annotations.map((a) => a.target.quote)).toEqual(['ByteDance']);
    await savesSettled(t.store);
  });

  it('opens Export… and Import… from their buttons or from the store, as the desktop menu does', async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.getByRole('dialog', { name: /Export/ })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /Export/ })).toBeNull());
    act(() => t.store.getState().setOpenDialog('import'));
    expect(screen.getByRole('dialog', { name: /Import/ })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: /Export/ })).toBeNull();
  });

  it('opens the shortcuts help from "?"', async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(state().helpOpen).toBe(true);
  });

  it('follows the system theme until Light or Dark is chosen, and remembers the choice', async () => {
    const theme = screen.getByRole('group', { name: 'Theme' });
    const pressed = () =>
      within(theme)
        .getAllByRole('button')
        .filter((b) => b.getAttribute('aria-pressed') === 'true')
        .map((b) => b.textContent);
    expect(pressed()).toEqual(['System']);
    expect(document.documentElement.dataset.theme).toBeUndefined();
    await userEvent.click(within(theme).getByRole('button', { name: 'Dark' }));
    expect(pressed()).toEqual(['Dark']);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('gloss.theme')).toBe('dark');
    await userEvent.click(within(theme).getByRole('button', { name: 'System' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('gloss.theme')).toBeNull();
  });
});
