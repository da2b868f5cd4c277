import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, ftruncateSync, openSync, statfsSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real disk that runs out of room or turns read-only: a tmpfs mounted for one test file.
 * `fill()` writes a filler file until the disk refuses, then gives back `leaveBlocks` blocks
 * (none by default: not one is left); `free()` removes the filler; `readOnly()` / `writable()` remount it. `unmount()` is for afterAll, and is safe to call
 * when mounting failed half way.
 */
export interface SmallDisk {
  path: string;
  fill(leaveBlocks?: number): void;
  /** Blocks free now. */
  freeBlocks(): number;
  free(): Promise<void>;
  readOnly(): void;
  writable(): void;
  unmount(): Promise<void>;
}

export async function mountSmallDisk(size = '1m'): Promise<SmallDisk> {
  // Mounting needs root (CI runs the tests as root, as the development container does). Without it
  // `mount` fails with a message about fstab or permissions; this says plainly what is needed. The
  // test fails rather than skips: a skipped fault test would let a broken save path through unseen.
  if (process.getuid?.() !== 0) {
    throw new Error('This test mounts a small tmpfs to fill it up and remount it read-only: run it as root.');
  }
  const path = await mkdtemp(join(tmpdir(), 'gloss-small-disk-'));
  try {
    run('mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path);
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    throw new Error(
      `This test needs to mount a tmpfs (root, in a container allowed to mount): ${(error as Error).message}`,
    );
  }
  const filler = join(path, 'filler');
  let mounted = true;
  return {
    path,
    fill(leaveBlocks = 0) {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        const size = fstatSync(fd).size;
        if (leaveBlocks > 0) ftruncateSync(fd, Math.max(0, size - leaveBlocks * statfsSync(path).bsize));
      } finally {
        closeSync(fd);
      }
    },
    freeBlocks: () => statfsSync(path).bfree,
    free: () => rm(filler, { force: true }),
    readOnly: () => run('mount', '-o', 'remount,ro', path),
    writable: () => run('mount', '-o', 'remount,rw', path),
    async unmount() {
      if (mounted) {
        try {
          run('umount', path);
        } catch {
          run('umount', '-l', path); // still busy (a watcher, a browser): detached now, freed when let go
        }
        mounted = false;
      }
      await rm(path, { recursive: true, force: true });
    },
  };
}

function run(command: string, ...args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`${command} ${args.join(' ')}: ${stderr || (error as Error).message}`);
  }
}
