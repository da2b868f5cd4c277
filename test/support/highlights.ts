import type { Page } from 'playwright-core';

/**
 * Every registered CSS highlight of the page, by name, with the text of each of its ranges.
 * The reader registers StaticRanges, which have no toString: each is read through a live Range.
 */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights].map(([name, highlight]) => [
        name,
        [...highlight].map((r) => {
          const live = new Range();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        }),
      ]),
    ),
  );
}
