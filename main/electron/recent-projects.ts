import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';
import { parseJsonText } from '../storage/parse-json';

/**
 * The File → Open Recent list, kept in the user's Gloss folder (not in any project).
 * Plain Node, no Electron: main.ts hands in the file path.
 */
export const MAX_RECENT_PROJECTS = 10;

export interface RecentProject {
  /** Absolute path of the project folder. */
  path: string;
  /** The project's name when it was last opened, for the menu label. */
  name: string;
}

const RecentProjectSchema = z.object({
  path: z.string().min(1).max(4096),
  name: z.string().max(200),
});

const RecentProjectsFileSchema = z.object({
  version: z.literal(1),
  projects: z.array(RecentProjectSchema).max(1000),
});

/** `entry` first, any earlier entry for the same folder removed, at most `max` long. */
export function withRecentProject(
  list: readonly RecentProject[],
  entry: RecentProject,
  max = MAX_RECENT_PROJECTS,
): RecentProject[] {
  const path = resolve(entry.path);
  return [{ path, name: entry.name }, ...list.filter((item) => resolve(item.path) !== path)].slice(0, max);
}

/** The entries whose folders still exist, in the same order. */
export async function withoutMissingFolders(list: readonly RecentProject[]): Promise<RecentProject[]> {
  const exists = await Promise.all(list.map((item) => isDirectory(item.path)));
  return list.filter((_, index) => exists[index]);
}

export interface RecentProjectsRead {
  projects: RecentProject[];
  /** Why the file could not be used (it is then treated as empty and rewritten on the next change). */
  problem?: string;
}

/** Reads the list; a missing file is an empty list, an unreadable one an empty list with a problem. */
export async function readRecentProjects(file: string): Promise<RecentProjectsRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { projects: [] };
    return { projects: [], problem: `${file} could not be read (${(error as Error).message})` };
  }
  const parsed = parseJsonText(text, RecentProjectsFileSchema);
  if (!parsed.ok) return { projects: [], problem: `${file}: ${parsed.problem}` };
  // Deduplicate and cap again: the file may have been edited by hand.
  const projects = parsed.value.projects.reduceRight<RecentProject[]>(
    (list, item) => withRecentProject(list, item),
    [],
  );
  return { projects };
}

export async function writeRecentProjects(file: string, projects: readonly RecentProject[]): Promise<void> {
  const data: z.infer<typeof RecentProjectsFileSchema> = { version: 1, projects: [...projects] };
  await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** The list in memory, saved after every change; saves run one after another, last state wins. */
export class RecentProjects {
  #projects: RecentProject[] = [];
  #saving: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  get projects(): readonly RecentProject[] {
    return this.#projects;
  }

  /** Loads the file and forgets folders that are gone; returns the file's problem, if any. */
  async load(): Promise<string | undefined> {
    const read = await readRecentProjects(this.file);
    this.#projects = await withoutMissingFolders(read.projects);
    return read.problem;
  }

  async add(entry: RecentProject): Promise<void> {
    this.#projects = withRecentProject(this.#projects, entry);
    await this.#save();
  }

  /** Drops entries whose folders are gone (say, after one failed to open). */
  async forgetMissing(): Promise<void> {
    const existing = new Set((await withoutMissingFolders(this.#projects)).map((item) => item.path));
    const kept = this.#projects.filter((item) => existing.has(item.path));
    if (kept.length === this.#projects.length) return;
    this.#projects = kept;
    await this.#save();
  }

  async clear(): Promise<void> {
    this.#projects = [];
    await this.#save();
  }

  #save(): Promise<void> {
    const snapshot = this.#projects;
    const run = this.#saving.then(() => writeRecentProjects(this.file, snapshot));
    this.#saving = run.catch(() => {});
    return run;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
