/**
 * Gloss's desktop entry (bundled to dist/electron/main.cjs). Thin on purpose: it wires the
 * one service and its dispatch to one sandboxed window, the menu and the recent list; all
 * project logic lives in main/api and below, shared with the browser host and the CLI.
 *
 *   electron . [folder]      Gloss [folder]
 * With no folder, Gloss opens the project open when it last quit, else (a writable copy of)
 * the bundled sample project.
 */
import { existsSync } from 'node:fs';
import { app, type BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatch } from '../api/dispatch';
import { createGlossService } from '../api/gloss-service';
import { AnnotatorIdentity } from '../settings/annotator-identity';
import { SETTINGS_FOLDER_ENV, userSettingsFile } from '../settings/settings-folder';
import { aboutMessageBox } from './about';
import { appPaths } from './app-paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createAppWindow, windowTitle } from './app-window';
import { closeBeforeQuit } from './close-before-quit';
import { targetFromArgv } from './command-line';
import { denyAllPermissions, guardEveryWebContents } from './content-guards';
import { registerApiIpc, sendApiEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { createProjectOpener } from './project-opener';
import { RecentProjects } from './recent-projects';
import { prepareSampleProject } from './sample-project';
import { openStartupProject } from './startup-project';

// Both must happen before the app is ready.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Gloss is running: it receives our argv in 'second-instance' and opens the folder.
  app.quit();
} else {
  startGloss();
}

function startGloss(): void {
  const paths = appPaths({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
  });
  // The user's settings (the name they annotate as) live in userData, beside the recent projects.
  const identity = new AnnotatorIdentity({
    settingsFile: userSettingsFile(process.env[SETTINGS_FOLDER_ENV] || app.getPath('userData')),
  });
  const service = createGlossService({ allowOpenProject: false, identity });
  const dispatch = createDispatch(service);
  const recent = new RecentProjects(paths.recentProjectsFile);
  let window: BrowserWindow | undefined;
  /** The sample project's copy was made at this start: its window opens with the guided tour. */
  let sampleJustMade = false;
  /** A file macOS asked Gloss to open before it was ready. */
  let fileOpenedAtStart: string | undefined;
  /** Set once the scheme, IPC and first project are ready: macOS may 'activate' sooner. */
  let started = false;
  const getWindow = () => (window && !window.isDestroyed() ? window : undefined);

  const rebuildMenu = () => {
    const template = buildMenuTemplate(
      {
        openFolder: () => void opener.choose(),
        openRecent: (path) => void opener.openRecent(path),
        clearRecent: () => void opener.clearRecent(),
        showAbout,
        sendCommand: (command) => sendApiEvent(getWindow(), { type: 'menuCommand', payload: { command } }),
        editText: (command) => getWindow()?.webContents[command](),
      },
      { recent: recent.projects, isDev: !app.isPackaged, platform: process.platform },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  const opener = createProjectOpener({ service, recent, getWindow, onRecentChanged: rebuildMenu });

  const showWindow = () => {
    if (getWindow()) return;
    window = createAppWindow({
      preloadFile: paths.preloadFile,
      title: windowTitle(service.project?.info().name),
      tour: sampleJustMade,
    });
    sampleJustMade = false;
    window.on('closed', () => {
      window = undefined;
    });
  };

  service.subscribe((event) => {
    if (event.type === 'projectOpened') getWindow()?.setTitle(windowTitle(event.payload.name));
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const current = getWindow();
    if (current) {
      if (current.isMinimized()) current.restore();
      current.focus();
    }
    const target = targetFromArgv(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory });
    if (target) openOrImport(target);
  });
  // macOS hands a file opened with Gloss (a .qdpx) to the running app, or to the one starting.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (started) openOrImport({ kind: 'import', path });
    else fileOpenedAtStart = path;
  });
  closeBeforeQuit(app, () => service.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (started) showWindow();
  });

  app
    .whenReady()
    .then(async () => {
      guardEveryWebContents(app);
      denyAllPermissions(session.defaultSession);
      serveRenderer(paths.rendererDir);
      registerApiIpc({ dispatch, events: service, getWindow });

      const problem = await recent.load();
      if (problem) console.warn(`Gloss ignored its recent projects list: ${problem}`);
      rebuildMenu();

      // The project is open before the window asks for it: the folder named on the command
      // line, else the last project, else the sample; one that fails shows why and the next opens.
      const target = targetFromArgv(process.argv, {
        defaultApp: process.defaultApp === true,
        cwd: process.cwd(),
      });
      await openStartupProject({
        commandLineFolder: target?.kind === 'folder' ? target.path : undefined,
        recent: recent.projects,
        open: opener.open,
        openSample: openSampleProject,
      });
      showWindow();
      started = true;
      // A .qdpx Gloss was started on goes to the Import dialog of the project it opened.
      const importFile = target?.kind === 'import' ? target.path : fileOpenedAtStart;
      if (importFile) openOrImport({ kind: 'import', path: importFile });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Gloss could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  async function openSampleProject(): Promise<boolean> {
    let sample: string;
    // The first start on the sample (its copy made now) opens with the guided tour.
    const firstTime = !existsSync(paths.sampleProject);
    try {
      sample = await prepareSampleProject(paths.bundledSampleProject, paths.sampleProject);
    } catch (error) {
      dialog.showErrorBox(
        'Gloss could not prepare the sample project',
        `${error instanceof Error ? error.message : String(error)}\n\nUse File → Open Folder… to open a folder of articles.`,
      );
      return false;
    }
    const opened = await opener.open(sample);
    sampleJustMade = opened && firstTime;
    return opened;
  }

  /** Opens a folder as the project, or offers a file to the screens' Import dialog (main/exchange/offered-import.ts). */
  function openOrImport(target: { kind: 'folder' | 'import'; path: string }): void {
    if (target.kind === 'folder') {
      void opener.open(target.path);
      return;
    }
    try {
      service.offerImport(target.path);
    } catch (error) {
      dialog.showErrorBox(
        'Gloss cannot import this file',
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  function showAbout(): void {
    const { electron, chrome, node } = process.versions;
    const options = aboutMessageBox({ app: app.getVersion(), electron, chrome, node });
    const current = getWindow();
    void (current ? dialog.showMessageBox(current, options) : dialog.showMessageBox(options));
  }
}
