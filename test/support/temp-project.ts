import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempProject {
  /** Absolute path of the new folder. */
  path: string;
  /** Removes the folder and everything Gloss wrote into it. */
  cleanup(): Promise<void>;
}

/**
 * A throwaway project folder: `files` maps paths with "/" separators (subfolders are made)
 * to their text (written as UTF-8) or bytes (written as they are, e.g. windows-1252 articles).
 * It is made in `parent`, the system's temp folder unless given (e.g. a small disk, see small-disk.ts).
 */
export async function makeTempProject(
  files: Record<string, string | Uint8Array>,
  parent = tmpdir(),
): Promise<TempProject> {
  const path = await mkdtemp(join(parent, 'gloss-test-'));
  for (const [name, content] of Object.entries(files)) {
    const file = join(path, ...name.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}
