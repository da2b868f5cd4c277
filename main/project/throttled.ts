/** How often a long run over the documents reports its progress at most. */
export const REPORT_EVERY_MS = 200;

/**
 * `report`, called at most once every REPORT_EVERY_MS unless `force`d (a run's first and last
 * word): a long run over thousands of documents tells the screens a few times a second, not once
 * a document.
 */
export function throttled<T>(report: (value: T) => void): (value: T, force?: boolean) => void {
  let reported = Number.NEGATIVE_INFINITY;
  return (value, force = false) => {
    const now = performance.now();
    if (!force && now - reported < REPORT_EVERY_MS) return;
    reported = now;
    report(value);
  };
}
