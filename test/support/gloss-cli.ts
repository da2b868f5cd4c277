import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './corpus';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `gloss` command of this checkout as a user would, in a child process (as another user, given `as`). */
export function gloss(args: string[], as?: { uid: number; gid: number }): Promise<CliResult> {
  return run(process.execPath, [join(REPO, 'bin/gloss.js'), ...args], { cwd: REPO, ...as }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
