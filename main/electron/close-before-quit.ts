/** What closeBeforeQuit needs of Electron's `app`. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the quit until `close` has finished its writes (a search index still waiting to be
 * written, derived caches), at most `limitMs`, so quitting never leaves a half-written file
 * behind and never hangs on a slow disk: the files are written atomically, and what is derived
 * is made again next time if it was not written.
 */
export function closeBeforeQuit(app: QuittingApp, close: () => Promise<unknown>, limitMs = 5_000): void {
  let closing: Promise<unknown> | undefined;
  app.on('will-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    const limit = new Promise((resolve) => setTimeout(resolve, limitMs).unref());
    closing = Promise.race([close().catch(() => {}), limit]).then(() => app.quit());
  });
}
