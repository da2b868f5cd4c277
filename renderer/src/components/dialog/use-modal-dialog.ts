import { type KeyboardEvent, type SyntheticEvent, useLayoutEffect, useRef } from 'react';

/**
 * Everything a modal dialog of Gloss does, in one place, for a native <dialog>:
 * - showModal() on mount: the browser moves focus into it and makes the page behind inert
 *   (no clicks, no focus, no keys reach it) until it closes;
 * - Escape is the browser's own cancel, turned into `onCancel` (the parent unmounts the dialog);
 *   the keydown goes no further, so the page's Escape (clear the selection…) does not act behind it;
 * - Tab and Shift+Tab wrap round inside it (the browser alone lets focus leave for the document);
 * - on unmount it closes and focus goes back to what opened it.
 * Spread the returned props on the <dialog>.
 */
export function useModalDialog(onCancel: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  const closingOurselves = useRef(false);

  // A layout effect, so it runs before the dialog leaves the DOM and before the first paint.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closingOurselves.current = false;
    if (!dialog.open) dialog.showModal();
    return () => {
      closingOurselves.current = true;
      if (dialog.open) dialog.close();
      // After close(), so the page is no longer inert and can take focus.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return {
    ref,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      // React decides when the dialog goes: it unmounts, and the cleanup above closes it.
      event.preventDefault();
      cancel.current();
    },
    onClose: (event: SyntheticEvent<HTMLDialogElement>) => {
      // The browser may close a dialog without a cancelable cancel event (Escape pressed twice
      // without a click between): keep the screens in step with it.
      if (!closingOurselves.current && !event.currentTarget.open) cancel.current();
    },
    onKeyDown: (event: KeyboardEvent<HTMLDialogElement>) => {
      if (event.key === 'Escape') event.stopPropagation();
      else if (event.key === 'Tab') wrapTab(event);
    },
  } as const;
}

/** Keeps Tab inside the dialog: from its last stop to its first, and Shift+Tab the other way. */
function wrapTab(event: KeyboardEvent<HTMLDialogElement>) {
  const stops = tabStops(event.currentTarget);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const inside =
    active instanceof Node && event.currentTarget.contains(active) && active !== event.currentTarget;
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * The dialog's Tab stops in order: enabled, shown, not taken out with tabindex="-1". A group of
 * radio buttons is one stop, its checked button (or, when none is checked, the browser enters
 * at its first going forward and at its last going back, which the list's ends then are).
 */
export function tabStops(container: HTMLElement): HTMLElement[] {
  const candidates = [...container.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !element.matches(':disabled') &&
      !(element instanceof HTMLInputElement && element.type === 'hidden') &&
      // Not rendered (display: none, a closed <details>…) is no stop; jsdom cannot tell, so all count there.
      (element.checkVisibility?.() ?? true),
  );
  return candidates.filter((element) => {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name) return true;
    const group = candidates.filter(
      (other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === element.name,
    ) as HTMLInputElement[];
    return element.checked || !group.some((radio) => radio.checked);
  });
}
