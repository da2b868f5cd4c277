import type { ApiEvent } from '../../shared/api';
import type { Transport } from '../../shared/api-client';
import type { Dispatch } from '../api/dispatch';

/**
 * Calls the dispatcher directly, for tests and the CLI. Requests and answers are cloned
 * the way IPC and HTTP would serialise them, so no caller can share objects with the service.
 */
export function inProcessTransport(
  dispatch: Dispatch,
  events?: { subscribe(listener: (event: ApiEvent) => void): () => void },
): Transport {
  return {
    async call(operation, request) {
      return structuredClone(await dispatch(operation, structuredClone(request)));
    },
    subscribe: events
      ? (listener) => events.subscribe((event) => listener(structuredClone(event)))
      : undefined,
  };
}
