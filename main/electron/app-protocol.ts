/**
 * The gloss:// scheme that serves the renderer build. Registered as privileged (a standard,
 * secure origin with fetch) before the app is ready, handled once it is. Not CORS-enabled,
 * so no other origin can read from it.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { serveRendererFile } from './renderer-files';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererDir` on gloss://app/ in the default session (the one the app window uses). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request));
}
