// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type NewStakeholder,
  type StakeholderChoice,
  StakeholderPicker,
} from '../../../renderer/src/components/editors/StakeholderPicker';
import type { Stakeholder } from '../../../shared/model/stakeholder';

const register: Stakeholder[] = [
  { id: 'bytedance', name: 'ByteDance', kind: 'company', aliases: ['Bytedance Ltd'] },
  { id: 'tiktok', name: 'TikTok', kind: 'company', aliases: [] },
  { id: 'trump', name: 'Donald Trump', kind: 'person', aliases: ['Trump'] },
];

afterEach(cleanup);

/** The picker as the palette and the inspector use it; what it hands back is collected. */
function pick(quote: string, stakeholders = register) {
  const picked: StakeholderChoice[] = [];
  const created: NewStakeholder[] = [];
  const cancelled: true[] = [];
  render(
    <StakeholderPicker
      autoFocus
      stakeholders={stakeholders}
      quote={quote}
      onPick={(choice) => picked.push(choice)}
      onCreate={(draft) => created.push(draft)}
      onCancel={() => cancelled.push(true)}
    />,
  );
  return { picked, created, cancelled, user: userEvent.setup() };
}

const options = () =>
  screen.getAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.firstChild?.textContent);
const active = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

describe('StakeholderPicker', () => {
  it('searches the register for the selected words, best matches first, new stakeholder last', () => {
    pick('Trump');
    const search = screen.getByRole('combobox', { name: 'Stakeholder' });
    expect((search as HTMLInputElement).value).toBe('Trump');
    expect(document.activeElement).toBe(search);
    expect(options()).toEqual(['Donald Trump', 'New stakeholder from selection']);
    expect(search.getAttribute('aria-activedescendant')).toBe(active()?.id);
  });

  it('matches names and aliases by part, ignoring case, as you type', async () => {
    const { user } = pick('');
    expect(options()).toEqual(['ByteDance', 'Donald Trump', 'TikTok', 'New stakeholder from selection']);
    await user.keyboard('t');
    expect(options()).toEqual(['TikTok', 'Donald Trump', 'ByteDance', 'New stakeholder from selection']);
    await user.keyboard('ik');
    expect(options()).toEqual(['TikTok', 'New stakeholder from selection']);
  });

  it('picks with ↑/↓ and Enter, without an alias when the words are already a name', async () => {
    const { picked, user } = pick('bytedance ltd');
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(picked).toEqual([{ stakeholder: register[0] }]);
  });

  it('offers the selected words as an alias of the stakeholder about to be picked', async () => {
    const { picked, user } = pick('the Chinese owner');
    await user.clear(screen.getByRole('combobox'));
    await user.keyboard('byte');
    const alias = screen.getByRole('checkbox', { name: 'Add “the Chinese owner” as an alias of ByteDance' });
    expect((alias as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('option', { name: /ByteDance/ }));
    expect(picked).toEqual([{ stakeholder: register[0], addAlias: 'the Chinese owner' }]);
  });

  it('picks without the alias when the box is cleared', async () => {
    const { picked, user } = pick('Mr. Trump');
    await user.click(screen.getByRole('checkbox', { name: 'Add “Mr. Trump” as an alias of Donald Trump' }));
    await user.click(screen.getByRole('combobox'));
    await user.keyboard('{Enter}');
    expect(picked).toEqual([{ stakeholder: register[2] }]);
  });

  it('makes a new stakeholder from the selection, of the kind chosen', async () => {
    const { created, user } = pick('Oracle');
    expect(active()?.getAttribute('aria-label')).toBe('New stakeholder from selection');
    await user.keyboard('{Enter}');
    const form = screen.getByRole('form', { name: 'New stakeholder' });
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Oracle');
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'company',
      'person',
      'government',
      'NGO',
      'media',
      'public',
    ]);
    await user.click(screen.getByRole('radio', { name: 'NGO' }));
    await user.click(screen.getByRole('button', { name: 'Add stakeholder' }));
    expect(created).toEqual([{ name: 'Oracle', kind: 'ngo' }]);
    expect(form).toBeTruthy();
  });

  it('wants a name for a new stakeholder, and goes back to the search with Escape', async () => {
    const { created, user } = pick('');
    await user.keyboard('{ArrowUp}{Enter}');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Give the stakeholder a name.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
    expect(created).toEqual([]);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('combobox', { name: 'Stakeholder' })).toBeTruthy();
  });

  it('cancels with Escape in the search', async () => {
    const { cancelled, user } = pick('x');
    await user.keyboard('{Escape}');
    expect(cancelled).toEqual([true]);
  });
});
