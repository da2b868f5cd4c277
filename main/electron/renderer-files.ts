import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SECURITY_HEADERS } from '../transports/security-headers';
import { contentTypeOf, resolveStaticPath } from '../transports/static-files';
import { isAppUrl } from './app-origin';

/**
 * Answers one request to gloss://app/ from the renderer build, with the same path rules,
 * content types and security headers (CSP included) as the browser host: both serve the
 * same files, so they share main/transports/static-files.ts and security-headers.ts.
 * Works on Node's own Request/Response, so it is tested without Electron.
 */
export async function serveRendererFile(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
  const file = resolveRendererFile(rendererDir, request.url);
  if (!file) return plainResponse(404, 'Not found');
  let body: Buffer | undefined;
  try {
    body = await readFile(file.path);
  } catch (error) {
    // The screens' own routes (no extension, no such file) get index.html, as on the browser host.
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && file.fallback)
      body = await readFile(join(resolve(rendererDir), 'index.html')).catch(() => undefined);
  }
  if (!body) return plainResponse(404, 'Not found');
  const type = contentTypeOf(file.fallback ? 'index.html' : file.path);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' },
  });
}

/**
 * The file under `rendererDir` that a URL names, or undefined when the URL is not
 * gloss://app/ or its path is refused (dot parts, dot-files, backslashes, NUL, bad escapes).
 * `fallback` is true for extensionless paths, which are the renderer's own routes.
 */
export function resolveRendererFile(
  rendererDir: string,
  url: string,
): { path: string; fallback: boolean } | undefined {
  if (!isAppUrl(url)) return undefined;
  const root = resolve(rendererDir);
  const target = resolveStaticPath(root, new URL(url).pathname);
  if (target.kind === 'index') return { path: join(root, 'index.html'), fallback: false };
  if (target.kind === 'file') return { path: target.path, fallback: target.fallback };
  return undefined;
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}
