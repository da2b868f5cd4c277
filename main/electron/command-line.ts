import { resolve } from 'node:path';

export interface CommandLineContext {
  /**
   * `process.defaultApp`: true when run as `electron <app dir> …`, where argv[1] is the app
   * itself; false in a packaged app, where arguments start at argv[1].
   */
  defaultApp: boolean;
  /** The folder relative paths are resolved against (the launching shell's). */
  cwd: string;
}

/**
 * The project folder named on the command line (`electron . ~/articles`, `Gloss ~/articles`),
 * as an absolute path, or undefined. Switches (`--no-sandbox`, macOS's `-psn_…`) are skipped:
 * Chromium and the OS add their own, also to the argv a second instance hands over.
 */
export function folderFromArgv(argv: readonly string[], context: CommandLineContext): string | undefined {
  const args = argv.slice(context.defaultApp ? 2 : 1);
  const folder = args.find((arg) => arg.length > 0 && !arg.startsWith('-'));
  return folder === undefined ? undefined : resolve(context.cwd, folder);
}
