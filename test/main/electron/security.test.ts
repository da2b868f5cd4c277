/**
 * Static checks of the desktop shell's security settings: Electron cannot be launched on the
 * machines that run these tests, so the sources (and the built preload) are read as text.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/transports/security-headers';
import { requireBuilt } from '../../support/renderer-build';

const root = resolve(__dirname, '../../..');
const shellDir = join(root, 'main', 'electron');

async function sourceFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const read = (file: string) => readFile(join(shellDir, file), 'utf8');

/** The source without comments, so a comment cannot satisfy a check. */
async function code(file: string): Promise<string> {
  return (await read(file)).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

const importsElectron = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[a-z]+)?['"]/;

describe('the app window', () => {
  it('is sandboxed, context-isolated, without Node, webviews or insecure content', async () => {
    const source = await code('app-window.ts');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'webviewTag: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'preload: preloadFile',
    ]) {
      expect(source, setting).toContain(setting);
    }
    expect(source).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('loads the app origin', async () => {
    // The same page, with `?tour` on the sample project's first start.
    expect(await code('app-window.ts')).toMatch(
      /\.loadURL\(tour \? `\$\{APP_ENTRY_URL\}\?tour` : APP_ENTRY_URL\)/,
    );
    expect(await code('app-origin.ts')).toMatch(
      /APP_ENTRY_URL = `\$\{APP_SCHEME\}:\/\/\$\{APP_HOST\}\/index\.html`/,
    );
  });
});

describe('every web contents', () => {
  it('refuses navigation and redirects off the app origin, pop-ups and webviews', async () => {
    const source = await code('content-guards.ts');
    expect(source).toMatch(
      /on\('will-navigate',[\s\S]*?if \(!isAppUrl\(event\.url\)\) event\.preventDefault\(\)/,
    );
    expect(source).toMatch(
      /on\('will-redirect',[\s\S]*?if \(!isAppUrl\(event\.url\)\) event\.preventDefault\(\)/,
    );
    expect(source).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(source).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(source).toContain(
      "app.on('web-contents-created', (_event, contents) => guardWebContents(contents))",
    );
  });

  it('is granted no permission', async () => {
    const source = await code('content-guards.ts');
    expect(source).toContain(
      'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))',
    );
    expect(source).toContain('setPermissionCheckHandler(() => false)');
  });

  it('main.ts installs the guards, the sandbox and the single-instance lock', async () => {
    const source = await code('main.ts');
    expect(source).toContain('app.enableSandbox()');
    expect(source).toContain('app.requestSingleInstanceLock()');
    expect(source).toContain('guardEveryWebContents(app)');
    expect(source).toContain('denyAllPermissions(session.defaultSession)');
    // The window serves the project the shell opens; the page cannot open another folder.
    expect(source).toMatch(/createGlossService\(\{ allowOpenProject: false[,}]/);
  });
});

describe('IPC', () => {
  it('only ipc.ts touches ipcMain, and only preload.ts touches ipcRenderer', async () => {
    for (const file of await sourceFiles(shellDir)) {
      const name = relative(shellDir, file);
      const source = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      if (name !== 'ipc.ts') expect(source, name).not.toMatch(/\bipcMain\b/);
      if (name !== 'preload.ts') expect(source, name).not.toMatch(/\bipcRenderer\b/);
    }
  });

  it('checks the sender before dispatching', async () => {
    const source = await code('ipc.ts');
    const check = source.indexOf('if (!isTrustedSender(event, getWindow()))');
    const dispatch = source.indexOf('return dispatch(operation, request)');
    expect(check).toBeGreaterThan(-1);
    expect(dispatch).toBeGreaterThan(check);
    expect(source).toContain("typeof operation !== 'string'");
    expect(source).toContain('event.sender !== window.webContents');
    expect(source).toContain('frame.parent !== null');
    expect(source).toContain('isAppUrl(frame.url)');
    // handle() only: no fire-and-forget channels from the page.
    expect(source).not.toMatch(/ipcMain\.(on|once)\(/);
  });

  it('the preload exposes window.gloss only, never ipcRenderer itself', async () => {
    const source = await code('preload.ts');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("contextBridge.exposeInMainWorld('gloss', bridge)");
    // Outside the import, ipcRenderer is only ever called (ipcRenderer.x), never passed or returned.
    expect(source.replace(/^import [^;]+;/gm, '')).not.toMatch(/\bipcRenderer\b(?!\.)/);
    expect(source).toMatch(/ipcRenderer\.invoke\(IPC_CALL_CHANNEL, operation, request\)/);
  });
});

describe('the renderer protocol', () => {
  it('sends the agreed CSP, the one the browser host sends', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(await code('renderer-files.ts')).toMatch(/headers: \{ \.\.\.SECURITY_HEADERS,/);
  });

  it('registers gloss as a standard, secure scheme with fetch but without CORS or CSP bypass', async () => {
    const source = await code('app-protocol.ts');
    expect(source).toContain('privileges: { standard: true, secure: true, supportFetchAPI: true }');
    expect(source).not.toMatch(/bypassCSP|corsEnabled/);
    expect(source).toContain(
      'protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request))',
    );
  });
});

describe('the electron boundary', () => {
  it('no file outside main/electron imports electron', async () => {
    const files = (
      await Promise.all(['shared', 'main', 'renderer', 'bin'].map((dir) => sourceFiles(join(root, dir))))
    ).flat();
    const offenders: string[] = [];
    for (const file of files) {
      if (!relative(shellDir, file).startsWith('..')) continue;
      if (importsElectron.test(await readFile(file, 'utf8'))) offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });

  it('the import check recognises the ways of importing electron', () => {
    expect(importsElectron.test("import { app } from 'electron';")).toBe(true);
    expect(importsElectron.test("import type { App } from 'electron/main';")).toBe(true);
    expect(importsElectron.test("const { app } = require('electron');")).toBe(true);
    expect(importsElectron.test("await import('electron')")).toBe(true);
    expect(importsElectron.test("import 'electron';")).toBe(true);
    expect(importsElectron.test("import { x } from 'electron-builder';")).toBe(false);
  });

  it('recent-projects.ts, menu.ts and the other pure helpers use Electron for types at most', async () => {
    for (const file of [
      'recent-projects.ts',
      'menu.ts',
      'renderer-files.ts',
      'command-line.ts',
      'app-paths.ts',
    ]) {
      const source = await read(file);
      expect(source.replace(/import type [^;]+;/g, ''), file).not.toMatch(importsElectron);
    }
  });
});

describe('the built preload', () => {
  const preload = join(root, 'dist', 'electron', 'preload.cjs');

  it('requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const bundle = await readFile(requireBuilt(preload), 'utf8');
    const required = [...bundle.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(bundle).not.toMatch(/\bimport\s*\(|\bimport\s+[\w{*]/);
  });
});
