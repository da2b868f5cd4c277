import type { GlossBridge } from '../../../shared/api-client';

// The Electron preload exposes the bridge as `window.gloss`; the browser host has none.
declare global {
  interface Window {
    gloss?: GlossBridge;
  }
}
