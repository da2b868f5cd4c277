import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { RecentProjects } from '../../../main/electron/recent-projects';
import { openStartupProject } from '../../../main/electron/startup-project';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let userData: string;
let service: GlossService;
let projects: TempProject[];
/** Every folder the startup tried to open, in order. */
let tried: string[];

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'gloss-user-data-'));
  service = createGlossService({ annotator: 'tester' });
  projects = [];
  tried = [];
});
afterEach(async () => {
  service.close();
  for (const project of projects) await project.cleanup();
  await rm(userData, { recursive: true, force: true });
});

async function project(article: string): Promise<string> {
  const made = await makeTempProject({ 'article.txt': `${article}\n\nSome text.\n` });
  projects.push(made);
  return made.path;
}

/** The recent list as a restarted app reads it from its file: a previous run opened `paths` in order. */
async function recentAfterOpening(paths: string[]): Promise<RecentProjects> {
  const file = join(userData, 'recent-projects.json');
  const before = new RecentProjects(file);
  for (const path of paths) await before.add({ path, name: path.split('/').at(-1)! });
  const restarted = new RecentProjects(file);
  await restarted.load();
  return restarted;
}

/** Opens like the desktop opener: the service opens the folder, or it failed (and said why). */
async function open(path: string): Promise<boolean> {
  tried.push(path);
  try {
    await service.open(path);
    return true;
  } catch {
    return false;
  }
}

/** An opener for which every folder fails (unreadable, not a project). */
async function refusing(path: string): Promise<boolean> {
  tried.push(path);
  return false;
}

const openSample = async () => {
  tried.push('sample');
  return true;
};

describe('openStartupProject', () => {
  it('reopens the project open when Gloss last quit, when no folder is named', async () => {
    const older = await project('Older');
    const last = await project('Last');
    const recent = await recentAfterOpening([older, last]);

    const source = await openStartupProject({
      commandLineFolder: undefined,
      recent: recent.projects,
      open,
      openSample,
    });

    expect(source).toBe('last-project');
    expect(service.project?.root).toBe(last);
    expect(tried).toEqual([last]);
  });

  it('opens the folder named on the command line rather than the last project', async () => {
    const last = await project('Last');
    const named = await project('Named');
    const recent = await recentAfterOpening([last]);

    expect(
      await openStartupProject({ commandLineFolder: named, recent: recent.projects, open, openSample }),
    ).toBe('command-line');
    expect(service.project?.root).toBe(named);
  });

  it('falls back to the last project when the named folder cannot be opened', async () => {
    const last = await project('Last');
    const recent = await recentAfterOpening([last]);
    const missing = join(userData, 'no such folder');

    expect(
      await openStartupProject({ commandLineFolder: missing, recent: recent.projects, open, openSample }),
    ).toBe('last-project');
    expect(tried).toEqual([missing, last]);
    expect(service.project?.root).toBe(last);
  });

  it('passes over a last project deleted since, for the most recent one still there', async () => {
    const older = await project('Older');
    const deleted = await project('Deleted');
    const recent = await recentAfterOpening([older, deleted]);
    // Gone before the restart: the restarted app's list no longer has it.
    await rm(deleted, { recursive: true, force: true });
    const restarted = new RecentProjects(recent.file);
    await restarted.load();

    expect(
      await openStartupProject({
        commandLineFolder: undefined,
        recent: restarted.projects,
        open,
        openSample,
      }),
    ).toBe('last-project');
    expect(tried).toEqual([older]);
  });

  it('opens the sample on a first start, and when the last project will not open', async () => {
    expect(await openStartupProject({ commandLineFolder: undefined, recent: [], open, openSample })).toBe(
      'sample',
    );
    expect(tried).toEqual(['sample']);

    tried = [];
    const last = await project('Last');
    const recent = await recentAfterOpening([last]);
    expect(
      await openStartupProject({
        commandLineFolder: undefined,
        recent: recent.projects,
        open: refusing,
        openSample,
      }),
    ).toBe('sample');
    expect(tried).toEqual([last, 'sample']);
  });

  it('does not try a failed command-line folder again as the last project', async () => {
    const last = await project('Last');
    const recent = await recentAfterOpening([last]);
    expect(
      await openStartupProject({
        commandLineFolder: `${last}/`,
        recent: recent.projects,
        open: refusing,
        openSample,
      }),
    ).toBe('sample');
    expect(tried).toEqual([`${last}/`, 'sample']);
  });

  it('says nothing opened when even the sample could not be prepared', async () => {
    expect(
      await openStartupProject({
        commandLineFolder: undefined,
        recent: [],
        open,
        openSample: async () => false,
      }),
    ).toBeUndefined();
    expect(service.project).toBeUndefined();
  });
});
