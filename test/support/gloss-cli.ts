import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { REPO } from './corpus';
import { RENDERER_DIR } from './renderer-build';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let installed: Promise<string> | undefined;

// Runs after the tests of the file that imported this helper (each file gets its own install).
afterAll(async () => {
  if (installed) await rm(await installed, { recursive: true, force: true });
  installed = undefined;
});

/**
 * The `gloss` command as `npm run build` leaves it, built from the sources as they are now: a
 * folder holding a copy of bin/gloss.js and the bundle scripts/build-main.js makes of main/cli/,
 * with this checkout's node_modules (and built screens, for `gloss serve`) linked in. Built once
 * per test file, so the tests never run a bundle older than the code they test.
 */
export function cliInstall(): Promise<string> {
  installed ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-cli-'));
    // Readable by the other users some tests run the command as.
    await chmod(dir, 0o755);
    await mkdir(join(dir, 'bin'));
    await copyFile(join(REPO, 'bin/gloss.js'), join(dir, 'bin/gloss.js'));
    await copyFile(join(REPO, 'package.json'), join(dir, 'package.json'));
    await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    await run(
      process.execPath,
      [join(REPO, 'scripts/build-main.js'), '--cli', join(dir, 'dist/cli/gloss.cjs')],
      {
        cwd: REPO,
      },
    );
    if (existsSync(RENDERER_DIR)) await symlink(RENDERER_DIR, join(dir, 'dist/renderer'));
    return dir;
  })();
  return installed;
}

/** Where the command's launcher is in the install above. */
export async function glossBin(): Promise<string> {
  return join(await cliInstall(), 'bin/gloss.js');
}

/** Runs the `gloss` command of this checkout as a user would, in a child process (as another user, given `as`). */
export async function gloss(args: string[], as?: { uid: number; gid: number }): Promise<CliResult> {
  return run(process.execPath, [await glossBin(), ...args], { cwd: REPO, ...as }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
