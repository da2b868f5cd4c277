import { resolve } from 'node:path';
import type { RecentProject } from './recent-projects';

/** Where the project the desktop app starts on came from. */
export type StartupSource = 'command-line' | 'last-project' | 'sample';

export interface StartupChoices {
  /** The folder named on the command line (`Gloss ~/articles`), if any. */
  commandLineFolder: string | undefined;
  /** The recent list as loaded, most recent first, folders that are gone already left out. */
  recent: readonly RecentProject[];
  /** Opens a folder as the project; false when it could not be opened (the opener said why). */
  open(path: string): Promise<boolean>;
  /** Opens the user's copy of the sample project; false when it could not be prepared. */
  openSample(): Promise<boolean>;
}

/**
 * Opens the project the desktop app starts on: the folder named on the command line, else the
 * project the researcher had open last (the head of the recent list, which every open puts
 * first), else the sample. Each one that fails to open is passed over for the next, so Gloss
 * always starts on something; the page then comes back to the document and place it showed.
 * Plain logic, no Electron: main.ts hands in the opener.
 */
export async function openStartupProject(choices: StartupChoices): Promise<StartupSource | undefined> {
  const { commandLineFolder, recent } = choices;
  if (commandLineFolder !== undefined && (await choices.open(commandLineFolder))) return 'command-line';
  const last = recent[0];
  // A command-line folder that just failed is not tried a second time as the last project.
  const triedAlready =
    commandLineFolder !== undefined && last && resolve(last.path) === resolve(commandLineFolder);
  if (last && !triedAlready && (await choices.open(last.path))) return 'last-project';
  return (await choices.openSample()) ? 'sample' : undefined;
}
