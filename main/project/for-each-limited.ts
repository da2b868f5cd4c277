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
