import type { Page } from 'playwright-core';

/** Viewport boxes of the first occurrence of `quote` in the article: its first and last characters. */
export function boxesOf(page: Page, quote: string) {
  return page.evaluate((quote) => {
    for (const p of document.querySelectorAll<HTMLElement>('[aria-label="Article text"] [data-start]')) {
      const node = p.firstChild;
      const at = node?.textContent?.indexOf(quote) ?? -1;
      if (!node || at < 0) continue;
      const box = (from: number) => {
        const range = new Range();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getBoundingClientRect();
        return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      };
      box(at);
      return { first: box(at), last: box(at + quote.length - 1), offset: Number(p.dataset.start) + at };
    }
    throw new Error(`“${quote}” is not in the article`);
  }, quote);
}

/** Selects the first occurrence of `quote` with a real mouse drag, from its first to its last character. */
export async function dragOver(page: Page, quote: string): Promise<void> {
  const { first, last } = await boxesOf(page, quote);
  const y = (box: { top: number; bottom: number }) => (box.top + box.bottom) / 2;
  await page.mouse.move(first.left + 1, y(first));
  await page.mouse.down();
  await page.mouse.move((first.left + last.right) / 2, y(last), { steps: 4 });
  await page.mouse.move(last.right - 1, y(last), { steps: 4 });
  await page.mouse.up();
}

/**
 * Chooses the first document whose list entry matches `title`, and waits for its text (for
 * `showing` in it, when given).
 */
export async function openArticle(page: Page, title: RegExp, showing?: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Documents' })
    .getByRole('button', { name: title })
    .first()
    .click();
  const text = page.getByRole('region', { name: 'Article text' });
  await (showing ? text.getByText(showing) : text).waitFor();
}
