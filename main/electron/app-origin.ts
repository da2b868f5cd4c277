/**
 * The one origin the Gloss window may show: the renderer build, served by the app's own
 * `gloss://` scheme (see renderer-files.ts). Navigation guards and the IPC sender check
 * both ask `isAppUrl`, so they cannot disagree about what "our page" is.
 */
export const APP_SCHEME = 'gloss';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for `gloss://app/…` only. Compared exactly: `gloss://APP/` or `gloss://app.evil/`
 * are not ours (Chromium lowercases hosts of standard schemes, so a real page never differs).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
