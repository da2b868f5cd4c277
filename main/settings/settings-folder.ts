import { homedir } from 'node:os';
import { join } from 'node:path';

/** Points Gloss at another settings folder (tests, a second identity on one computer). */
export const SETTINGS_FOLDER_ENV = 'GLOSS_SETTINGS_DIR';

/** The one file of a user's Gloss settings, inside the settings folder. */
export function userSettingsFile(folder: string): string {
  return join(folder, 'settings.json');
}

/**
 * The folder where Gloss keeps this user's settings outside any project. It is the one the desktop
 * app gets as Electron's userData for "Gloss" (and where npm start copies the sample project), so the
 * desktop app and `gloss serve` on one computer are one install with one name:
 * %APPDATA%\Gloss, ~/Library/Application Support/Gloss, or $XDG_CONFIG_HOME/Gloss (~/.config/Gloss).
 */
export function userSettingsFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const chosen = env[SETTINGS_FOLDER_ENV];
  if (chosen) return chosen;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Gloss');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Gloss');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Gloss');
}
