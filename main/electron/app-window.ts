/**
 * The one Gloss window: a sandboxed, context-isolated page on gloss://app/ whose only way to
 * main is the preload's `window.gloss`. Navigation, pop-ups, webviews and permissions are
 * refused by content-guards.ts for every webContents.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface AppWindowOptions {
  preloadFile: string;
  title: string;
  /** Open the guided tour once the page has loaded (the sample project's first start). */
  tour?: boolean;
}

export function createAppWindow({ preloadFile, title, tour }: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title,
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      // A middle click on a link would otherwise ask for a new window before our handler sees it.
      disableBlinkFeatures: 'Auxclick',
      preload: preloadFile,
    },
  });
  // The title names the project (set by main.ts), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window
    // The page reads `?tour` (renderer/src/components/tour/); the same page as without it.
    .loadURL(tour ? `${APP_ENTRY_URL}?tour` : APP_ENTRY_URL)
    .catch((error: unknown) => console.error('Gloss could not load its window:', error));
  return window;
}

/** "tiktok-articles — Gloss", or "Gloss" when no project is open. */
export function windowTitle(projectName: string | undefined): string {
  return projectName ? `${projectName} — Gloss` : 'Gloss';
}
