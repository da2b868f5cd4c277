import type { GlossBridge, Transport } from '../../../shared/api-client';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import './electron-bridge';
import { httpTransport } from './http-transport';

/** The Electron preload's bridge when the screens run in the desktop app, else HTTP to the browser host. */
export function pickTransport(bridge: GlossBridge | undefined = window.gloss): Transport {
  if (!bridge) return httpTransport();
  return {
    call: (operation, request) => bridge.call(operation, request),
    subscribe: (listener) => bridge.subscribe(listener),
  };
}

/** The one API client of the screens; nothing else in the renderer knows which transport carries it. */
export function createGlossClient(transport: Transport = pickTransport()): GlossClient {
  return createApiClient(transport);
}
