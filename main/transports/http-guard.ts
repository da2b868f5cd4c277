import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the browser host. It listens on loopback, but any web page the researcher
 * visits can also reach loopback, so each request must prove it comes from Gloss's own page:
 *  - the Host header names 127.0.0.1 or localhost with our port (defeats DNS rebinding);
 *  - a browser's Origin, when sent, is our own (defeats cross-site fetches and forms);
 *  - it carries the per-run token, as a cookie set from the printed link or as a Bearer header.
 */
export type Admission =
  | { kind: 'admit' }
  | { kind: 'refuse'; status: 401 | 403; message: string }
  /** A valid link token: store it in a cookie and drop it from the address. */
  | { kind: 'set-cookie'; location: string; cookie: string };

export interface AccessGuard {
  readonly token: string;
  readonly cookieName: string;
  admit(req: IncomingMessage): Admission;
}

/** 32 random bytes, hex: what the printed link carries. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares in constant time; hashing first makes the lengths equal without revealing them. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createAccessGuard(port: number, token: string = newToken()): AccessGuard {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  // Cookies are shared by every port of a host; naming it after the port lets two hosts coexist.
  const cookieName = `gloss-token-${port}`;

  return {
    token,
    cookieName,
    admit(req) {
      const host = req.headers.host?.toLowerCase();
      if (host === undefined || !hosts.has(host)) {
        return { kind: 'refuse', status: 403, message: 'Gloss answers only at 127.0.0.1 or localhost.' };
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        return { kind: 'refuse', status: 403, message: 'Gloss does not answer requests from other sites.' };
      }

      const { path, params } = splitTarget(req.url ?? '/');
      const linkToken = params.get('token');
      if (req.method === 'GET' && linkToken !== null) {
        if (!tokensMatch(linkToken, token)) {
          return {
            kind: 'refuse',
            status: 401,
            message: 'This Gloss link has expired. Use the link Gloss printed when it started.',
          };
        }
        params.delete('token');
        const query = params.toString();
        return {
          kind: 'set-cookie',
          location: `${safeRedirectPath(path)}${query ? `?${query}` : ''}`,
          cookie: `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        };
      }

      if (tokensMatch(bearerToken(req), token) || tokensMatch(cookieValue(req, cookieName), token)) {
        return { kind: 'admit' };
      }
      return {
        kind: 'refuse',
        status: 401,
        message: 'Not signed in. Open the link (with ?token=…) that Gloss printed when it started.',
      };
    },
  };
}

function splitTarget(target: string): { path: string; params: URLSearchParams } {
  const mark = target.indexOf('?');
  return mark === -1
    ? { path: target, params: new URLSearchParams() }
    : { path: target.slice(0, mark), params: new URLSearchParams(target.slice(mark + 1)) };
}

/** "//evil.example" in a Location header would leave the site; such paths go to "/" instead. */
function safeRedirectPath(path: string): string {
  return /^\/(?![/\\])/.test(path) ? path : '/';
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
