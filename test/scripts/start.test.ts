/**
 * `npm start` on a machine without the Electron runtime (like these: it cannot be downloaded
 * offline) says so in one line and serves Gloss to the browser instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const sampleProjectFile = readFileSync(join(root, 'assets/sample-project/.gloss/project.json'), 'utf8');

function electronInstalled(): boolean {
  try {
    const binary = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

let child: ChildProcess | undefined;
let home: string | undefined;

afterEach(async () => {
  // start.js runs `gloss serve` as its own child: end the whole process group we started.
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
  child = undefined;
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

describe.skipIf(electronInstalled())('npm start without the Electron runtime', () => {
  it('says why in one line, then serves (a copy of) the sample project on a loopback URL', async () => {
    // The user's folders point into a temporary home, where start.js copies the sample.
    home = await mkdtemp(join(tmpdir(), 'gloss-home-'));
    const started = spawn(process.execPath, [join(root, 'scripts', 'start.js'), '--no-open'], {
      cwd: root,
      env: { ...process.env, CI: '1', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: home },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no URL within 30 s; output so far:\n${output}`)),
        30_000,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\S*/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[0]);
        }
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      started.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`start.js exited with ${code} before printing a URL; output:\n${output}`));
      });
    });

    const electronLines = output.split('\n').filter((line) => line.includes('Electron runtime'));
    expect(electronLines).toEqual([
      'Gloss: the Electron runtime could not be downloaded (offline install), so Gloss opens in your browser instead.',
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    if (process.platform === 'linux') {
      expect(existsSync(join(home, '.config', 'Gloss', 'sample-project', 'tiktok-microsoft.txt'))).toBe(true);
    }
    // The shipped sample stays as it is (its register and codebook only): opening a project
    // writes annotations and the cache into the copy only.
    const shipped = join(root, 'assets', 'sample-project', '.gloss');
    expect(readdirSync(shipped)).toEqual(['project.json']);
    expect(readFileSync(join(shipped, 'project.json'), 'utf8')).toBe(sampleProjectFile);
  }, 40_000);
});
