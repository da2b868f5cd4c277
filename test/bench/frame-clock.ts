/**
 * Times a change to the page up to the frame that shows it, the same way for Gloss's reader and
 * for the peer (text-annotator-peer.ts). Installed in each page as an init script.
 *
 * A change made in an ordinary task (a keydown's handlers) is drawn by the next frame: its
 * requestAnimationFrame callbacks, then style, layout and paint, all in one task; a timer set
 * from a callback of that frame runs once that task is over, so it marks the frame painted on
 * the main thread. A change made inside a frame's callbacks (a library that redraws on
 * requestAnimationFrame) is drawn by that same frame: a timer set right then marks it.
 * Polling once a task, as an earlier version of these benches did, added up to a whole frame.
 */

declare global {
  interface Window {
    benchClock: {
      /** True while requestAnimationFrame callbacks run. */
      readonly inFrame: boolean;
      /** Calls `check` after every requestAnimationFrame callback, still inside its frame; returns the stop. */
      afterEachFrameCallback(check: () => void): () => void;
      /** The time the frame drawing a change made now has been painted (`inFrame`: made inside a frame's callbacks). */
      framePainted(inFrame: boolean): Promise<number>;
    };
  }
}

/** Runs in the page, before its own scripts. */
export function installFrameClock(): void {
  let inFrame = false;
  const checks = new Set<() => void>();
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    request((time) => {
      inFrame = true;
      try {
        callback(time);
      } finally {
        inFrame = false;
        for (const check of checks) check();
      }
    });
  window.benchClock = {
    get inFrame() {
      return inFrame;
    },
    afterEachFrameCallback(check) {
      checks.add(check);
      return () => checks.delete(check);
    },
    framePainted: (changedInFrame) =>
      new Promise((resolve) => {
        const painted = () => setTimeout(() => resolve(performance.now()), 0);
        if (changedInFrame) painted();
        else request(painted);
      }),
  };
}
