/**
 * What jsdom leaves out and the screens call, for renderer tests. Loaded for every test file by
 * vitest.config.ts; it does nothing outside jsdom.
 *
 * scrollIntoView(): jsdom lays nothing out, so there is nothing to scroll; it only has to exist.
 * The Chromium tests check that the right thing comes into view.
 *
 * <dialog>: jsdom has the element but none of its behaviour. This gives renderer tests the little they need
 * to open and close Gloss's modal dialogs: `open`, show(), showModal() (focus moves to the first
 * control, as browsers do), close() with its `close` event, and Escape as the browser's cancel
 * (a cancelable `cancel` event; the dialog closes unless it is prevented). Focus trapping and the
 * inert page behind are not imitated: the Chromium tests check those on the real thing.
 */
if (typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = () => {};
}

if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  const modals: HTMLDialogElement[] = [];
  const proto = HTMLDialogElement.prototype;

  Object.defineProperty(proto, 'open', {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute('open');
    },
    set(this: HTMLDialogElement, value: boolean) {
      this.toggleAttribute('open', Boolean(value));
    },
  });
  if (!('returnValue' in proto)) {
    Object.defineProperty(proto, 'returnValue', { configurable: true, writable: true, value: '' });
  }
  proto.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    if (!this.isConnected) throw new DOMException('The dialog is not in a document.', 'InvalidStateError');
    this.setAttribute('open', '');
    modals.push(this);
    this.querySelector<HTMLElement>(
      '[autofocus], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href]',
    )?.focus();
  };
  proto.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    modals.splice(modals.indexOf(this), 1);
    if (returnValue !== undefined) this.returnValue = returnValue;
    // Browsers queue the close event as a task.
    setTimeout(() => this.dispatchEvent(new Event('close')));
  };

  // Escape's default action, as browsers run it once the keydown has been dispatched: a cancel
  // event to the topmost modal dialog, then close unless the page prevented it.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      queueMicrotask(() => {
        const top = modals.filter((dialog) => dialog.isConnected && dialog.open).at(-1);
        if (event.defaultPrevented || !top) return;
        if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
      });
    },
    true,
  );
}
