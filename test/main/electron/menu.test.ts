import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, type Mock, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu';

function actions(): { [K in keyof MenuActions]: Mock<MenuActions[K]> } {
  return {
    openFolder: vi.fn<MenuActions['openFolder']>(),
    openRecent: vi.fn<MenuActions['openRecent']>(),
    clearRecent: vi.fn<MenuActions['clearRecent']>(),
    showAbout: vi.fn<MenuActions['showAbout']>(),
    sendCommand: vi.fn<MenuActions['sendCommand']>(),
    editText: vi.fn<MenuActions['editText']>(),
  };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(items: MenuItemConstructorOptions[], label: string) {
  return items.find((item) => item.label === label);
}

const click = (item: MenuItemConstructorOptions | undefined, event = { triggeredByAccelerator: false }) =>
  (item?.click as ((item: unknown, window: unknown, event: unknown) => void) | undefined)?.(
    {},
    undefined,
    event,
  );

describe('buildMenuTemplate', () => {
  const recent = [
    { path: '/data/tiktok', name: 'tiktok' },
    { path: '/data/R&D', name: 'R&D' },
  ];

  it('has File, Edit, View and Help on Windows and Linux', () => {
    const template = buildMenuTemplate(actions(), { recent, isDev: false, platform: 'linux' });
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File → Open Folder… has Ctrl/Cmd+O and runs the action', () => {
    const a = actions();
    const file = submenu(buildMenuTemplate(a, { recent, isDev: false, platform: 'win32' })[0]);
    const open = find(file, 'Open Folder…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(a.openFolder).toHaveBeenCalledOnce();
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('Open Recent lists the projects, escapes "&", and clears', () => {
    const a = actions();
    const file = submenu(buildMenuTemplate(a, { recent, isDev: false, platform: 'linux' })[0]);
    const items = submenu(find(file, 'Open Recent'));
    expect(items.map((item) => item.label)).toEqual([
      'tiktok — /data/tiktok',
      'R&&D — /data/R&&D',
      undefined,
      'Clear Recent',
    ]);
    click(items[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/data/R&D');
    click(find(items, 'Clear Recent'));
    expect(a.clearRecent).toHaveBeenCalledOnce();
  });

  it('an empty recent list says so and cannot be cleared', () => {
    const file = submenu(buildMenuTemplate(actions(), { recent: [], isDev: false, platform: 'linux' })[0]);
    const items = submenu(find(file, 'Open Recent'));
    expect(items[0]).toMatchObject({ label: 'No recent projects', enabled: false });
    expect(find(items, 'Clear Recent')?.enabled).toBe(false);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(buildMenuTemplate(actions(), { recent, isDev, platform: 'linux' })[2]).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('zoomIn');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('keeps the standard roles for the clipboard and Select All', () => {
    const edit = submenu(buildMenuTemplate(actions(), { recent, isDev: false, platform: 'linux' })[1]);
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it("Edit → Undo/Redo are Gloss's own commands, sent to the screens when chosen in the menu", () => {
    const a = actions();
    const edit = submenu(buildMenuTemplate(a, { recent, isDev: false, platform: 'linux' })[1]);
    const undo = find(edit, '&Undo');
    const redo = find(edit, '&Redo');
    expect(undo).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(redo).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
    expect(undo?.role).toBeUndefined();
    click(undo);
    click(redo);
    expect(a.sendCommand.mock.calls).toEqual([['undo'], ['redo']]);
    expect(a.editText).not.toHaveBeenCalled();
  });

  it('an accelerator that reaches the menu (the page left the key alone) edits text instead', () => {
    // The page's keydown handler undoes Gloss's steps itself, so the key never undoes twice.
    const a = actions();
    const edit = submenu(buildMenuTemplate(a, { recent, isDev: false, platform: 'darwin' })[2]);
    click(find(edit, '&Undo'), { triggeredByAccelerator: true });
    expect(a.editText).toHaveBeenCalledWith('undo');
    expect(a.sendCommand).not.toHaveBeenCalled();
  });

  it('follows macOS conventions: the app menu first, Quit in it, a Window menu', () => {
    const template = buildMenuTemplate(actions(), { recent, isDev: false, platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(template.map((item) => item.role ?? item.label)).toContain('windowMenu');
    expect(submenu(template[1]).some((item) => item.role === 'quit')).toBe(false);
  });

  it('Help → About Gloss runs the action', () => {
    const a = actions();
    const template = buildMenuTemplate(a, { recent, isDev: false, platform: 'linux' });
    click(find(submenu(template.at(-1)), 'About Gloss'));
    expect(a.showAbout).toHaveBeenCalledOnce();
  });
});
