import type { ApiEvent } from '../../../shared/api';
import type { Transport } from '../../../shared/api-client';
import { type ApiEnvelope, errorEnvelope } from '../../../shared/api-error';

/**
 * The API over the browser host (main/transports/browser-host.ts): POST /api/<operation>
 * answered with the envelope (status 200, API errors included; the host's own refusals keep
 * their HTTP status and still carry an envelope), and notices as Server-Sent Events from /api/events.
 * The token travels in the host's HttpOnly cookie, so nothing here handles it.
 */
export function httpTransport(base = '/api/'): Transport {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;

  return {
    async call(operation, request) {
      try {
        const response = await fetch(base + operation, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          credentials: 'same-origin',
        });
        if (response.headers.get('Content-Type')?.startsWith('application/json')) {
          return (await response.json()) as ApiEnvelope<unknown>;
        }
        // The host's own refusals (expired sign-in, wrong address) are short plain text.
        const message =
          (await response.text()).trim() || `Gloss answered ${response.status} ${response.statusText}`;
        return errorEnvelope(
          response.status === 401 || response.status === 403 ? 'forbidden' : 'io',
          message,
        );
      } catch (error) {
        return errorEnvelope(
          'io',
          `Gloss could not be reached (${error instanceof Error ? error.message : String(error)}). Is it still running?`,
        );
      }
    },

    // One EventSource for all listeners, open while anyone listens; it reconnects by itself.
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`${base}events`);
        source.onmessage = (message: MessageEvent<string>) => {
          const event = parseEvent(message.data);
          if (event) for (const each of listeners) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}

function parseEvent(data: string): ApiEvent | undefined {
  try {
    const event = JSON.parse(data) as ApiEvent;
    return typeof event?.type === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}
