/**
 * Opening a folder from the desktop: the folder dialog, the service, the recent list, and
 * an error box a researcher can act on when the folder cannot be opened.
 */
import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { GlossService } from '../api/gloss-service';
import type { RecentProjects } from './recent-projects';

export interface ProjectOpenerOptions {
  service: GlossService;
  recent: RecentProjects;
  getWindow: () => BrowserWindow | undefined;
  /** Called after the recent list changed, to rebuild the menu. */
  onRecentChanged: () => void;
}

export interface ProjectOpener {
  /** Opens `path` as the project; on failure shows why and returns false. */
  open(path: string): Promise<boolean>;
  /** Asks for a folder, then opens it. */
  choose(): Promise<boolean>;
  /** Opens a recent entry, forgetting it when its folder is gone. */
  openRecent(path: string): Promise<boolean>;
  clearRecent(): Promise<void>;
}

export function createProjectOpener({
  service,
  recent,
  getWindow,
  onRecentChanged,
}: ProjectOpenerOptions): ProjectOpener {
  const remember = async (change: () => Promise<void>) => {
    try {
      await change();
    } catch (error) {
      // The recent list is a convenience: failing to save it must not get in the way.
      console.error('Gloss could not save the recent projects list:', error);
    }
    onRecentChanged();
  };

  const open = async (path: string): Promise<boolean> => {
    let info: { root: string; name: string };
    try {
      info = (await service.open(path)).info();
    } catch (error) {
      dialog.showErrorBox('Gloss could not open the folder', `${path}\n\n${messageOf(error)}`);
      return false;
    }
    await remember(() => recent.add({ path: info.root, name: info.name }));
    return true;
  };

  return {
    open,
    async choose() {
      const window = getWindow();
      const options: OpenDialogOptions = {
        title: 'Open a folder of articles',
        buttonLabel: 'Open Folder',
        properties: ['openDirectory'],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      if (result.canceled || folder === undefined) return false;
      return open(folder);
    },
    async openRecent(path) {
      if (await open(path)) return true;
      await remember(() => recent.forgetMissing());
      return false;
    },
    clearRecent: () => remember(() => recent.clear()),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
