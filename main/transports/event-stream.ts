import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEvent } from '../../shared/api';

/** Where notices come from: the Gloss service, or a fake in tests. */
export interface ApiEventSource {
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

/** Comments keep idle proxies and the browser from dropping the stream. */
const KEEPALIVE_MS = 20_000;

/**
 * Sends notices as Server-Sent Events, one `data: <json>` per event, until the page goes away.
 * Returns the function that ends the stream (used when the host closes).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: ApiEventSource,
  keepaliveMs = KEEPALIVE_MS,
): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // Sent at once so the browser sees the stream open; the retry delay applies if it drops.
  res.write('retry: 2000\n: connected\n\n');

  // JSON.stringify never emits a raw newline, so each event is exactly one data line.
  const unsubscribe = events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), keepaliveMs);
  keepalive.unref();

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(keepalive);
    unsubscribe();
    res.end();
  };
  req.on('close', end);
  res.on('close', end);
  return end;
}
