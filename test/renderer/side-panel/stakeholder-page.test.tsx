// @vitest-environment jsdom
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFigureValue } from '../../../renderer/src/components/editors/format-figure';
import type { Stakeholder } from '../../../shared/model/stakeholder';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import {
  annotationFile,
  closePanel,
  colleagueAnnotates,
  openPanel,
  projectFile,
  tagQuote,
} from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

async function addStakeholder(name: string): Promise<Stakeholder> {
  return (await act(() => t!.store.getState().addStakeholder({ name, kind: 'company' })))!;
}

/** Tags `quote` in b.txt through the API, as if done earlier in another session. */
async function tagInB(quote: string, stakeholderId: string): Promise<string> {
  const { text } = await t!.client.getDocument({ key: 'b.txt' });
  const start = text.indexOf(quote);
  return (
    await t!.client.createAnnotation({
      key: 'b.txt',
      code: 'stakeholder',
      start,
      end: start + quote.length,
      stakeholderId,
    })
  ).id;
}

/** alice's file for a.txt, mentioning `stakeholderId` at "TikTok", as a sync from a colleague brings it. */
async function colleagueMentions(stakeholderId: string) {
  await colleagueAnnotates(t!, [{ code: 'stakeholder', start: 0, end: 'TikTok'.length }]);
  const path = join(t!.project.path, '.gloss', 'annotations', 'a.txt', 'alice.json');
  const file = JSON.parse(await readFile(path, 'utf8'));
  file.annotations[0].stakeholderId = stakeholderId;
  await writeFile(path, JSON.stringify(file));
}

async function openPage(name: string) {
  await userEvent.click(screen.getByRole('button', { name: `Open ${name}` }));
  await waitFor(() => expect(t!.store.getState().stakeholderPage?.loading).toBe(false));
  return screen.getByRole('heading', { level: 2, name });
}

const mentionList = () => screen.getByRole('list', { name: 'Mentions' });
const mentionIds = () =>
  within(mentionList())
    .getAllByRole('button')
    .map((b) => b.dataset.annotationId)
    .sort();

describe("a stakeholder's page", () => {
  it('lists every mention across the corpus with its document, quote, context and author, and Escape goes back', async () => {
    t = await openPanel('register');
    const oracle = await addStakeholder('Oracle');
    const inA = await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    const inB = await tagInB('Oracle', oracle.id);

    const heading = await openPage('Oracle');
    expect(document.activeElement).toBe(heading);
    expect(screen.getByRole('heading', { level: 3, name: 'Mentions 2' })).toBeTruthy();
    const rows = within(mentionList()).getAllByRole('button');
    expect(rows.map((r) => r.dataset.annotationId)).toEqual([inA, inB]);
    expect(rows[0]!.textContent).toBe(
      'TikTok deal, by tester, ByteDance agreed to sell a stake in TikTok to Oracle, in a deal valuing the app at $15-30 billion.…',
    );
    expect(rows[0]!.querySelector('mark')?.textContent).toBe('Oracle');
    expect(rows[1]!.querySelector('.passage-title')?.textContent).toBe('Another story');

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { level: 2, name: 'Oracle' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Oracle' }));
  });

  it('opens the document of a mention and selects its annotation, by click or by Enter', async () => {
    t = await openPanel('register');
    const oracle = await addStakeholder('Oracle');
    const inA = await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    const inB = await tagInB('Oracle', oracle.id);
    await openPage('Oracle');

    await userEvent.click(within(mentionList()).getAllByRole('button')[1]!);
    await waitFor(() => expect(t!.store.getState().reader.document?.key).toBe('b.txt'));
    expect(t.store.getState()).toMatchObject({
      selectedKey: 'b.txt',
      selectedAnnotationId: inB,
      scrollRequest: { id: inB },
    });
    await waitFor(() =>
      expect(within(mentionList()).getAllByRole('button')[1]!.getAttribute('aria-current')).toBe('true'),
    );

    within(mentionList()).getAllByRole('button')[0]!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(t!.store.getState().reader.document?.key).toBe('a.txt'));
    expect(t.store.getState()).toMatchObject({ selectedAnnotationId: inA, scrollRequest: { id: inA } });
    // The page stays open beside the document.
    expect(screen.getByRole('heading', { level: 2, name: 'Oracle' })).toBeTruthy();
  });

  it('edits description, country and aliases, saved in project.json', async () => {
    t = await openPanel('register');
    await addStakeholder('Oracle');
    await openPage('Oracle');
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const form = screen.getByRole('form', { name: 'Edit Oracle' });
    await user.type(within(form).getByLabelText('Country'), 'US');
    await user.type(within(form).getByLabelText('Description'), 'Database vendor');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    // The form closes once its save is answered, a render after the save queue empties.
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Oracle' })).toBeNull());
    expect(screen.getByText('Database vendor')).toBeTruthy();

    await user.type(screen.getByLabelText('New alias'), 'Oracle Corp{Enter}');
    await savesSettled(t.store);
    await user.type(screen.getByLabelText('New alias'), 'Larry’s, company');
    await user.click(screen.getByRole('button', { name: 'Add alias' }));
    await savesSettled(t.store);
    expect((await projectFile(t)).stakeholders).toEqual([
      {
        id: 'oracle',
        name: 'Oracle',
        kind: 'company',
        aliases: ['Oracle Corp', 'Larry’s, company'],
        country: 'US',
        description: 'Database vendor',
      },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove alias Oracle Corp' }));
    await savesSettled(t.store);
    expect((await projectFile(t)).stakeholders[0]!.aliases).toEqual(['Larry’s, company']);
    expect(within(screen.getByRole('list', { name: 'Aliases' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('keeps every mention through a rename and a merge made from the page, a colleague’s too', async () => {
    t = await openPanel('register');
    const bytedance = await addStakeholder('ByteDance');
    const ltd = await addStakeholder('Bytedance Ltd');
    const own = await tagQuote(t, 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    const ltdInA = await tagQuote(t, 'TikTok', 'stakeholder', { stakeholderId: ltd.id });
    const ltdInB = await tagInB('Oracle', ltd.id);
    await colleagueMentions(ltd.id);

    await openPage('Bytedance Ltd');
    const before = [ltdInA, ltdInB, 'alice-0'].sort();
    expect(mentionIds()).toEqual(before);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const form = screen.getByRole('form', { name: 'Edit Bytedance Ltd' });
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'ByteDance Limited');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await savesSettled(t.store);
    await screen.findByRole('heading', { level: 2, name: 'ByteDance Limited' });
    await waitFor(() => expect(t!.store.getState().stakeholderPage?.loading).toBe(false));
    expect(mentionIds()).toEqual(before);

    await user.click(screen.getByRole('button', { name: 'Merge into…' }));
    const dialog = screen.getByRole('dialog', { name: 'Merge “ByteDance Limited” into…' });
    await user.selectOptions(within(dialog).getByLabelText('Merge into'), bytedance.id);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await savesSettled(t.store);
    // The page follows the mentions to the stakeholder they now count for.
    await screen.findByRole('heading', { level: 2, name: 'ByteDance' });
    await waitFor(() => expect(mentionIds()).toEqual([...before, own].sort()));
    expect(screen.getByRole('heading', { level: 3, name: 'Mentions 4' })).toBeTruthy();
    expect((await annotationFile(t, 'b.txt')).annotations[0]!.stakeholderId).toBe(bytedance.id);

    await userEvent.keyboard('{Escape}');
    const row = screen.getByRole('button', { name: 'Open ByteDance' }).closest('li')!;
    await waitFor(() => expect(row.querySelector('.register-mentions')?.textContent).toBe('4 mentions'));
  });

  it('shows nearby concerns, opening to their passages, and figures with their values', async () => {
    t = await openPanel('register');
    const bytedance = await addStakeholder('ByteDance');
    await tagQuote(t, 'ByteDance', 'stakeholder', { stakeholderId: bytedance.id });
    const privacy = await tagQuote(t, 'Privacy advocates raised concerns', 'privacy');
    const price = await tagQuote(t, '$15-30 billion', 'valuation', {
      value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' },
    });
    await openPage('ByteDance');

    const concerns = screen.getByRole('list', { name: 'Concerns nearby' });
    const toggle = within(concerns).getByRole('button', { name: 'Privacy, 1 passage' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const passage = within(screen.getByRole('list', { name: 'Privacy passages' })).getByRole('button');
    expect(passage.dataset.annotationId).toBe(privacy);
    await userEvent.click(passage);
    expect(t.store.getState().selectedAnnotationId).toBe(privacy);

    const figure = within(screen.getByRole('list', { name: 'Figures' })).getByRole('button');
    expect(figure.dataset.annotationId).toBe(price);
    const value = formatFigureValue({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' });
    expect(figure.querySelector('.passage-detail')?.textContent).toBe(
      `, Valuation · ${value} · same sentence`,
    );
  });

  it('refreshes after tagging another mention in the open document', async () => {
    t = await openPanel('register');
    const oracle = await addStakeholder('Oracle');
    await openPage('Oracle');
    expect(screen.getByText('Not tagged anywhere yet.')).toBeTruthy();
    const id = await tagQuote(t, 'Oracle', 'stakeholder', { stakeholderId: oracle.id });
    await waitFor(() => expect(mentionIds()).toEqual([id]));
  });
});
