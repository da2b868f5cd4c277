/**
 * The native menu, as a template built from the current recent list and the actions main.ts
 * wires in. Only types come from Electron here, so the template is tested under plain Node.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiEvents } from '../../shared/api';
import type { RecentProject } from './recent-projects';

export type MenuCommand = ApiEvents['menuCommand']['command'];
export type HistoryCommand = Extract<MenuCommand, 'undo' | 'redo'>;

export interface MenuActions {
  openFolder(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  showAbout(): void;
  /** Edit → Undo/Redo chosen in the menu: the screens undo or redo Gloss's last step. */
  sendCommand(command: MenuCommand): void;
  /**
   * The same accelerator pressed where the page did not take it (macOS reaches the menu only
   * then, e.g. from a text field): the native text undo/redo that the standard role would do.
   */
  editText(command: HistoryCommand): void;
}

export interface MenuState {
  recent: readonly RecentProject[];
  /** Reload and the developer tools are offered only when running from source. */
  isDev: boolean;
  platform: NodeJS.Platform;
}

export function buildMenuTemplate(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = state.recent.map((project) => ({
    label: escapeMnemonics(`${project.name} — ${project.path}`),
    click: () => actions.openRecent(project.path),
  }));
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      {
        label: 'Open Recent',
        submenu: [
          ...(recentItems.length > 0 ? recentItems : [{ label: 'No recent projects', enabled: false }]),
          { type: 'separator' },
          { label: 'Clear Recent', enabled: recentItems.length > 0, click: () => actions.clearRecent() },
        ],
      },
      { type: 'separator' },
      // The screens' own dialogs, the same as the header's buttons: files go through the page.
      { label: 'Import…', click: () => actions.sendCommand('import') },
      { label: 'Export…', click: () => actions.sendCommand('export') },
      { type: 'separator' },
      // Ctrl+, is the screens' own key too; the menu shows it where desktop apps keep it.
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.sendCommand('settings') },
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  // Undo and redo are Gloss's own (annotation edits), the same commands as the keyboard's. The
  // page's keydown handler does the work for the keys, so the accelerators are only shown
  // (registerAccelerator: false, Windows and Linux); one that still fires (macOS) reached the
  // menu because the page left the key alone, so it goes to the focused text field instead.
  const history = (
    command: HistoryCommand,
    label: string,
    accelerator: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: (_item, _window, event) =>
      event.triggeredByAccelerator ? actions.editText(command) : actions.sendCommand(command),
  });
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      history('undo', '&Undo', 'CmdOrCtrl+Z'),
      history('redo', '&Redo', 'Shift+CmdOrCtrl+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.isDev
        ? ([
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Guided Tour', click: () => actions.sendCommand('tour') },
      { label: 'Keyboard Shortcuts', click: () => actions.sendCommand('shortcuts') },
      { type: 'separator' },
      { label: 'About Gloss', click: () => actions.showAbout() },
    ],
  };
  return [
    ...(isMac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    file,
    edit,
    view,
    ...(isMac ? ([{ role: 'windowMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    help,
  ];
}

/** A literal "&" in a label (a folder named "R&D") would otherwise mark a Windows/Linux access key. */
function escapeMnemonics(label: string): string {
  return label.replaceAll('&', '&&');
}
