import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the screens. */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** Fails with the fix spelled out when the screens have not been built. */
export function requireRendererBuild(): string {
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    throw new Error(
      `The renderer is not built (${RENDERER_DIR}/index.html is missing). Run "npm run build" first.`,
    );
  }
  return RENDERER_DIR;
}
