/**
 * What any web content in Gloss may do beyond showing gloss://app/: nothing. No navigation
 * or redirect elsewhere, no new windows, no <webview>, no permission (camera, notifications…).
 * Applied to every webContents as it is created, so a window added later is covered too.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export function guardEveryWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
