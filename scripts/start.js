// `npm start [folder] [--no-open] [--port N]`: runs the desktop app when the Electron runtime
// is installed; otherwise (an offline install cannot download it) serves the same app to the
// browser with `gloss serve`, so a researcher always gets Gloss. Plain Node, no TypeScript.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Splits `[folder] [--no-open] [--port N]`; a relative folder is taken from where npm was run. */
function parseArgs(args) {
  const options = { folder: undefined, noOpen: false, port: undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--no-open') options.noOpen = true;
    else if (arg === '--port') options.port = args[++i];
    else if (arg.startsWith('--port=')) options.port = arg.slice('--port='.length);
    else if (!arg.startsWith('-') && options.folder === undefined) {
      options.folder = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
    }
  }
  return options;
}

/** The Electron binary's path, or undefined when the package's download never happened. */
function findElectron() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) && statSync(binary).isFile() ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user's copy of the sample project, in the folder the desktop app uses for it
 * (Electron's userData for "Gloss"), so both open the same copy. Opening a project writes
 * `.gloss/` into it, and the shipped sample in assets/ must stay as it is.
 */
function userSampleProject() {
  const home = homedir();
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  const copy = join(appData, 'Gloss', 'sample-project');
  if (!existsSync(copy)) cpSync(join(root, 'assets', 'sample-project'), copy, { recursive: true });
  return copy;
}

/** Runs a child with our terminal, passes Ctrl+C and kills on to it, and exits with its code. */
function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Gloss: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * package.json's allowScripts keeps npm from running Electron's download at install time, so that
 * `npm ci` succeeds offline. The first `npm start` fetches the runtime instead; offline, that fails
 * at once and Gloss falls back to the browser.
 */
function obtainElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return undefined;
  console.log('Gloss: fetching the desktop runtime (first start only)…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: dirname(installer),
    stdio: 'ignore',
    timeout: 10 * 60_000,
  });
  return result.status === 0 ? findElectron() : undefined;
}

const options = parseArgs(process.argv.slice(2));
const electron = findElectron() ?? (process.env.GLOSS_NO_ELECTRON_DOWNLOAD ? undefined : obtainElectron());

if (electron) {
  // ELECTRON_RUN_AS_NODE would make the binary behave as plain Node instead of opening a window.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  run(electron, [root, ...(options.folder ? [options.folder] : [])], env);
} else {
  console.log(
    'Gloss: the Electron runtime could not be downloaded (offline install), so Gloss opens in your browser instead.',
  );
  const folder = options.folder ?? userSampleProject();
  const serveArgs = [join(root, 'bin', 'gloss.js'), 'serve', folder];
  if (options.port !== undefined) serveArgs.push('--port', options.port);
  const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
  if (options.noOpen || inCi) serveArgs.push('--no-open');
  run(process.execPath, serveArgs);
}
