import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** Presses a button that downloads a file, and gives the file's suggested name and its text (UTF-8). */
export async function downloadFrom(page: Page, button: Locator): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { file: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}
