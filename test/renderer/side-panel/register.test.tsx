// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { annotationFile, closePanel, openPanel, projectFile, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

const item = (name: string) =>
  within(screen.getByRole('list', { name: 'Stakeholders' }))
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.register-name')?.textContent === name)!;
const mentions = (name: string) => item(name).querySelector('.register-mentions')?.textContent;

async function addStakeholder(name: string, kind: string, aliases = '') {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Add stakeholder' }));
  const form = screen.getByRole('form', { name: 'New stakeholder' });
  await user.type(within(form).getByLabelText('Name'), name);
  await user.selectOptions(within(form).getByLabelText('Kind'), kind);
  if (aliases) await user.type(within(form).getByLabelText('Aliases (comma-separated)'), aliases);
  await user.click(within(form).getByRole('button', { name: 'Add stakeholder' }));
  await savesSettled(t!.store);
}

describe('the stakeholder register', () => {
  it('adds a stakeholder with its kind and aliases', async () => {
    t = await openPanel('register');
    await addStakeholder('ByteDance', 'company', "TikTok's owner, BD");
    expect((await projectFile(t)).stakeholders).toMatchObject([
      { id: 'bytedance', name: 'ByteDance', kind: 'company', aliases: ["TikTok's owner", 'BD'] },
    ]);
    expect(item('ByteDance').textContent).toContain('company');
    expect(item('ByteDance').querySelector('.register-aliases')?.textContent).toBe(
      "Also: TikTok's owner, BD",
    );
    expect(screen.queryByRole('form', { name: 'New stakeholder' })).toBeNull();
  });

  it('says why a name already in the register is refused', async () => {
    t = await openPanel('register');
    await addStakeholder('Oracle', 'company');
    await addStakeholder('oracle', 'company');
    expect(screen.getByRole('alert').textContent).toMatch(/"Oracle" is already in the register/);
    expect((await projectFile(t)).stakeholders).toHaveLength(1);
    expect(t.store.getState().savesFailed).toEqual([]);
  });

  it('edits name, kind, aliases, country and description', async () => {
    t = await openPanel('register');
    await addStakeholder('Oracle', 'company');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit Oracle' }));
    const form = screen.getByRole('form', { name: 'Edit Oracle' });
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Oracle Corporation');
    await user.type(within(form).getByLabelText('Aliases (comma-separated)'), 'Oracle, Larry’s company');
    await user.type(within(form).getByLabelText('Country'), 'US');
    await user.type(within(form).getByLabelText('Description'), 'Database vendor');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await savesSettled(t.store);
    expect((await projectFile(t)).stakeholders).toEqual([
      {
        id: 'oracle',
        name: 'Oracle Corporation',
        kind: 'company',
        aliases: ['Oracle', 'Larry’s company'],
        country: 'US',
        description: 'Database vendor',
      },
    ]);
    expect(item('Oracle Corporation')).toBeTruthy();
  });

  it('filters by name, alias or kind', async () => {
    t = await openPanel('register');
    await addStakeholder('ByteDance', 'company', 'TikTok owner');
    await addStakeholder('European Commission', 'government', 'Brussels');
    const filter = screen.getByLabelText('Filter stakeholders');
    await userEvent.type(filter, 'brussels');
    expect(within(screen.getByRole('list', { name: 'Stakeholders' })).getAllByRole('listitem')).toHaveLength(
      1,
    );
    expect(item('European Commission')).toBeTruthy();
    await userEvent.clear(filter);
    await userEvent.type(filter, 'company');
    expect(item('ByteDance')).toBeTruthy();
    expect(document.querySelector('.register-tab .list-count')?.textContent).toBe('1 of 2');
  });

  it('counts mentions, again after tagging, and merges one stakeholder into another', async () => {
    t = await openPanel('register');
    await addStakeholder('ByteDance', 'company');
    await addStakeholder('Bytedance Ltd', 'company', 'BD');
    const [bytedance, ltd] = t.store.getState().project!.stakeholders;
    await tagQuote(t, 'ByteDance', 'stakeholder', { stakeholderId: bytedance!.id });
    await waitFor(() => expect(mentions('ByteDance')).toBe('1 mention'));
    const ltdMention = await tagQuote(t, 'TikTok', 'stakeholder', { stakeholderId: ltd!.id });
    await waitFor(() => expect(mentions('Bytedance Ltd')).toBe('1 mention'));

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Merge Bytedance Ltd into…' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge “Bytedance Ltd” into…' });
    await user.selectOptions(within(dialog).getByLabelText('Merge into'), bytedance!.id);
    expect(
      within(dialog).getByText(/1 mention of Bytedance Ltd will count as a mention of ByteDance/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await savesSettled(t.store);
    await waitFor(() => expect(mentions('ByteDance')).toBe('2 mentions'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await projectFile(t)).stakeholders).toMatchObject([
      { id: bytedance!.id, aliases: ['Bytedance Ltd', 'BD'] },
    ]);
    expect((await annotationFile(t)).annotations.find((a) => a.id === ltdMention)?.stakeholderId).toBe(
      bytedance!.id,
    );
    expect(item('ByteDance').querySelector('.register-aliases')?.textContent).toBe('Also: Bytedance Ltd, BD');
  });

  it('loads the counts when the tab is shown', async () => {
    t = await openPanel('codes');
    const oracle = (await act(() =>
      t!.store.getState().addStakeholder({ name: 'Oracle', kind: 'company' }),
    ))!;
    await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    await userEvent.click(screen.getByRole('tab', { name: 'Register' }));
    await waitFor(() => expect(mentions('Oracle')).toBe('1 mention'));
  });
});
