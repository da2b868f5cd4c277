import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ApiErrorCode, errorEnvelope } from '../../shared/api-error';
import { isOperationName } from '../../shared/operations';
import type { Dispatch } from '../api/dispatch';
import { type ApiEventSource, openEventStream } from './event-stream';
import { type AccessGuard, createAccessGuard } from './http-guard';
import { applySecurityHeaders, sendJson, sendText } from './http-replies';
import { bodyLimitFor, readJsonBody } from './json-body';
import { openStaticFiles } from './static-files';

/** The only address the browser host listens on: reachable from this computer alone. */
export const LOOPBACK = '127.0.0.1';

export interface BrowserHostOptions {
  /** Where notices (projectOpened…) come from: the Gloss service. */
  service: ApiEventSource;
  /** The validating boundary from main/api/dispatch.ts; the host adds no logic of its own. */
  dispatch: Dispatch;
  /** The built renderer; defaults to dist/renderer of the Gloss checkout or package. */
  rendererDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only 127.0.0.1 is accepted; the option exists so a wrong value fails loudly. */
  host?: string;
  /** Failures that are not the caller's fault; the answer itself never carries details. */
  onError?: (error: unknown) => void;
}

export interface BrowserHost {
  /** The link to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  token: string;
  port: number;
  address: AddressInfo;
  close(): Promise<void>;
}

/**
 * Serves the Gloss screens and the API over HTTP on loopback, for working in a browser.
 * Every request passes the guard (Host, Origin, token) before anything else looks at it;
 * API calls go through `dispatch`, so the browser is one more transport of the same contract.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) {
    throw new Error(
      `The browser host listens on ${LOOPBACK} only (asked for ${host}): it must not be reachable from other computers.`,
    );
  }
  const onError = options.onError ?? ((error: unknown) => console.error('Gloss browser host:', error));
  const files = await openStaticFiles(options.rendererDir ?? defaultRendererDir());
  const streams = new Set<() => void>();
  let guard: AccessGuard | undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) sendText(res, 500, 'Gloss could not answer this request.');
      else res.destroy();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    if (!guard) return sendText(res, 503, 'Gloss is starting.');
    const admission = guard.admit(req);
    if (admission.kind === 'refuse') {
      const challenge: Record<string, string> =
        admission.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      return sendText(res, admission.status, admission.message, challenge);
    }
    if (admission.kind === 'set-cookie') {
      res.writeHead(303, {
        Location: admission.location,
        'Set-Cookie': admission.cookie,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const path = pathOf(req.url);
    if (path === '/api/events') return serveEvents(req, res);
    if (path === '/api' || path.startsWith('/api/')) return serveApiCall(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Only GET and HEAD are answered here.', { Allow: 'GET, HEAD' });
    }
    return files.serve(req, res, path);
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET')
      return sendText(res, 405, 'The event stream is read with GET.', { Allow: 'GET' });
    const end = openEventStream(req, res, options.service);
    streams.add(end);
    res.on('close', () => streams.delete(end));
  };

  /**
   * One API call. The host's own refusals (no such operation, wrong method or content type, a
   * body too large or not JSON) keep their HTTP statuses, with an error envelope the page's client
   * can still read; whatever dispatch answers, errors included, is an answer and goes out as 200,
   * so a harmless race (an article renamed while the page asks for it) logs nothing in the browser.
   */
  const serveApiCall = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const operation = /^\/api\/([A-Za-z]+)$/.exec(path)?.[1];
    if (operation === undefined || !isOperationName(operation))
      return refuse(res, 404, 'not-found', `No API operation at ${path}`);
    if (req.method !== 'POST') {
      return refuse(res, 405, 'bad-request', `API operations are called with POST, not ${req.method}`, {
        Allow: 'POST',
      });
    }
    if (!isJson(req.headers['content-type'])) {
      return refuse(res, 415, 'bad-request', 'API requests must be sent as Content-Type: application/json');
    }
    const limit = bodyLimitFor(operation);
    const body = await readJsonBody(req, limit);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      if (body.reason === 'too-large') {
        // The rest of the body is not read; closing the connection discards it.
        return refuse(
          res,
          413,
          'bad-request',
          `The request is larger than ${Math.round(limit / 1024 / 1024)} MB`,
          { Connection: 'close' },
        );
      }
      return refuse(res, 400, 'bad-request', 'The request body is not valid JSON');
    }
    return sendJson(res, 200, await options.dispatch(operation, body.value));
  };

  const address = await listen(server, options.port ?? 0);
  guard = createAccessGuard(address.port);
  const origin = `http://${LOOPBACK}:${address.port}`;

  return {
    url: `${origin}/?token=${guard.token}`,
    origin,
    token: guard.token,
    port: address.port,
    address,
    close: () =>
      new Promise<void>((done) => {
        for (const end of streams) end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A refusal of the host itself: its HTTP status, and the envelope the page's client reads. */
function refuse(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, errorEnvelope(code, message));
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The path of a request target as sent, still percent-encoded and not normalised. */
function pathOf(target: string | undefined): string {
  return (target ?? '/').split('?')[0] ?? '/';
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use. Choose another port, or give none to let Gloss pick a free one.`,
            )
          : error,
      );
    server.once('error', fail);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', fail);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * dist/renderer beside the nearest package.json above this file. Walking up works from
 * main/transports/ (tsx, tests) and from a bundled dist/ file alike.
 */
export function defaultRendererDir(): string {
  let dir = moduleDir();
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'renderer');
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'dist', 'renderer');
    dir = parent;
  }
}

function moduleDir(): string {
  // import.meta.url is empty when a bundler turns this module into CommonJS.
  const url: string | undefined = import.meta.url;
  if (url) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}
