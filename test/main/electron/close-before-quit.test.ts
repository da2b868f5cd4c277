import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeBeforeQuit } from '../../../main/electron/close-before-quit';

/** Electron's quit sequence as far as closeBeforeQuit sees it: 'will-quit', unless prevented, quits. */
function fakeApp() {
  const emitter = new EventEmitter();
  const app = {
    quitted: 0,
    on: (event: 'will-quit', listener: (event: { preventDefault(): void }) => void) =>
      emitter.on(event, listener),
    quit() {
      let prevented = false;
      emitter.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.quitted++;
    },
  };
  return app;
}

describe('quitting the desktop app', () => {
  it('waits for the service to finish writing, then quits once', async () => {
    const app = fakeApp();
    let finish = () => {};
    const writes = new Promise<void>((resolve) => (finish = resolve));
    closeBeforeQuit(app, () => writes);
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.quitted).toBe(0);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.quitted).toBe(1);
  });

  it('quits after the limit if the writes hang, and when they fail', async () => {
    const hung = fakeApp();
    closeBeforeQuit(hung, () => new Promise(() => {}), 30);
    hung.quit();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(hung.quitted).toBe(1);
    const failing = fakeApp();
    closeBeforeQuit(failing, () => Promise.reject(new Error('disk full')));
    failing.quit();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failing.quitted).toBe(1);
  });
});
