import {
  type ChangeEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { isImeComposing } from '../../keyboard/ime';

export interface ComboboxOptions<T> {
  /** The filter text in the input. */
  query: string;
  /** A change to the filter text; the first option becomes active again. */
  onQueryChange(query: string): void;
  /** The options the filter leaves, in the order they are listed; ↑/↓ step through them in this order. */
  options: readonly T[];
  /** Enter in the input, or a click on an option. */
  onChoose(option: T): void;
  /** Escape in the input. Without it Escape is left alone, for a surrounding form or dialog to handle. */
  onEscape?(): void;
}

/**
 * The WAI-ARIA combobox with a listbox popup, as the pickers use it: focus stays in the text
 * input that filters the list, and aria-activedescendant points a screen reader at the active
 * option. ↓/↑ move the active option and wrap around at either end; Enter chooses it (nothing
 * when the list is empty); typing makes the first option (the best match) active again.
 * Home/End are left to the input, to move the caret in the filter text (the pattern allows either).
 * The option made active from the keyboard is scrolled into view (only as far as needed), and keys
 * an input method is composing with (its Enter commits the words, its arrows pick candidates) are
 * left to it.
 * A pointer over an option makes it active and a click chooses it, without taking focus from the input.
 *
 * The component renders the input, listbox and options itself and spreads the props returned here.
 * The roles of the listbox and its options (and the options' tabIndex={-1}) are written in the
 * component's own markup, where the accessibility lint can see them.
 */
export function useCombobox<T>({ query, onQueryChange, options, onChoose, onEscape }: ComboboxOptions<T>) {
  const id = useId();
  const [active, setActive] = useState(0);
  // Clamped when read rather than when stored, so a list that narrows as the researcher types
  // never points past its end; -1 when there are no options.
  const activeIndex = Math.min(active, options.length - 1);
  const listboxId = `${id}-options`;
  const optionId = (index: number) => `${id}-option-${index}`;
  // Set by the keys and by typing, not by the pointer: a list must not scroll under the mouse.
  const scrollToActive = useRef(false);

  useEffect(() => {
    if (!scrollToActive.current || activeIndex < 0) return;
    scrollToActive.current = false;
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (index: number) => {
    if (index >= 0 && index < options.length) onChoose(options[index] as T);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    onQueryChange(event.target.value);
    setActive(0);
    scrollToActive.current = true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isImeComposing(event)) return;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
      scrollToActive.current = true;
    } else if (event.key === 'Enter') {
      // Always claimed, so Enter never submits a surrounding form past the choice.
      event.preventDefault();
      choose(activeIndex);
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  };

  return {
    /** The active option, or undefined when the list is empty. */
    activeOption: activeIndex >= 0 ? options[activeIndex] : undefined,
    /** Chooses the active option, as Enter does: for a submit button beside the list. */
    chooseActive: () => choose(activeIndex),
    /** For the text input, with its value and its id (for the label's htmlFor). */
    inputProps: {
      id: `${id}-input`,
      type: 'text',
      role: 'combobox',
      'aria-expanded': true,
      'aria-controls': listboxId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': activeIndex >= 0 ? optionId(activeIndex) : undefined,
      autoComplete: 'off',
      spellCheck: false,
      value: query,
      onChange,
      onKeyDown,
    },
    /** For the element that holds the options, with role="listbox" and an aria-label. */
    listboxProps: { id: listboxId },
    /** For the option at `index` in `options`, with role="option" and tabIndex={-1}. */
    optionProps: (index: number) => ({
      id: optionId(index),
      'aria-selected': index === activeIndex,
      onMouseDown: keepFocus,
      onMouseMove: () => setActive(index),
      onClick: () => choose(index),
    }),
  } as const;
}

/** Options are chosen with the pointer without taking focus from the input (aria-activedescendant). */
function keepFocus(event: MouseEvent) {
  event.preventDefault();
}
