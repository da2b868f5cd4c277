// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { annotationFile, closePanel, openPanel, projectFile, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

async function openEditor() {
  t = await openPanel('codes');
  await userEvent.click(screen.getByRole('button', { name: 'Edit codebook' }));
  return t;
}

const codeOnDisk = async (id: string) => (await projectFile(t!)).codebook.codes.find((c) => c.id === id);
const concernOrder = async () =>
  (await projectFile(t!)).codebook.codes.filter((c) => c.parentId === 'concerns').map((c) => c.id);

describe('the codebook editor', () => {
  it('adds a code under a group, with a colour and a shortcut', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add code' }));
    const form = screen.getByRole('form', { name: 'New code' });
    await user.type(within(form).getByLabelText('Name'), 'Surveillance');
    await user.selectOptions(within(form).getByLabelText('Group'), 'concerns');
    fireEvent.input(within(form).getByLabelText('Colour'), { target: { value: '#336699' } });
    await user.type(within(form).getByLabelText('Shortcut'), '4');
    await user.click(within(form).getByRole('button', { name: 'Add code' }));
    await savesSettled(t!.store);
    expect(await codeOnDisk('surveillance')).toMatchObject({
      name: 'Surveillance',
      parentId: 'concerns',
      color: '#336699',
      shortcut: '4',
    });
    expect(screen.queryByRole('form', { name: 'New code' })).toBeNull();
    expect(screen.getByLabelText('Name of Surveillance')).toBeTruthy();
  });

  it('adds a group with the role of its codes', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    const form = screen.getByRole('form', { name: 'New group' });
    await user.type(within(form).getByLabelText('Name'), 'Regulators');
    await user.selectOptions(within(form).getByLabelText('Kind of codes'), 'stakeholder');
    await user.click(within(form).getByRole('button', { name: 'Add group' }));
    await savesSettled(t!.store);
    expect(await codeOnDisk('regulators')).toMatchObject({
      parentId: null,
      role: 'stakeholder',
      codable: false,
    });
  });

  it('renames in place: Enter saves, Escape puts the name back', async () => {
    await openEditor();
    const user = userEvent.setup();
    const name = screen.getByLabelText('Name of Privacy');
    await user.clear(name);
    await user.type(name, 'Nothing{Escape}');
    expect((name as HTMLInputElement).value).toBe('Privacy');
    await user.clear(name);
    await user.type(name, 'Data protection{Enter}');
    await savesSettled(t!.store);
    expect((await codeOnDisk('privacy'))?.name).toBe('Data protection');
    expect(screen.getByLabelText('Name of Data protection')).toBeTruthy();
  });

  it('recolours when a colour is chosen', async () => {
    await openEditor();
    fireEvent.change(screen.getByLabelText('Colour of Security'), { target: { value: '#112233' } });
    await savesSettled(t!.store);
    expect((await codeOnDisk('security'))?.color).toBe('#112233');
  });

  it('reorders with the move buttons and with Alt+arrows', async () => {
    await openEditor();
    expect(await concernOrder()).toEqual(['security', 'privacy', 'free-expression']);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Security up' }).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Move Privacy up' }));
    await savesSettled(t!.store);
    expect(await concernOrder()).toEqual(['privacy', 'security', 'free-expression']);

    const name = screen.getByLabelText('Name of Privacy');
    name.focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{ArrowDown}{/Alt}');
    // Both moves are sent as the keys are pressed; the file has them once they are answered.
    await savesSettled(t!.store);
    expect(await concernOrder()).toEqual(['security', 'free-expression', 'privacy']);
    expect(document.activeElement).toBe(screen.getByLabelText('Name of Privacy'));
  });

  it('sets and clears shortcuts, and says why a taken one is refused', async () => {
    await openEditor();
    const user = userEvent.setup();
    const privacy = screen.getByLabelText('Shortcut for Privacy');
    await user.clear(privacy);
    await user.type(privacy, 'x');
    await savesSettled(t!.store);
    expect((await codeOnDisk('privacy'))?.shortcut).toBe('x');

    const freeExpression = screen.getByLabelText('Shortcut for Free expression');
    await user.clear(freeExpression);
    await savesSettled(t!.store);
    expect((await codeOnDisk('free-expression'))?.shortcut).toBeUndefined();
    await user.type(freeExpression, '1');
    await savesSettled(t!.store);
    expect((await screen.findByRole('alert')).textContent).toMatch(/shortcut "1" is used by both/);
    expect((freeExpression as HTMLInputElement).value).toBe('');
    expect((await codeOnDisk('free-expression'))?.shortcut).toBeUndefined();
    expect((await codeOnDisk('security'))?.shortcut).toBe('1');
    // The refusal was shown where it was made; there is nothing to retry.
    expect(t!.store.getState().savesFailed).toEqual([]);
  });

  it('deletes an unused code after confirming, and Escape cancels', async () => {
    await openEditor();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete Free expression' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Free expression”?' });
    expect(within(dialog).getByText('No annotation in this document uses it.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await codeOnDisk('free-expression')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Delete Free expression' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await savesSettled(t!.store);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await codeOnDisk('free-expression')).toBeUndefined();
  });

  it('deletes a code in use by moving its annotations to another code', async () => {
    await openEditor();
    const id = await tagQuote(t!, 'Privacy advocates', 'privacy');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete Privacy' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/used by 1 annotation in this document/)).toBeTruthy();
    await user.click(within(dialog).getByLabelText('Move its annotations to'));
    await user.selectOptions(within(dialog).getByLabelText('Code to move them to'), 'security');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await savesSettled(t!.store);
    expect(await codeOnDisk('privacy')).toBeUndefined();
    expect((await annotationFile(t!)).annotations).toMatchObject([{ id, code: 'security' }]);
    expect(t!.store.getState().reader.annotations).toMatchObject([{ id, code: 'security' }]);
  });

  it('deletes a group used only in another document by removing its annotations', async () => {
    await openEditor();
    await act(() => t!.store.getState().selectDocument('b.txt'));
    await tagQuote(t!, 'Oracle', 'valuation');
    await act(() => t!.store.getState().selectDocument('a.txt'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete Figures' }));
    let dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Its 5 codes go with it: Valuation, User count/)).toBeTruthy();
    // The open document does not use it, so the project is asked, and says another one does.
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    dialog = await screen.findByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/used by 1 annotation/);
    await user.click(within(dialog).getByLabelText('Remove its annotations'));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await savesSettled(t!.store);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      (await projectFile(t!)).codebook.codes.some((c) => c.id === 'figures' || c.id === 'valuation'),
    ).toBe(false);
    expect((await annotationFile(t!, 'b.txt')).annotations).toEqual([]);
  });
});
