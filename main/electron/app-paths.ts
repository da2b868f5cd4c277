import { join } from 'node:path';

export interface AppLocation {
  /** `app.getAppPath()`: the repository in development, `resources/app.asar` when packaged. */
  appPath: string;
  isPackaged: boolean;
  /** `process.resourcesPath`, where electron-builder's extraResources land. */
  resourcesPath: string;
  /** `app.getPath('userData')`: the user's own, writable Gloss folder. */
  userData: string;
}

export interface AppPaths {
  /** The renderer build (vite) served on gloss://app/. */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preloadFile: string;
  /** The sample project as shipped: read-only (inside a signed app bundle, or /opt). */
  bundledSampleProject: string;
  /** Where the sample is copied before Gloss opens it, since opening a project writes `.gloss/`. */
  sampleProject: string;
  recentProjectsFile: string;
}

/** Every file location the desktop shell needs, in development and in a packaged app. */
export function appPaths(location: AppLocation): AppPaths {
  return {
    rendererDir: join(location.appPath, 'dist', 'renderer'),
    preloadFile: join(location.appPath, 'dist', 'electron', 'preload.cjs'),
    bundledSampleProject: location.isPackaged
      ? join(location.resourcesPath, 'sample-project')
      : join(location.appPath, 'assets', 'sample-project'),
    sampleProject: join(location.userData, 'sample-project'),
    recentProjectsFile: join(location.userData, 'recent-projects.json'),
  };
}
