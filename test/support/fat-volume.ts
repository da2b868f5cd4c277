import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real FAT file system, as on a USB stick or SD card: an image made with `mkfs.vfat`, mounted
 * through FUSE with `fusefat -o rw+`. FAT has no hard links, no permissions, 2-second modification
 * times and case-insensitive names, so it shows what Gloss assumes of a file system.
 */
export interface FatVolume {
  path: string;
  unmount(): Promise<void>;
}

/** Why a FAT volume cannot be mounted here, or undefined if it can. */
export function fatUnavailable(): string | undefined {
  const missing = ['mkfs.vfat', 'fusefat'].filter((tool) => !onPath(tool));
  if (!onPath('fusermount') && !onPath('fusermount3')) missing.push('fusermount');
  if (missing.length > 0)
    return `${missing.join(', ')} not installed (apt-get install dosfstools fusefat fuse3)`;
  if (!existsSync('/dev/fuse')) return '/dev/fuse is missing (FUSE is not available in this machine)';
  return undefined;
}

export async function mountFatVolume(sizeMb = 64): Promise<FatVolume> {
  const scratch = await mkdtemp(join(tmpdir(), 'gloss-fat-'));
  const image = join(scratch, 'stick.img');
  const path = join(scratch, 'mnt');
  await mkdir(path);
  let mounted = false;
  const unmount = async () => {
    if (mounted) {
      await run('fusermount', ['-u', path])
        .catch(() => run('fusermount3', ['-u', path]))
        .catch(() => run('umount', ['-l', path]));
      mounted = false;
    }
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    await run('truncate', ['-s', `${sizeMb}M`, image]);
    await run('mkfs.vfat', ['-n', 'GLOSSTEST', image]);
    // fusefat stays behind as the file system's daemon: no pipes to it, or waiting for it never ends.
    const fuse = spawnSync('fusefat', ['-o', 'rw+', image, path], { stdio: 'ignore', timeout: 20_000 });
    if (fuse.status !== 0) throw new Error(`fusefat exited with ${fuse.status ?? fuse.signal}`);
    mounted = true;
    const mounts = execFileSync('mount', { encoding: 'utf8' });
    if (!mounts.includes(` ${path} type fuse.fusefat`)) throw new Error(`${path} is not a fusefat mount`);
  } catch (error) {
    await unmount();
    throw new Error(`Could not mount a FAT image with fusefat: ${(error as Error).message}`);
  }
  return { path, unmount };
}

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
