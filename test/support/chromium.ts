import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium; CI installs it with `apt-get install -y chromium`. */
export const CHROMIUM_PATH = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium, quiet: no sandbox (containers), no GPU, no background traffic. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set GLOSS_CHROMIUM).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
