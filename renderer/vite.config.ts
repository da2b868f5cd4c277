import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the screens into dist/renderer. Relative asset paths (base './') let the same files
 * load from the browser host (http://127.0.0.1:PORT/) and from the Electron shell's protocol.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium (browser and Electron) preloads modules natively; the polyfill is dead weight.
    modulePreload: { polyfill: false },
  },
});
