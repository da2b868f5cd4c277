import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { AnnotatorIdentity } from '../../../main/settings/annotator-identity';
import { userSettingsFile } from '../../../main/settings/settings-folder';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const ARTICLE = 'Talks\n\nMicrosoft confirmed talks to buy TikTok.\n';

let project: TempProject;
let home: string;
const services: GlossService[] = [];

/**
 * One install of Gloss on one computer: its own settings folder, the browser host's service,
 * the shared project open. `env` stands for the environment it was started in.
 */
async function startInstall(
  name: string,
  { env = {}, commandLine }: { env?: NodeJS.ProcessEnv; commandLine?: string } = {},
): Promise<GlossClient> {
  const identity = new AnnotatorIdentity({
    settingsFile: userSettingsFile(join(home, name)),
    env,
    commandLine,
    computer: name,
  });
  const service = createGlossService({ identity, watchFolder: false });
  services.push(service);
  await service.open(project.path);
  return createApiClient(inProcessTransport(createDispatch(service), service));
}

/** The annotation files of a.txt (the save lock beside each is left out). */
const annotationFiles = async () =>
  (await readdir(join(project.path, '.gloss', 'annotations', 'a.txt')).catch(() => [])).filter(
    (name) => !name.startsWith('.'),
  );

async function tag(client: GlossClient) {
  const start = ARTICLE.indexOf('TikTok');
  return client.createAnnotation({ key: 'a.txt', code: 'stakeholder', start, end: start + 6 });
}

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': ARTICLE });
  home = await mkdtemp(join(tmpdir(), 'gloss-installs-'));
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
  await project.cleanup();
  await rm(home, { recursive: true, force: true });
});

describe('the annotator of a Gloss with user settings', () => {
  it('is asked on first start, kept in the settings, and the project reopens as the new name', async () => {
    const laptop = await startInstall('laptop');
    const first = await laptop.getAnnotator({});
    expect(first).toMatchObject({
      chosen: false,
      fixedBy: null,
      taken: null,
      settingsFolder: join(home, 'laptop'),
    });
    expect(first.name).toBe(first.suggested);
    // Nothing is written anywhere until the question is answered.
    await expect(readdir(home)).resolves.toEqual([]);

    const opened: string[] = [];
    laptop.subscribe((event) => {
      if (event.type === 'projectOpened') opened.push(event.payload.annotator);
    });
    const chosen = await laptop.setAnnotator({ name: 'Ana Maria' });
    expect(chosen).toMatchObject({ name: 'Ana-Maria', chosen: true, taken: null });
    expect(opened).toEqual(['Ana-Maria']);
    expect((await laptop.getProject({})).annotator).toBe('Ana-Maria');
    await tag(laptop);
    expect(await annotationFiles()).toEqual(['Ana-Maria.json']);

    const settings = JSON.parse(await readFile(userSettingsFile(join(home, 'laptop')), 'utf8'));
    expect(settings.annotator).toBe('Ana-Maria');
    const claim = JSON.parse(
      await readFile(join(project.path, '.gloss', 'annotators', `${settings.installId}.json`), 'utf8'),
    );
    expect(claim).toMatchObject({ name: 'Ana-Maria', computer: 'laptop' });

    // The next start does not ask again.
    const again = await startInstall('laptop');
    expect(await again.getAnnotator({})).toMatchObject({ name: 'Ana-Maria', chosen: true });
  });

  it('refuses a name another computer uses in the project, until the researcher says it is them', async () => {
    const laptop = await startInstall('laptop');
    await laptop.setAnnotator({ name: 'ana' });
    const desktop = await startInstall('desktop');
    await expect(desktop.setAnnotator({ name: 'ana' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('on another computer (laptop, since'),
    });
    // Refused: still the desktop's first-start state, and its edits go under its own name.
    expect(await desktop.getAnnotator({})).toMatchObject({ chosen: false });

    await desktop.setAnnotator({ name: 'ben' });
    await tag(desktop);
    await tag(laptop);
    expect((await annotationFiles()).sort()).toEqual(['ana.json', 'ben.json']);

    // The same person on another computer.
    const office = await startInstall('office');
    expect(await office.setAnnotator({ name: 'ana', sameAnnotator: true })).toMatchObject({
      name: 'ana',
      taken: null,
    });
    expect((await office.getProject({})).readOnly).toBe(false);
  });

  it('opens the project only to read when the chosen name turned out to be another computer’s', async () => {
    // Both chose "ana" in another project; the desktop brings it here after the laptop.
    const laptop = await startInstall('laptop');
    await laptop.setAnnotator({ name: 'ana' });
    const other = await makeTempProject({ 'b.txt': ARTICLE });
    const desktopIdentity = new AnnotatorIdentity({
      settingsFile: userSettingsFile(join(home, 'desktop')),
      env: {},
      computer: 'desktop',
    });
    await desktopIdentity.choose(other.path, 'ana', false);
    await other.cleanup();

    const desktop = await startInstall('desktop');
    expect(await desktop.getAnnotator({})).toMatchObject({
      name: 'ana',
      chosen: true,
      taken: { computer: 'laptop' },
    });
    expect((await desktop.getProject({})).readOnly).toBe(true);
    await expect(tag(desktop)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await desktop.setAnnotator({ name: 'ana', sameAnnotator: true })).toMatchObject({ taken: null });
    expect((await desktop.getProject({})).readOnly).toBe(false);
  });

  it('takes GLOSS_ANNOTATOR or --annotator as given: not asked, not changed from the screens, not recorded', async () => {
    const fromEnv = await startInstall('laptop', { env: { GLOSS_ANNOTATOR: 'cleo' } });
    expect(await fromEnv.getAnnotator({})).toMatchObject({
      name: 'cleo',
      chosen: true,
      fixedBy: 'GLOSS_ANNOTATOR',
    });
    await expect(fromEnv.setAnnotator({ name: 'dan' })).rejects.toMatchObject({ code: 'forbidden' });

    const fromFlag = await startInstall('desktop', { env: { GLOSS_ANNOTATOR: 'cleo' }, commandLine: 'eve' });
    expect(await fromFlag.getAnnotator({})).toMatchObject({ name: 'eve', fixedBy: '--annotator' });
    await tag(fromFlag);
    expect(await annotationFiles()).toEqual(['eve.json']);
    await expect(readdir(home)).resolves.toEqual([]);
  });

  it('refuses a name with nothing to name a file by', async () => {
    const laptop = await startInstall('laptop');
    await expect(laptop.setAnnotator({ name: '李雷' })).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('no letters A–Z or digits'),
    });
    await expect(laptop.setAnnotator({ name: '  ' })).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('the annotator of a Gloss without user settings (tests, the command line)', () => {
  it('is the name it was started with, fixed', async () => {
    const service = createGlossService({ annotator: 'fay', watchFolder: false });
    services.push(service);
    await service.open(project.path);
    const client = createApiClient(inProcessTransport(createDispatch(service)));
    expect(await client.getAnnotator({})).toMatchObject({
      name: 'fay',
      chosen: true,
      fixedBy: 'caller',
      settingsFolder: null,
    });
    await expect(client.setAnnotator({ name: 'gus' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
