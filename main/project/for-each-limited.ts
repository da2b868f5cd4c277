/** How long a loop may hold the event loop before it lets timers, I/O and other requests run. */
const SLICE_MS = 10;

/**
 * Runs `run` over `items` with at most `limit` runs in flight, so reading many files overlaps their I/O
 * without opening them all at once. A run may finish without waiting (a cached answer, a tiny file read
 * synchronously); such runs are chained in slices of about SLICE_MS, so a long list never starves the
 * event loop and none of them pays for a turn of it.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const slice = new TimeSlice();
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index]!, index);
      await slice.pause();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Lets a loop of synchronous steps yield to the event loop once every SLICE_MS. */
class TimeSlice {
  #started = performance.now();

  /** Resolves at once within the slice; after it, on the event loop's next turn. */
  pause(): Promise<void> | undefined {
    if (performance.now() - this.#started < SLICE_MS) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        this.#started = performance.now();
        resolve();
      }),
    );
  }
}

/** A synchronous call this slow suggests a network or sleeping disk, where waiting in parallel is faster. */
const SLOW_CALL_MS = 20;
/** One slow call may be a pause of the machine; this many in a row are the disk. */
const SLOW_CALLS_IN_A_ROW = 3;

/**
 * Makes a file system call synchronously while such calls are fast, and asynchronously once they
 * are not. A tiny file is read in microseconds, but an asynchronous read costs four trips through
 * libuv's thread pool: 100,000 tiny files take five times longer to read so than synchronously.
 */
export class SyncWhileFast {
  #slowInARow = 0;

  call<T>(sync: () => T, async: () => Promise<T>): T | Promise<T> {
    if (this.#slowInARow >= SLOW_CALLS_IN_A_ROW) return async();
    const started = performance.now();
    try {
      return sync();
    } finally {
      this.#slowInARow = performance.now() - started > SLOW_CALL_MS ? this.#slowInARow + 1 : 0;
    }
  }
}
