// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCombobox } from '../../../renderer/src/components/editors/use-combobox';

afterEach(cleanup);

const FRUIT = ['apple', 'apricot', 'banana', 'cherry'];

/** The smallest picker: a filter over fruit names inside a form, as the link form has one. */
function FruitPicker({
  chosen,
  escaped,
  submitted,
  withEscape = true,
}: {
  chosen: string[];
  escaped: true[];
  submitted: true[];
  withEscape?: boolean;
}) {
  const [query, setQuery] = useState('');
  const shown = FRUIT.filter((fruit) => fruit.includes(query));
  const combobox = useCombobox({
    query,
    onQueryChange: setQuery,
    options: shown,
    onChoose: (fruit) => chosen.push(fruit),
    onEscape: withEscape ? () => escaped.push(true) : undefined,
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submitted.push(true);
      }}
    >
      <label htmlFor={combobox.inputProps.id}>Fruit</label>
      <input {...combobox.inputProps} />
      <div {...combobox.listboxProps} role="listbox" aria-label="Fruit">
        {shown.map((fruit, index) => (
          <div key={fruit} {...combobox.optionProps(index)} role="option" tabIndex={-1}>
            {fruit}
          </div>
        ))}
      </div>
    </form>
  );
}

function renderPicker(withEscape = true) {
  const chosen: string[] = [];
  const escaped: true[] = [];
  const submitted: true[] = [];
  render(<FruitPicker chosen={chosen} escaped={escaped} submitted={submitted} withEscape={withEscape} />);
  const input = screen.getByRole('combobox', { name: 'Fruit' });
  input.focus();
  return { input, chosen, escaped, submitted, user: userEvent.setup() };
}

const activeOption = () =>
  screen.queryAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

describe('useCombobox', () => {
  it('points the combobox at its listbox and at the active option, the first one to begin with', () => {
    const { input } = renderPicker();
    expect(input.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(activeOption()?.textContent).toBe('apple');
    expect(input.getAttribute('aria-activedescendant')).toBe(activeOption()?.id);
    expect(
      screen.getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true'),
    ).toHaveLength(1);
  });

  it('moves the active option with ↓ and ↑, wrapping round at either end', async () => {
    const { input, user } = renderPicker();
    await user.keyboard('{ArrowUp}');
    expect(activeOption()?.textContent).toBe('cherry');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeOption()?.textContent).toBe('banana');
    expect(input.getAttribute('aria-activedescendant')).toBe(activeOption()?.id);
    expect(document.activeElement).toBe(input);
  });

  it('chooses the active option with Enter, without submitting the surrounding form', async () => {
    const { chosen, submitted, user } = renderPicker();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(chosen).toEqual(['apricot']);
    expect(submitted).toEqual([]);
  });

  it('makes the first match active again as the filter changes, and never points past a shorter list', async () => {
    const { input, chosen, user } = renderPicker();
    await user.keyboard('{ArrowUp}');
    expect(activeOption()?.textContent).toBe('cherry');
    await user.keyboard('ap');
    expect(activeOption()?.textContent).toBe('apple');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('r');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['apricot']);
    expect(input.getAttribute('aria-activedescendant')).toBe(activeOption()?.id);
    await user.keyboard('{Enter}');
    expect(chosen).toEqual(['apricot']);
  });

  it('with nothing listed, Enter chooses nothing and the arrow keys are left to the input', async () => {
    const { input, chosen, submitted, user } = renderPicker();
    await user.keyboard('kiwi');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    expect(fireEvent.keyDown(input, { key: 'ArrowDown' })).toBe(true);
    await user.keyboard('{Enter}');
    expect(chosen).toEqual([]);
    expect(submitted).toEqual([]);
  });

  it('leaves Home and End to the input, to move the caret in the filter', () => {
    const { input } = renderPicker();
    expect(fireEvent.keyDown(input, { key: 'Home' })).toBe(true);
    expect(fireEvent.keyDown(input, { key: 'End' })).toBe(true);
    expect(activeOption()?.textContent).toBe('apple');
  });

  it('hands Escape to onEscape, or leaves it to the page when there is none', () => {
    const withHandler = renderPicker();
    expect(fireEvent.keyDown(withHandler.input, { key: 'Escape' })).toBe(false);
    expect(withHandler.escaped).toEqual([true]);
    cleanup();
    const without = renderPicker(false);
    expect(fireEvent.keyDown(without.input, { key: 'Escape' })).toBe(true);
    expect(without.escaped).toEqual([]);
  });

  it('leaves Enter and the arrows to an input method while it is composing', async () => {
    const { input, chosen, submitted, user } = renderPicker();
    // Typing "あ" with a Japanese input method: Enter commits the word, arrows pick candidates.
    fireEvent.compositionStart(input);
    expect(fireEvent.keyDown(input, { key: 'ArrowDown', isComposing: true })).toBe(true);
    expect(fireEvent.keyDown(input, { key: 'Enter', isComposing: true })).toBe(true);
    // Chromium and Safari mark some of those keydowns only with keyCode 229.
    expect(fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 })).toBe(true);
    fireEvent.compositionEnd(input);
    expect(chosen).toEqual([]);
    expect(submitted).toEqual([]);
    expect(activeOption()?.textContent).toBe('apple');
    // Once the words are in, Enter chooses again.
    await user.keyboard('{ArrowDown}{Enter}');
    expect(chosen).toEqual(['apricot']);
  });

  it('scrolls the option made active from the keyboard into view, only as far as needed', async () => {
    const scrolled: { option: string | null; block: unknown }[] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (
      this: Element,
      options?: boolean | ScrollIntoViewOptions,
    ) {
      scrolled.push({
        option: this.textContent,
        block: typeof options === 'object' ? options.block : options,
      });
    });
    try {
      const { user } = renderPicker();
      await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
      expect(scrolled).toEqual([
        { option: 'apricot', block: 'nearest' },
        { option: 'banana', block: 'nearest' },
        { option: 'apricot', block: 'nearest' },
      ]);
      // The pointer makes an option active where it already is: nothing scrolls under it.
      scrolled.length = 0;
      fireEvent.mouseMove(screen.getByRole('option', { name: 'cherry' }));
      expect(activeOption()?.textContent).toBe('cherry');
      expect(scrolled).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('activates an option under the pointer and chooses it on click, keeping focus in the filter', async () => {
    const { input, chosen, user } = renderPicker();
    const banana = screen.getByRole('option', { name: 'banana' });
    fireEvent.mouseMove(banana);
    expect(activeOption()).toBe(banana);
    expect(fireEvent.mouseDown(banana)).toBe(false);
    await user.click(banana);
    expect(chosen).toEqual(['banana']);
    expect(document.activeElement).toBe(input);
  });
});
