import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the screens and the desktop shell. GLOSS_RENDERER_DIR points the
 * browser tests at another build (`vite build --outDir …`), so two builds can be tried side by side.
 */
export const RENDERER_DIR =
  process.env.GLOSS_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
export const ELECTRON_DIR = fileURLToPath(new URL('../../dist/electron', import.meta.url));

/** Fails with the fix spelled out when a build output is missing; `npm test` builds first. */
export function requireBuilt(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first.`);
  return path;
}

export function requireRendererBuild(): string {
  requireBuilt(`${RENDERER_DIR}/index.html`);
  return RENDERER_DIR;
}
