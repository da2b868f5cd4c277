// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureValueEditor } from '../../../renderer/src/components/editors/FigureValueEditor';
import type { FigureValue } from '../../../shared/model/figure';

afterEach(cleanup);

function edit(initial?: Partial<FigureValue>) {
  const saved: FigureValue[] = [];
  render(
    <FigureValueEditor autoFocus initial={initial} saveLabel="Tag" onSave={(value) => saved.push(value)} />,
  );
  return { saved, user: userEvent.setup() };
}

const field = (name: string) =>
  screen.getByRole(name === 'Currency' || name === 'or unit' ? 'combobox' : 'textbox', { name });

describe('FigureValueEditor', () => {
  it('saves a range in a currency on Enter', async () => {
    const { saved, user } = edit();
    expect(document.activeElement).toBe(field('Min'));
    await user.keyboard('15e9');
    await user.type(field('Max'), '30,000,000,000');
    await user.type(field('Currency'), 'usd{Enter}');
    expect(saved).toEqual([{ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' }]);
  });

  it('takes max to be min when it is left empty, and shows how amounts were read', async () => {
    const { saved, user } = edit();
    await user.keyboard('2.5m');
    expect(screen.getByText(`= ${(2_500_000).toLocaleString()}`)).toBeTruthy();
    await user.type(field('or unit'), 'users');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Qualifier' }), 'more than');
    await user.type(screen.getByRole('textbox', { name: 'Measures' }), 'monthly active users{Enter}');
    expect(saved).toEqual([
      {
        min: 2_500_000,
        max: 2_500_000,
        unit: 'users',
        qualifier: 'more-than',
        measures: 'monthly active users',
      },
    ]);
  });

  it('starts from a prefilled value with the amount selected, so typing replaces it', async () => {
    const { saved, user } = edit({ min: 5e8, max: 5e8, unit: 'users', qualifier: 'approximately' });
    const min = field('Min') as HTMLInputElement;
    expect(min.value).toBe('500 million');
    expect(min.selectionStart).toBe(0);
    expect(min.selectionEnd).toBe('500 million'.length);
    await user.keyboard('6e8{Enter}');
    expect(saved).toEqual([{ min: 6e8, max: 6e8, unit: 'users', qualifier: 'approximately' }]);
  });

  it('offers every qualifier', () => {
    edit();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['exactly', 'approximately', 'more than', 'at least', 'less than', 'up to']),
    );
  });

  it('explains what is wrong beside the field, and saves nothing', async () => {
    const { saved, user } = edit();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Enter the amount, e.g. 15e9 or 15 billion.')).toBeTruthy();
    await user.keyboard('30bn');
    await user.type(field('Max'), '15bn');
    await user.type(field('Currency'), 'US{Enter}');
    expect(screen.getByText('The maximum must not be less than the minimum.')).toBeTruthy();
    expect(screen.getByText('A currency is a three-letter ISO code such as USD, EUR or GBP.')).toBeTruthy();
    expect(field('Max').getAttribute('aria-invalid')).toBe('true');
    expect(field('Max').getAttribute('aria-describedby')).toContain(
      screen.getByText('The maximum must not be less than the minimum.').id,
    );
    expect(saved).toEqual([]);
    // Fixing the fields clears the messages as you type.
    await user.clear(field('Max'));
    expect(screen.queryByText('The maximum must not be less than the minimum.')).toBeNull();
    await user.type(field('Currency'), 'D');
    await user.click(screen.getByRole('button', { name: 'Tag' }));
    expect(saved).toEqual([{ min: 30e9, max: 30e9, currency: 'USD', qualifier: 'exactly' }]);
  });

  it('refuses words it cannot read as a number', async () => {
    const { saved, user } = edit();
    await user.keyboard('fifteen{Enter}');
    expect(screen.getByText('“fifteen” is not a number; try 15e9, 15,000,000 or 15bn.')).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('starts from an initial value, as a figure parser or an existing annotation gives it', async () => {
    const { saved, user } = edit({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately' });
    expect((field('Min') as HTMLInputElement).value).toBe('15 billion');
    expect((field('Max') as HTMLInputElement).value).toBe('30 billion');
    await user.keyboard('{Enter}');
    expect(saved).toEqual([{ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately' }]);
  });
});
