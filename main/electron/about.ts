import type { MessageBoxOptions } from 'electron';
import { author, description, homepage } from '../../package.json';

/** The runtime an About box names: `app.getVersion()` and `process.versions`' parts. */
export interface AboutVersions {
  app: string;
  electron: string;
  chrome: string;
  node: string;
}

/**
 * Help → About Gloss: the version first, as researchers quote it in a bug report or a methods
 * section, then what Gloss is, where it lives and what it runs on. A message box rather than
 * Electron's about panel, which looks different on each platform and has no website on Windows.
 * (macOS also offers Gloss → About Gloss, the system's panel, with the version from Info.plist.)
 */
export function aboutMessageBox(versions: AboutVersions): MessageBoxOptions {
  return {
    type: 'info',
    title: 'About Gloss',
    message: `Gloss ${versions.app}`,
    detail: [
      description,
      homepage,
      `Electron ${versions.electron} · Chromium ${versions.chrome} · Node.js ${versions.node}`,
      `© ${author.name} <${author.email}>`,
    ].join('\n\n'),
    buttons: ['OK'],
  };
}
