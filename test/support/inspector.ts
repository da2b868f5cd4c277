import type { Page } from 'playwright-core';

/** The inspector of the selected annotation, in the side panel. */
export const inspectorOf = (page: Page) =>
  page.getByRole('complementary', { name: 'Side panel' }).getByRole('region', { name: 'Annotation' });

/**
 * Waits until the inspector shows the annotation of `quote` and takes input. The reader marks a
 * clicked annotation at once; the inspector follows in a render of its own, and until then it
 * shows the one selected before (busy): what is typed or clicked there must wait for it.
 */
export async function waitForInspectorOf(page: Page, quote: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (quote) => {
      const frame = document.querySelector('.inspector-frame');
      return (
        frame?.getAttribute('aria-busy') === 'false' &&
        frame.querySelector('.inspector-quote mark')?.textContent === quote
      );
    },
    quote,
    { timeout },
  );
}
