import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendText } from './http-replies';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * What a URL path names inside the renderer folder. Pure, so the rules are easy to test:
 * paths are decoded once, and any "." or ".." part, dot-file, backslash or NUL is refused
 * rather than normalised, so nothing outside the folder (or hidden in it) can be reached.
 */
export type StaticTarget =
  | { kind: 'index' }
  | {
      kind: 'file';
      path: string /** The SPA's own routes have no extension and fall back to index.html. */;
      fallback: boolean;
    }
  | { kind: 'refuse' };

export function resolveStaticPath(root: string, urlPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refuse' };
  }
  if (decoded === '/' || decoded === '') return { kind: 'index' };
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return { kind: 'refuse' };
  const parts = decoded.slice(1).split('/');
  // An empty part is a trailing or doubled slash: a directory, and directories are not listed.
  if (parts.some((part) => part === '' || part.startsWith('.'))) return { kind: 'refuse' };
  const path = resolve(root, ...parts);
  if (!path.startsWith(root + sep)) return { kind: 'refuse' };
  return { kind: 'file', path, fallback: extname(parts[parts.length - 1] ?? '') === '' };
}

export interface StaticFiles {
  readonly root: string;
  /** Answers a GET or HEAD for `urlPath` (the request path without its query). */
  serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void>;
}

/** Serves the built renderer. Refuses to start without its index.html, with a message saying how to build it. */
export async function openStaticFiles(rendererDir: string): Promise<StaticFiles> {
  let root: string;
  try {
    root = await realpath(rendererDir);
  } catch {
    throw new Error(`The Gloss screens are not built (no folder ${rendererDir}). Run "npm run build" first.`);
  }
  const indexPath = join(root, 'index.html');
  if (!(await statOrUndefined(indexPath))?.isFile()) {
    throw new Error(`The Gloss screens are not built (no ${indexPath}). Run "npm run build" first.`);
  }

  const sendFile = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    info: Stats,
  ): Promise<void> => {
    res.writeHead(200, {
      'Content-Type': contentTypeOf(path),
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(path);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', done);
      stream.pipe(res);
    });
  };

  const notFound = (res: ServerResponse) => sendText(res, 404, 'Not found.');

  return {
    root,
    async serve(req, res, urlPath) {
      const target = resolveStaticPath(root, urlPath);
      if (target.kind === 'refuse') return notFound(res);
      if (target.kind === 'file') {
        const info = await statOrUndefined(target.path);
        if (info?.isFile()) {
          // A link inside the folder must not lead out of it.
          const real = await realpath(target.path);
          if (!real.startsWith(root + sep)) return notFound(res);
          return sendFile(req, res, real, info);
        }
        if (info || !target.fallback) return notFound(res);
      }
      const index = await statOrUndefined(indexPath);
      if (!index?.isFile()) return sendText(res, 503, 'The Gloss screens are missing. Run "npm run build".');
      return sendFile(req, res, indexPath, index);
    },
  };
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}
