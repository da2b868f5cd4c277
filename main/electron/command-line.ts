import { resolve } from 'node:path';
import { isImportableFile } from '../exchange/offered-import';

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

/**
 * What the command line names: a project folder to open, or a file to import into the project
 * open (a .qdpx from another tool, as the desktop's file association starts Gloss on one).
 */
export function targetFromArgv(
  argv: readonly string[],
  context: CommandLineContext,
): { kind: 'folder' | 'import'; path: string } | undefined {
  const path = folderFromArgv(argv, context);
  if (path === undefined) return undefined;
  return { kind: isImportableFile(path) ? 'import' : 'folder', path };
}
