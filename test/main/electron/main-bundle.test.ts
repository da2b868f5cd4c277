/**
 * Runs the built shell (dist/electron/main.cjs) under plain Node with a stand-in for the
 * 'electron' module: the Electron binary cannot be downloaded here, but the wiring can be
 * checked end to end — the project opens, the window is made safe, the API answers our page
 * and refuses others, events reach the window, the renderer is served with its CSP.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireBuilt } from '../../support/renderer-build';

const root = resolve(__dirname, '../../..');
const mainBundle = join(root, 'dist', 'electron', 'main.cjs');

type Handler = (...args: unknown[]) => unknown;

/** What the stand-in records about how main.cjs used Electron. */
const electronCalls = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as FakeWindow[],
  menus: [] as unknown[],
  errorBoxes: [] as string[],
  sandboxEnabled: false,
  permissionRequest: undefined as Handler | undefined,
  permissionCheck: undefined as Handler | undefined,
};

class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = [];
  loaded: string[] = [];
  edits: string[] = [];
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  undo() {
    this.edits.push('undo');
  }
  redo() {
    this.edits.push('redo');
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  title: string;
  constructor(readonly options: { title: string; webPreferences: Record<string, unknown> }) {
    super();
    this.title = options.title;
    electronCalls.windows.push(this);
  }
  loadURL(url: string) {
    this.webContents.loaded.push(url);
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

let dir: string;
let appPath: string;
let userData: string;
let otherProject: string;
const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: () => {
    electronCalls.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  quit: vi.fn(),
  exit: vi.fn(),
  getAppPath: () => appPath,
  getPath: (name: string) => (name === 'userData' ? userData : dir),
  getVersion: () => '0.0.0-test',
  whenReady: () => Promise.resolve(),
  isReady: () => true,
});

const fakeElectron = {
  app,
  BrowserWindow: FakeWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electronCalls.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      electronCalls.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Handler) => {
        electronCalls.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: Handler) => {
        electronCalls.permissionCheck = handler;
      },
    },
  },
  ipcMain: {
    handle: (channel: string, handler: Handler) => electronCalls.ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => electronCalls.ipcHandlers.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => electronCalls.menus.push(menu),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => electronCalls.errorBoxes.push(`${title}: ${content}`),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showMessageBox: async () => ({ response: 0 }),
  },
};

const call = (event: unknown, operation: unknown, request: unknown) =>
  electronCalls.ipcHandlers.get('gloss:call')!(event, operation, request) as Promise<{
    ok: boolean;
    result?: { name?: string; root?: string };
    error?: { code: string };
  }>;

describe('the built desktop shell (with a stand-in for Electron)', () => {
  let window: FakeWindow;
  const trusted = () => ({
    sender: window.webContents,
    senderFrame: { url: 'gloss://app/index.html', parent: null },
  });

  beforeAll(async () => {
    requireBuilt(mainBundle);
    dir = await mkdtemp(join(tmpdir(), 'gloss-shell-'));
    appPath = join(dir, 'app');
    userData = join(dir, 'user-data');
    otherProject = join(dir, 'other project');
    await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Gloss</title>');
    await cp(join(root, 'assets', 'sample-project'), join(appPath, 'assets', 'sample-project'), {
      recursive: true,
    });
    await mkdir(otherProject);
    await writeFile(join(otherProject, 'a.txt'), 'An article about figures.');

    const requireFromBundle = createRequire(mainBundle);
    const electronPath = requireFromBundle.resolve('electron');
    const stub = new Module(electronPath);
    stub.filename = electronPath;
    stub.loaded = true;
    stub.exports = fakeElectron;
    requireFromBundle.cache[electronPath] = stub;

    const argv = process.argv;
    process.argv = [process.execPath]; // no folder on the command line: the sample opens
    try {
      requireFromBundle(mainBundle);
      await vi.waitFor(() => expect(electronCalls.windows).toHaveLength(1), { timeout: 20_000 });
    } finally {
      process.argv = argv;
      delete requireFromBundle.cache[electronPath];
    }
    window = electronCalls.windows[0]!;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts sandboxed, with the gloss scheme privileged and one instance', () => {
    expect(electronCalls.sandboxEnabled).toBe(true);
    expect(electronCalls.privilegedSchemes).toEqual([
      { scheme: 'gloss', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electronCalls.errorBoxes).toEqual([]);
  });

  it('opens a copy of the sample project and names it in the title', async () => {
    const sample = join(userData, 'sample-project');
    expect(await readFile(join(sample, 'tiktok-microsoft.txt'), 'utf8')).toMatch(/TikTok/);
    // The shipped sample keeps only its register and codebook: annotations and cache go to the copy.
    expect(readdirSync(join(appPath, 'assets', 'sample-project', '.gloss'))).toEqual(['project.json']);
    expect(existsSync(join(sample, '.gloss', 'project.json'))).toBe(true);
    expect(window.title).toBe('sample-project — Gloss');
    const recent = JSON.parse(await readFile(join(userData, 'recent-projects.json'), 'utf8'));
    expect(recent.projects).toEqual([{ path: sample, name: 'sample-project' }]);
  });

  it('makes a locked-down window on gloss://app/, with the guided tour on the sample’s first start', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    });
    // The copy of the sample was made at this start: the page opens the tour (renderer/src/main.tsx).
    expect(window.webContents.loaded).toEqual(['gloss://app/index.html?tour']);
  });

  it('grants no permission', () => {
    const granted = vi.fn();
    electronCalls.permissionRequest?.(window.webContents, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(electronCalls.permissionCheck?.(window.webContents, 'notifications', 'gloss://app', {})).toBe(
      false,
    );
  });

  it('answers API calls from our page', async () => {
    const answer = await call(trusted(), 'getProject', {});
    expect(answer).toMatchObject({ ok: true, result: { name: 'sample-project' } });
    const documents = await call(trusted(), 'listDocuments', {});
    expect(JSON.stringify(documents)).toContain('tiktok-microsoft.txt');
  });

  it('refuses calls from any other page, frame or webContents', async () => {
    const other = { ...trusted(), senderFrame: { url: 'https://example.com/', parent: null } };
    const frame = { ...trusted(), senderFrame: { url: 'gloss://app/index.html', parent: {} } };
    const stranger = { ...trusted(), sender: new FakeWebContents() };
    const gone = { ...trusted(), senderFrame: null };
    for (const event of [other, frame, stranger, gone]) {
      expect(await call(event, 'getProject', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('leaves request validation to dispatch, and opening folders to the menu', async () => {
    expect(await call(trusted(), 42, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(trusted(), 'nope', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call(trusted(), 'getDocument', { key: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await call(trusted(), 'openProject', { path: otherProject })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const handler = electronCalls.protocolHandlers.get('gloss')!;
    const page = await handler(new Request('gloss://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await handler(new Request('gloss://app/%2e%2e%2f%2e%2e%2fpackage.json'))).status).toBe(404);
  });

  it('opens a folder a second launch names, tells the page, and lists it under Open Recent', async () => {
    window.webContents.sent = [];
    app.emit('second-instance', {}, ['/opt/Gloss/gloss', '--no-sandbox', 'other project'], dir);
    await vi.waitFor(() => expect(window.webContents.sent).toHaveLength(1), { timeout: 20_000 });
    expect(window.webContents.sent[0]).toMatchObject([
      'gloss:event',
      { type: 'projectOpened', payload: { root: otherProject, name: 'other project' } },
    ]);
    expect(window.title).toBe('other project — Gloss');
    await vi.waitFor(() => {
      const menu = electronCalls.menus.at(-1) as {
        label?: string;
        submenu?: { label?: string; submenu?: { label?: string }[] }[];
      }[];
      const recent = menu[0]?.submenu?.find((item) => item.label === 'Open Recent')?.submenu ?? [];
      expect(recent.map((item) => item.label).slice(0, 2)).toEqual([
        `other project — ${otherProject}`,
        `sample-project — ${join(userData, 'sample-project')}`,
      ]);
    });
  });

  it('sends Edit → Undo/Redo to the page as menu commands, and a key that reaches the menu to the text field', () => {
    type Item = { label?: string; submenu?: Item[]; click?: (...args: unknown[]) => void };
    const menu = electronCalls.menus.at(-1) as Item[];
    const edit = menu.find((item) => item.label === '&Edit')?.submenu ?? [];
    const item = (label: string) => edit.find((each) => each.label === label)!;
    window.webContents.sent = [];
    item('&Undo').click?.({}, window, { triggeredByAccelerator: false });
    item('&Redo').click?.({}, window, { triggeredByAccelerator: false });
    expect(window.webContents.sent).toEqual([
      ['gloss:event', { type: 'menuCommand', payload: { command: 'undo' } }],
      ['gloss:event', { type: 'menuCommand', payload: { command: 'redo' } }],
    ]);
    item('&Undo').click?.({}, window, { triggeredByAccelerator: true });
    expect(window.webContents.edits).toEqual(['undo']);
    expect(window.webContents.sent).toHaveLength(2);
  });

  it('sends File → Import…/Export… to the page, which opens the same dialogs as its header', () => {
    type Item = { label?: string; submenu?: Item[]; click?: (...args: unknown[]) => void };
    const menu = electronCalls.menus.at(-1) as Item[];
    const file = menu.find((item) => item.label === '&File')?.submenu ?? [];
    window.webContents.sent = [];
    for (const label of ['Import…', 'Export…'])
      file.find((each) => each.label === label)!.click?.({}, window, {});
    expect(window.webContents.sent).toEqual([
      ['gloss:event', { type: 'menuCommand', payload: { command: 'import' } }],
      ['gloss:event', { type: 'menuCommand', payload: { command: 'export' } }],
    ]);
  });

  it('shows why a folder cannot be opened', async () => {
    app.emit('second-instance', {}, ['/opt/Gloss/gloss', join(dir, 'missing')], dir);
    await vi.waitFor(() => expect(electronCalls.errorBoxes).toHaveLength(1));
    expect(electronCalls.errorBoxes[0]).toMatch(
      /^Gloss could not open the folder: .*missing\n\n.*does not exist/,
    );
  });
});
