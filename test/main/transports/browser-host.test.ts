import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../../../main/transports/browser-host';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../../main/transports/security-headers';
import { rawRequest } from '../../support/http';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const SECRET = 'TOP SECRET: outside the renderer folder';

let project: TempProject;
let staging: string;
let rendererDir: string;
let service: GlossService;
let host: BrowserHost;

beforeAll(async () => {
  project = await makeTempProject({
    'tiktok.txt': 'TikTok deal\n\nByteDance and Microsoft talked.\n',
    'news/cafe.txt': 'Café 😀 ByteDance\n\nA second paragraph.\n',
  });
  // A fake built renderer, with a secret beside it and a dot-file inside it.
  staging = await mkdtemp(join(tmpdir(), 'gloss-renderer-'));
  rendererDir = join(staging, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(rendererDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(rendererDir, '.env'), SECRET);
  await writeFile(join(staging, 'secret.txt'), SECRET);

  service = createGlossService({ annotator: 'tester', allowOpenProject: false });
  await service.open(project.path);
  host = await startBrowserHost({ service, dispatch: createDispatch(service, () => {}), rendererDir });
});

afterAll(async () => {
  await host?.close();
  await project?.cleanup();
  if (staging) await rm(staging, { recursive: true, force: true });
});

const bearer = () => ({ Authorization: `Bearer ${host.token}` });
const json = { 'Content-Type': 'application/json' };
const call = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest({
    port: host.port,
    method: 'POST',
    path: `/api/${operation}`,
    headers: { ...bearer(), ...json, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('binding', () => {
  it('listens on 127.0.0.1 only, at a random port, and prints a link with the token', () => {
    expect(host.address.address).toBe('127.0.0.1');
    expect(host.port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
  });

  it('refuses any other bind address', async () => {
    await expect(
      startBrowserHost({
        service,
        dispatch: async () => ({ ok: true, result: null }),
        rendererDir,
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('cannot be reached through another interface of this computer', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((net) => net && net.family === 'IPv4' && !net.internal);
    if (!external) return; // a machine with loopback only has nothing else to try
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const req = httpRequest({ host: external.address, port: host.port, path: '/', timeout: 2000 }, () =>
        resolve(undefined),
      );
      req.on('error', resolve);
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.end();
    });
    expect(error?.code).toMatch(/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/);
  });

  it('says so when the port asked for is taken', async () => {
    await expect(
      startBrowserHost({
        service,
        dispatch: async () => ({ ok: true, result: null }),
        rendererDir,
        port: host.port,
      }),
    ).rejects.toThrow(`Port ${host.port} is already in use`);
  });

  it('refuses to start without a built renderer', async () => {
    await expect(
      startBrowserHost({
        service,
        dispatch: async () => ({ ok: true, result: null }),
        rendererDir: join(staging, 'nothing'),
      }),
    ).rejects.toThrow(/npm run build/);
  });
});

describe('the token', () => {
  it('is required for pages and API calls alike', async () => {
    const page = await rawRequest({ port: host.port, path: '/' });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/plain/);
    expect(page.body).toMatch(/link .*Gloss printed/);
    const api = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/listDocuments',
      headers: json,
      body: '{}',
    });
    expect(api.status).toBe(401);
    const events = await rawRequest({ port: host.port, path: '/api/events' });
    expect(events.status).toBe(401);
  });

  it('refuses a wrong token wherever it is carried', async () => {
    const wrong = 'a'.repeat(64);
    expect((await call('listDocuments', {}, { Authorization: `Bearer ${wrong}` })).status).toBe(401);
    const cookie = { Cookie: `gloss-token-${host.port}=${wrong}` };
    expect((await rawRequest({ port: host.port, path: '/', headers: cookie })).status).toBe(401);
    expect((await rawRequest({ port: host.port, path: `/?token=${wrong}` })).status).toBe(401);
    expect((await rawRequest({ port: host.port, path: '/?token=' })).status).toBe(401);
  });

  it('moves from the link into an HttpOnly, SameSite=Strict cookie, and the cookie then works', async () => {
    const link = await rawRequest({ port: host.port, path: `/?token=${host.token}` });
    expect(link.status).toBe(303);
    expect(link.headers.location).toBe('/');
    const setCookie = link.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`gloss-token-${host.port}=${host.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = setCookie.split(';')[0] ?? '';
    const page = await rawRequest({ port: host.port, path: '/', headers: { Cookie: `other=1; ${cookie}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Gloss</title>');
    const api = await call('listDocuments', {}, { Authorization: '', Cookie: cookie });
    expect(api.status).toBe(200);
  });

  it('keeps the rest of the address when dropping the token, but never redirects off the site', async () => {
    const deep = await rawRequest({ port: host.port, path: `/documents?token=${host.token}&doc=a.txt` });
    expect(deep.headers.location).toBe('/documents?doc=a.txt');
    const offsite = await rawRequest({ port: host.port, path: `//evil.example/?token=${host.token}` });
    expect(offsite.headers.location).toBe('/');
  });
});

describe('DNS rebinding and other sites', () => {
  it('refuses a Host header that is not 127.0.0.1 or localhost with the port, before checking anything else', async () => {
    for (const Host of [
      `evil.example:${host.port}`,
      '127.0.0.1',
      `127.0.0.1:${host.port + 1}`,
      `localhost.evil.example:${host.port}`,
    ]) {
      const res = await rawRequest({
        port: host.port,
        path: `/?token=${host.token}`,
        headers: { ...bearer(), Host },
      });
      expect(res.status, Host).toBe(403);
    }
    const localhost = await call('listDocuments', {}, { Host: `localhost:${host.port}` });
    expect(localhost.status).toBe(200);
  });

  it('refuses requests that a page of another origin sends', async () => {
    for (const Origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      `https://127.0.0.1:${host.port}`,
    ]) {
      const res = await call('listDocuments', {}, { Origin });
      expect(res.status, Origin).toBe(403);
      expect(res.body).not.toContain('tiktok');
    }
    const own = await call('listDocuments', {}, { Origin: host.origin });
    expect(own.status).toBe(200);
  });
});

describe('the API', () => {
  it('answers a call with a Bearer token with the result envelope', async () => {
    const res = await call('listDocuments', {});
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const envelope = JSON.parse(res.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.result.documents.map((d: { key: string }) => d.key)).toEqual([
      'news/cafe.txt',
      'tiktok.txt',
    ]);
  });

  it('answers API errors as envelopes with status 200, so the browser logs no failed request', async () => {
    const traversal = await call('getDocument', { key: '../secret.txt' });
    expect(traversal.status).toBe(200);
    expect(traversal.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(traversal.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const missing = await call('getDocument', { key: 'nope.txt' });
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.body)).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nope.txt') },
    });

    const invalid = await call('setDocumentStatus', { key: 'tiktok.txt', status: 'finished' });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps HTTP statuses for its own refusals, each with an envelope the page can read', async () => {
    const malformed = await call('listDocuments', '{"oops":');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'The request body is not valid JSON' },
    });

    const unknown = await call('dropDatabase', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No API operation at /api/dropDatabase' },
    });
  });

  it('accepts only POST with a JSON content type', async () => {
    const get = await rawRequest({ port: host.port, path: '/api/listDocuments', headers: bearer() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(JSON.parse(get.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // A form post is what a foreign page could send without a preflight.
    const form = await call('listDocuments', '{}', { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const nested = await call('listDocuments/x', {});
    expect(nested.status).toBe(404);
    expect(JSON.parse(nested.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses bodies over 1 MB', async () => {
    const big = JSON.stringify({ key: 'tiktok.txt', note: 'x'.repeat(1024 * 1024) });
    const res = await call('setDocumentNote', big);
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // Without a Content-Length the host counts as it reads, and stops at the limit.
    const streamed = await call('setDocumentNote', big, { 'Transfer-Encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    expect((await call('getDocument', { key: 'tiktok.txt' })).body).toContain('"note":""');
  });

  it('takes files for import up to 64 MB, and checks them before writing', async () => {
    // 2 MB of text that is no JSONL: over the usual limit, read in full, refused as input.
    const files = [{ path: 'big.jsonl', data: Buffer.from('x'.repeat(2 * 1024 * 1024)).toString('base64') }];
    const res = await call('importFiles', { format: 'jsonl', into: 'imported', files });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      result: { ok: false, problems: [{ file: 'big.jsonl' }] },
    });
    const outside = await call('importFiles', { format: 'jsonl', into: '../elsewhere', files });
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('forbids opening another folder from the page', async () => {
    const res = await call('openProject', { path: tmpdir() });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('streams notices as Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: bearer(), agent: false },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('\n\n') && text.includes(': connected')) void service.open(project.path);
            const data = /^data: (.*)$/m.exec(text);
            if (data?.[1]) {
              req.destroy();
              resolve(data[1]);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const event = JSON.parse(await received);
    expect(event.type).toBe('projectOpened');
    expect(event.payload.root).toBe(service.project?.root);
  });
});

describe('static files', () => {
  const get = (path: string, method = 'GET') =>
    rawRequest({ port: host.port, path, method, headers: bearer() });

  it('serves the built files with their content types', async () => {
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/icon.svg')).headers['content-type']).toBe('image/svg+xml');
    const index = await get('/index.html');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('falls back to index.html for the pages of the app, but not for missing files', async () => {
    expect((await get('/')).body).toContain('<title>Gloss</title>');
    expect((await get('/documents/tiktok')).body).toContain('<title>Gloss</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const head = await get('/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log(1);'.length));
    expect(head.body).toBe('');
  });

  it('serves nothing outside the renderer folder, and no dot-files', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/.env',
      '/%2eenv',
      '/assets/%00.js',
      '/%E0%A4%A',
      '/../../package.json',
      `/${'../'.repeat(12)}etc/passwd`,
    ];
    for (const path of attempts) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('TOP SECRET');
    }
  });

  it('lists no directories', async () => {
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/assets//app.js')).status).toBe(404);
  });

  it('answers other methods with 405', async () => {
    const res = await rawRequest({
      port: host.port,
      path: '/index.html',
      method: 'DELETE',
      headers: bearer(),
    });
    expect(res.status).toBe(405);
  });
});

describe('every answer', () => {
  it('carries the security headers, refusals included', async () => {
    const answers = [
      await rawRequest({ port: host.port, path: '/' }),
      await rawRequest({ port: host.port, path: '/', headers: { Host: 'evil.example' } }),
      await rawRequest({ port: host.port, path: `/?token=${host.token}` }),
      await rawRequest({ port: host.port, path: '/', headers: bearer() }),
      await rawRequest({ port: host.port, path: '/nope.png', headers: bearer() }),
      await call('listDocuments', {}),
    ];
    for (const res of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name.toLowerCase()], `${res.status} ${name}`).toBe(value);
      }
    }
  });

  it('never carries a stack trace', async () => {
    const failing = await startBrowserHost({
      service,
      dispatch: async () => {
        throw new Error('secret internals at /home/someone/gloss.ts:12');
      },
      rendererDir,
      onError: () => {},
    });
    try {
      const res = await rawRequest({
        port: failing.port,
        method: 'POST',
        path: '/api/listDocuments',
        headers: { Authorization: `Bearer ${failing.token}`, ...json },
        body: '{}',
      });
      expect(res.status).toBe(500);
      expect(res.body).not.toMatch(/secret internals|gloss\.ts|at /);
    } finally {
      await failing.close();
    }
  });
});

describe('the renderer page', () => {
  it('states the same content security policy as the host sends, less what a <meta> cannot carry', async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
