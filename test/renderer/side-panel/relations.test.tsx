// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Relation } from '../../../shared/model/relation';
import { savesSettled, type TestStore } from '../../support/renderer-store';
import { closePanel, openPanel, projectFile, tagQuote } from './side-panel-fixture';

let t: TestStore | undefined;
afterEach(() => closePanel(t));

const inspector = () => screen.getByRole('region', { name: 'Annotation' });
const relationsOf = () => within(inspector()).getByRole('region', { name: 'Relations' });

/** This annotator's relations for a.txt, as saved on disk. */
async function savedRelations(): Promise<Relation[]> {
  const path = join(t!.project.path, '.gloss', 'annotations', 'a.txt', 'tester.json');
  return (JSON.parse(await readFile(path, 'utf8')) as { relations: Relation[] }).relations;
}

/** Tags a stakeholder and a concern, and links them through the store; the stakeholder ends up selected. */
async function linkedPair() {
  const oracle = await tagQuote(t!, 'Oracle', 'stakeholder');
  const privacy = await tagQuote(t!, 'Privacy advocates', 'privacy');
  const relationId = await act(() => t!.store.getState().link({ type: 'raises', from: oracle, to: privacy }));
  await savesSettled(t!.store);
  act(() => t!.store.getState().selectAnnotation(oracle));
  return { oracle, privacy, relationId: relationId! };
}

describe('relations in the inspector', () => {
  it('links the selected annotation to another with the keyboard, filtering by quote or code', async () => {
    t = await openPanel();
    const privacy = await tagQuote(t, 'Privacy advocates', 'privacy');
    await tagQuote(t, 'user data', 'security');
    const oracle = await tagQuote(t, 'Oracle', 'stakeholder');
    const user = userEvent.setup();
    expect(within(relationsOf()).getByText('No relations to other annotations yet.')).toBeTruthy();

    await user.click(within(relationsOf()).getByRole('button', { name: 'Link…' }));
    const form = within(inspector()).getByRole('form', { name: 'Link to another annotation' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Type').value).toBe('raises');
    const search = within(form).getByRole('combobox', { name: 'Other annotation' });
    expect(document.activeElement).toBe(search);
    // The selected annotation is not offered; the others are, in text order.
    const options = () =>
      within(within(form).getByRole('listbox', { name: 'Annotations to link' }))
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(options()).toEqual(['Privacy advocatesPrivacy', 'user dataSecurity']);
    await user.keyboard('secur');
    expect(options()).toEqual(['user dataSecurity']);
    await user.clear(search);
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    await savesSettled(t.store);

    expect(await savedRelations()).toMatchObject([
      { type: 'raises', from: oracle, to: privacy, author: 'tester' },
    ]);
    expect(within(inspector()).queryByRole('form', { name: 'Link to another annotation' })).toBeNull();
    const item = within(relationsOf()).getByRole('listitem');
    expect(item.textContent).toContain('Privacy advocates');
    expect(within(item).getByLabelText<HTMLSelectElement>(/^Type of the relation/).value).toBe('raises');
    await waitFor(() =>
      expect(document.activeElement).toBe(within(relationsOf()).getByRole('button', { name: 'Link…' })),
    );
  });

  it('links the other way round, and Escape closes the form without linking', async () => {
    t = await openPanel();
    const oracle = await tagQuote(t, 'Oracle', 'stakeholder');
    const privacy = await tagQuote(t, 'Privacy advocates', 'privacy');
    const user = userEvent.setup();
    await user.click(within(relationsOf()).getByRole('button', { name: 'Link…' }));
    await user.keyboard('{Escape}');
    expect(within(inspector()).queryByRole('form')).toBeNull();
    // Escape closed the form only: the annotation is still selected.
    expect(t.store.getState().selectedAnnotationId).toBe(privacy);

    await user.click(within(relationsOf()).getByRole('button', { name: 'Link…' }));
    const form = within(inspector()).getByRole('form', { name: 'Link to another annotation' });
    await user.selectOptions(within(form).getByLabelText('Direction'), 'The other raises this');
    await user.click(within(form).getByRole('option', { name: /Oracle/ }));
    await savesSettled(t.store);
    expect(await savedRelations()).toMatchObject([{ type: 'raises', from: oracle, to: privacy }]);
    expect(within(relationsOf()).getByRole('button', { name: 'Go to “Oracle” (Stakeholder)' })).toBeTruthy();
  });

  it('goes to the annotation at the other end', async () => {
    t = await openPanel();
    const { privacy } = await linkedPair();
    await userEvent.click(
      within(relationsOf()).getByRole('button', { name: 'Go to “Privacy advocates” (Privacy)' }),
    );
    expect(t.store.getState().selectedAnnotationId).toBe(privacy);
    expect(t.store.getState().scrollRequest?.id).toBe(privacy);
    // From the concern's side the same relation comes in.
    expect(within(relationsOf()).getByText(/Relation to this from/)).toBeTruthy();
    expect(within(relationsOf()).getByRole('button', { name: 'Go to “Oracle” (Stakeholder)' })).toBeTruthy();
  });

  it('changes the type, edits the note, and deletes the relation; undo brings each step back', async () => {
    t = await openPanel();
    const { relationId } = await linkedPair();
    const user = userEvent.setup();

    await user.selectOptions(within(relationsOf()).getByLabelText(/^Type of the relation/), 'opposes');
    await savesSettled(t.store);
    expect((await savedRelations())[0]?.type).toBe('opposes');

    await user.click(within(relationsOf()).getByRole('button', { name: /^Add a note/ }));
    await user.type(within(relationsOf()).getByLabelText('Relation note'), 'in its filing');
    await user.tab();
    await savesSettled(t.store);
    expect((await savedRelations())[0]?.note).toBe('in its filing');

    await user.click(within(relationsOf()).getByRole('button', { name: /^Delete relation/ }));
    await savesSettled(t.store);
    expect(await savedRelations()).toEqual([]);
    expect(within(relationsOf()).queryByRole('listitem')).toBeNull();

    await act(() => t!.store.getState().undo());
    await savesSettled(t.store);
    expect(await savedRelations()).toMatchObject([
      { id: relationId, type: 'opposes', note: 'in its filing' },
    ]);
    await act(() => t!.store.getState().undo());
    await act(() => t!.store.getState().undo());
    await savesSettled(t.store);
    expect(await savedRelations()).toMatchObject([{ id: relationId, type: 'raises' }]);
    expect((await savedRelations())[0]?.note).toBeUndefined();
    expect(within(relationsOf()).getByLabelText<HTMLSelectElement>(/^Type of the relation/).value).toBe(
      'raises',
    );
    expect(t.store.getState().savesFailed).toEqual([]);
  });

  it('deleting an annotation takes its relations, and undo brings both back with their ids', async () => {
    t = await openPanel();
    const { oracle, privacy, relationId } = await linkedPair();
    const microsoft = await tagQuote(t, 'user data', 'security');
    const kept = await act(() => t!.store.getState().link({ type: 'raises', from: microsoft, to: privacy }));
    await savesSettled(t.store);
    act(() => t!.store.getState().selectAnnotation(oracle));

    await userEvent.click(within(inspector()).getByRole('button', { name: 'Delete annotation' }));
    await savesSettled(t.store);
    expect(t.store.getState().reader.relations.map((r) => r.id)).toEqual([kept]);
    expect((await savedRelations()).map((r) => r.id)).toEqual([kept]);

    await act(() => t!.store.getState().undo());
    await savesSettled(t.store);
    expect(t.store.getState().savesFailed).toEqual([]);
    expect((await savedRelations()).map((r) => r.id).sort()).toEqual([kept, relationId].sort());
    expect(t.store.getState().reader.relations.find((r) => r.id === relationId)).toMatchObject({
      from: oracle,
      to: privacy,
    });
    act(() => t!.store.getState().selectAnnotation(oracle));
    expect(
      within(relationsOf()).getByRole('button', { name: 'Go to “Privacy advocates” (Privacy)' }),
    ).toBeTruthy();

    // Redo deletes them again, on screen and on disk.
    await act(() => t!.store.getState().redo());
    await savesSettled(t.store);
    expect((await savedRelations()).map((r) => r.id)).toEqual([kept]);
  });

  it('finds the relations again when the document is opened again', async () => {
    t = await openPanel();
    const { relationId } = await linkedPair();
    await act(() => t!.store.getState().selectDocument('b.txt'));
    expect(t.store.getState().reader.key).toBe('b.txt');
    await act(() => t!.store.getState().selectDocument('a.txt'));
    expect(t.store.getState().reader.relations.map((r) => r.id)).toEqual([relationId]);
  });
});

describe('relation types in the codebook editor', () => {
  it('adds, renames and deletes a type, and says why a type in use cannot go', async () => {
    t = await openPanel('codes');
    await linkedPair();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit codebook' }));
    const types = screen.getByRole('region', { name: 'Relation types' });

    await user.type(within(types).getByLabelText('Name of the new relation type'), 'funds{Enter}');
    await savesSettled(t.store);
    expect((await projectFile(t)) as unknown).toMatchObject({
      codebook: { relationTypes: expect.arrayContaining([expect.objectContaining({ id: 'funds' })]) },
    });

    const name = within(types).getByLabelText('Name of relation type funds');
    await user.clear(name);
    await user.type(name, 'finances{Enter}');
    await savesSettled(t.store);
    expect(t.store.getState().project?.codebook.relationTypes.at(-1)).toMatchObject({
      id: 'funds',
      name: 'finances',
    });

    await user.click(within(types).getByRole('button', { name: 'Delete relation type raises' }));
    expect((await within(types).findByRole('alert')).textContent).toBe(
      '"raises" is used by 1 relation: delete or retype them first',
    );
    await user.click(within(types).getByRole('button', { name: 'Delete relation type finances' }));
    await savesSettled(t.store);
    expect(t.store.getState().project?.codebook.relationTypes.map((r) => r.id)).toEqual([
      'raises',
      'describes',
      'opposes',
      'supports',
    ]);
    expect(t.store.getState().savesFailed).toEqual([]);
  });
});
