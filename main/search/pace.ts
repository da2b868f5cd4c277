import { throttled } from '../project/throttled';
import type { SearchProgress } from './corpus-search';

/** Documents read between two yields to the event loop, so the API answers while a search runs. */
const YIELD_EVERY = 50;

/**
 * Keeps a long search polite: it yields to the event loop every few documents so the API goes on
 * answering, stops there once cancelled, and reports progress at most five times a second.
 */
export class Pace {
  #steps = 0;
  readonly #report: (progress: SearchProgress, force?: boolean) => void;

  constructor(
    private readonly signal: AbortSignal,
    progress: (progress: SearchProgress) => void,
  ) {
    this.#report = throttled(progress);
  }

  async step(progress?: SearchProgress): Promise<void> {
    this.signal.throwIfAborted();
    if (++this.#steps % YIELD_EVERY !== 0) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (progress) this.tick(progress);
  }

  /** Stops here once cancelled; reports progress if the last report is old enough. */
  tick(progress: SearchProgress): void {
    this.signal.throwIfAborted();
    this.#report(progress);
  }

  /** Reports progress now (a phase's end). */
  report(progress: SearchProgress): void {
    this.#report(progress, true);
  }
}
