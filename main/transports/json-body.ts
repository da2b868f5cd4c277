import type { IncomingMessage } from 'node:http';

/** No API request comes near this; a larger body is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Files sent for import (base64) are the one request that can be large. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** How large a request to `operation` may be. */
export function bodyLimitFor(operation: string): number {
  return operation === 'importFiles' ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
}

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'too-large' | 'malformed' | 'aborted' };

/** Reads a JSON request body, stopping as soon as it passes `limit` bytes. */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, reason: 'too-large' });

  return new Promise((settle) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      settle(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the rest; the caller answers 413 and closes the connection.
        chunks.length = 0;
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('aborted', () => finish({ ok: false, reason: 'aborted' }));
    req.on('end', () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        finish({ ok: false, reason: 'malformed' });
      }
    });
  });
}
