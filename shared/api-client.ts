import type { ApiEvent, GlossApi } from './api';
import { type ApiEnvelope, ApiError } from './api-error';
import { OPERATION_NAMES, type OperationName } from './operations';

/** What a transport does: carry one call and its envelope, and optionally notices from main. */
export interface Transport {
  call(operation: OperationName, request: unknown): Promise<ApiEnvelope<unknown>>;
  subscribe?(listener: (event: ApiEvent) => void): () => void;
}

/** What the Electron preload exposes as `window.gloss`: a transport with notices. */
export type GlossBridge = Required<Transport>;

export type GlossClient = GlossApi & {
  /** Listen to notices from main; returns the function that stops listening. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
};

/** The one client the renderer, CLI and tests use, whichever transport carries the calls. */
export function createApiClient(transport: Transport): GlossClient {
  const client = {
    subscribe: (listener: (event: ApiEvent) => void) => transport.subscribe?.(listener) ?? (() => {}),
  } as GlossClient;
  for (const name of OPERATION_NAMES) {
    (client as unknown as Record<string, (req: unknown) => Promise<unknown>>)[name] = async (request) => {
      const envelope = await transport.call(name, request ?? {});
      if (envelope.ok) return envelope.result;
      throw ApiError.from(envelope.error);
    };
  }
  return client;
}
