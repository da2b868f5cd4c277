import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotatorRegistry, nameStanding } from '../../../main/project/annotator-registry';
import { ProjectLayout } from '../../../main/project/layout';
import { ApiError } from '../../../shared/api-error';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const LAPTOP = 'a1a1a1a1a1a1a1a1a1a1a1a1';
const DESKTOP = 'b2b2b2b2b2b2b2b2b2b2b2b2';
const OFFICE = 'c3c3c3c3c3c3c3c3c3c3c3c3';

let project: TempProject;
let layout: ProjectLayout;
/** One install of Gloss on one computer, working on the shared project, at a fixed time. */
const install = (id: string, computer: string, now = '2026-12-01T10:00:00.000Z') =>
  new AnnotatorRegistry(layout, id, computer, { now: () => now });

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': 'An article.\n' });
  layout = new ProjectLayout(project.path);
});
afterEach(() => project.cleanup());

describe('the annotator registry of a project', () => {
  it('gives each install its own file, and a free name to whoever takes it first', async () => {
    await install(LAPTOP, 'laptop').claim('ana');
    await install(DESKTOP, 'desktop').claim('ben');
    expect((await readdir(layout.annotatorsDir)).sort()).toEqual([`${LAPTOP}.json`, `${DESKTOP}.json`]);
    expect(JSON.parse(await readFile(layout.annotatorClaimFile(LAPTOP), 'utf8'))).toEqual({
      schemaVersion: 1,
      install: LAPTOP,
      name: 'ana',
      computer: 'laptop',
      names: [{ name: 'ana', since: '2026-12-01T10:00:00.000Z' }],
    });
    expect((await install(LAPTOP, 'laptop').standing('ana')).kind).toBe('mine');
    expect((await install(DESKTOP, 'desktop').standing('ben')).kind).toBe('mine');
    expect((await install(OFFICE, 'office').standing('cleo')).kind).toBe('free');
  });

  it('refuses a name another install uses, in any letter case, saying whose it is and what to do', async () => {
    await install(LAPTOP, 'laptop').claim('ana');
    const refusal = await install(DESKTOP, 'desktop')
      .claim('Ana')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('conflict');
    expect((refusal as ApiError).message).toBe(
      '"Ana" is already an annotator of this project, on another computer (laptop, since 2026-12-01). Choose another name, or, if that is you on another computer, say so.',
    );
    // Nothing was written for the refused install.
    expect(await readdir(layout.annotatorsDir)).toEqual([`${LAPTOP}.json`]);
    expect(await install(DESKTOP, 'desktop').standing('ana')).toMatchObject({
      kind: 'taken',
      by: { install: LAPTOP },
    });
  });

  it('lets the same person on another computer share the name once they say so', async () => {
    await install(LAPTOP, 'laptop').claim('ana');
    await install(DESKTOP, 'desktop').claim('ana', { sameAnnotator: true });
    expect(JSON.parse(await readFile(layout.annotatorClaimFile(DESKTOP), 'utf8'))).toMatchObject({
      name: 'ana',
      names: [{ name: 'ana', sameAnnotator: true }],
    });
    expect((await install(LAPTOP, 'laptop').standing('ana')).kind).toBe('mine');
    expect((await install(DESKTOP, 'desktop').standing('ana')).kind).toBe('mine');
    // A third install is still refused the name.
    await expect(install(OFFICE, 'office').claim('ana')).rejects.toThrow(/already an annotator/);
  });

  it('keeps a name its install used before for that install: the work saved under it is theirs', async () => {
    await install(LAPTOP, 'laptop').claim('ana');
    await install(LAPTOP, 'laptop', '2026-12-02T10:00:00.000Z').claim('ana-b');
    expect(JSON.parse(await readFile(layout.annotatorClaimFile(LAPTOP), 'utf8'))).toMatchObject({
      name: 'ana-b',
      names: [
        { name: 'ana', since: '2026-12-01T10:00:00.000Z' },
        { name: 'ana-b', since: '2026-12-02T10:00:00.000Z' },
      ],
    });
    await expect(install(DESKTOP, 'desktop').claim('ana')).rejects.toThrow(/laptop, since 2026-12-01/);
    // Back to the first name, as it was.
    await install(LAPTOP, 'laptop').claim('Ana');
    const back = JSON.parse(await readFile(layout.annotatorClaimFile(LAPTOP), 'utf8'));
    expect(back.name).toBe('Ana');
    expect(back.names).toContainEqual({ name: 'Ana', since: '2026-12-01T10:00:00.000Z' });
    expect(back.names).toHaveLength(2);
  });

  it('settles two installs that took one name before the sync brought either file: the first keeps it', async () => {
    // Each took "ana" on its own computer; then the sync brought the other's file.
    await install(DESKTOP, 'desktop', '2026-12-01T09:00:00.000Z').claim('ana');
    const laptopFile = JSON.stringify({
      schemaVersion: 1,
      install: LAPTOP,
      name: 'ana',
      computer: 'laptop',
      names: [{ name: 'ana', since: '2026-12-01T11:00:00.000Z' }],
    });
    await writeFile(layout.annotatorClaimFile(LAPTOP), laptopFile);
    expect((await install(DESKTOP, 'desktop').standing('ana')).kind).toBe('mine');
    expect(await install(LAPTOP, 'laptop').standing('ana')).toMatchObject({
      kind: 'taken',
      by: { install: DESKTOP, computer: 'desktop' },
    });
  });

  it('passes over files it cannot read or that are not their install’s', async () => {
    await install(LAPTOP, 'laptop').claim('ana');
    await writeFile(layout.annotatorClaimFile(OFFICE), '{ not json');
    // A copy of the laptop's file under another install's name names nobody.
    await writeFile(
      layout.annotatorClaimFile(DESKTOP),
      await readFile(layout.annotatorClaimFile(LAPTOP), 'utf8'),
    );
    const claims = await install(OFFICE, 'office').claims();
    expect(claims.map((claim) => claim.install)).toEqual([LAPTOP]);
  });
});

describe('nameStanding', () => {
  it('breaks a tie of the same instant by install id, so every computer settles it alike', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const claims = [DESKTOP, LAPTOP].map((id) => ({
      schemaVersion: 1 as const,
      install: id,
      name: 'ana',
      computer: id,
      names: [{ name: 'ana', since: at }],
    }));
    expect(nameStanding(claims, LAPTOP, 'ana').kind).toBe('mine');
    expect(nameStanding(claims, DESKTOP, 'ana').kind).toBe('taken');
  });
});
