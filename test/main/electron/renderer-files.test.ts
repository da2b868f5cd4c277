import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRendererFile, serveRendererFile } from '../../../main/electron/renderer-files';
import { CONTENT_SECURITY_POLICY } from '../../../main/transports/security-headers';

let base: string;
let rendererDir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'gloss-renderer-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'my file.css'), 'body{}');
  await writeFile(join(rendererDir, '.hidden'), 'hidden');
  // Files beside the renderer folder that no URL may reach.
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'renderer-secret.txt'), 'secret');
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveRendererFile(rendererDir, new Request(url, { method }));

describe('resolveRendererFile', () => {
  it('maps gloss://app/ paths into the renderer folder, "/" to index.html', () => {
    expect(resolveRendererFile(rendererDir, 'gloss://app/')?.path).toBe(join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'gloss://app/index.html')?.path).toBe(
      join(rendererDir, 'index.html'),
    );
    expect(resolveRendererFile(rendererDir, 'gloss://app/assets/my%20file.css')?.path).toBe(
      join(rendererDir, 'assets', 'my file.css'),
    );
    expect(resolveRendererFile(rendererDir, 'gloss://app/index.html?x=1#top')?.path).toBe(
      join(rendererDir, 'index.html'),
    );
  });

  it.each([
    'gloss://app/../secret.txt',
    'gloss://app/%2e%2e/secret.txt',
    'gloss://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'gloss://app/..%2fsecret.txt',
    'gloss://app/..%5csecret.txt',
    'gloss://app/%2e%2e%2frenderer-secret.txt',
  ])('never leaves the renderer folder for %s', (url) => {
    // URL parsing collapses plain and %2e dot segments (the file is then looked up inside the
    // folder and not found); encoded separators are decoded and refused.
    const file = resolveRendererFile(rendererDir, url);
    if (file !== undefined) expect(file.path.startsWith(join(rendererDir, '/'))).toBe(true);
  });

  it.each([
    'gloss://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'gloss://app/..%2fsecret.txt',
    'gloss://app/..%5csecret.txt',
    'gloss://app/%2e%2e%2frenderer-secret.txt',
    'gloss://app/.hidden',
    'gloss://app/index.html%00.js',
    'gloss://app/%E0%A4%A',
    'gloss://other/index.html',
    'gloss://APP/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(rendererDir, url)).toBeUndefined();
  });
});

describe('serveRendererFile', () => {
  it('serves a file with its type and the CSP', async () => {
    const response = await get('gloss://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Gloss</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await get('gloss://app/assets/index-abc.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it("answers the screens' own routes with index.html", async () => {
    const response = await get('gloss://app/documents/some-route');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Gloss</title>');
  });

  it('answers 404 for missing files, folders and anything outside the renderer folder', async () => {
    for (const url of [
      'gloss://app/missing.js',
      'gloss://app/assets',
      'gloss://app/%2e%2e/secret.txt',
      'gloss://app/..%2fsecret.txt',
      'gloss://app/.hidden',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('gloss://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('gloss://app/index.html', 'POST')).status).toBe(405);
  });
});
