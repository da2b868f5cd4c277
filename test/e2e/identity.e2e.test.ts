import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { AnnotatorRegistry } from '../../main/project/annotator-registry';
import { ProjectLayout } from '../../main/project/layout';
import { AnnotatorIdentity } from '../../main/settings/annotator-identity';
import { userSettingsFile } from '../../main/settings/settings-folder';
import { type BrowserHost, startBrowserHost } from '../../main/transports/browser-host';
import { launchChromium } from '../support/chromium';
import { dragOver, openArticle } from '../support/reader-text';
import { requireRendererBuild } from '../support/renderer-build';
import { makeTempProject, type TempProject } from '../support/temp-project';
import { openWatchedPage } from '../support/watched-page';

/**
 * A researcher's first start of `gloss serve` on a shared project: Gloss asks their name (offering
 * the system user's), shows it in the header, refuses a name a colleague's computer already uses
 * there, and after a change saves their tags under the new name's file.
 */

const ARTICLE = 'Talks\n\nMicrosoft confirmed talks about security with the regulator.\n';
/** Saves reach the disk in milliseconds, but a busy machine may take seconds; the condition is what counts. */
const POLL = { timeout: 10_000 };

let project: TempProject;
let settingsFolder: string;
let identity: AnnotatorIdentity;
let service: GlossService;
let host: BrowserHost;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  const rendererDir = requireRendererBuild();
  project = await makeTempProject({ 'talks.txt': ARTICLE });
  // A colleague's Gloss on another computer already annotates here as "ben".
  await new AnnotatorRegistry(new ProjectLayout(project.path), 'b2b2b2b2b2b2b2b2b2b2b2b2', 'desktop').claim(
    'ben',
  );
  // No settings yet: a first start.
  settingsFolder = join(await mkdtemp(join(tmpdir(), 'gloss-e2e-settings-')), 'Gloss');
  identity = new AnnotatorIdentity({
    settingsFile: userSettingsFile(settingsFolder),
    env: {},
    computer: 'laptop',
  });
  service = createGlossService({ identity });
  await service.open(project.path);
  host = await startBrowserHost({ service, dispatch: createDispatch(service), rendererDir });
  browser = await launchChromium();
  ({ page, problems } = await openWatchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await service?.close();
  await project?.cleanup();
  await rm(join(settingsFolder, '..'), { recursive: true, force: true });
});

const header = () => page.getByRole('banner');
const nameDialog = () => page.getByRole('dialog');
const nameField = () => nameDialog().getByRole('textbox', { name: 'Your name' });
const annotationFiles = async () =>
  (await readdir(join(project.path, '.gloss', 'annotations', 'talks.txt')).catch(() => []))
    .filter((name) => !name.startsWith('.'))
    .sort();

describe('the annotator’s name', () => {
  it('is asked on first start, offering the system user’s name', async () => {
    await page.goto(host.url);
    await page.getByRole('dialog', { name: 'Who is annotating?' }).waitFor();
    expect(await nameField().inputValue()).toBe(identity.suggested);
    await expect(readdir(settingsFolder)).rejects.toThrow();
  });

  it('is kept in the settings and shown in the header once answered', async () => {
    await nameField().fill('Ana');
    await nameDialog().getByRole('button', { name: 'Save' }).click();
    await nameDialog().waitFor({ state: 'detached' });
    await header().getByRole('button', { name: 'Annotator: Ana' }).waitFor();
    const settings = JSON.parse(await readFile(userSettingsFile(settingsFolder), 'utf8'));
    expect(settings).toMatchObject({ schemaVersion: 1, annotator: 'Ana' });
    // The project is listed as Ana's before anything is pressed in it.
    await page
      .getByRole('navigation', { name: 'Documents' })
      .getByRole('button', { name: /Talks/ })
      .waitFor();
  });

  it('cannot be changed to a name another computer uses in the project', async () => {
    await header().getByRole('button', { name: 'Annotator: Ana' }).click();
    await page.getByRole('dialog', { name: 'Who you annotate as' }).waitFor();
    await nameField().fill('ben');
    await nameDialog().getByRole('button', { name: 'Save' }).click();
    const alert = nameDialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      '"ben" is already an annotator of this project, on another computer (desktop',
    );
    await nameDialog().getByRole('button', { name: 'This is me on another computer' }).waitFor();
    expect((await service.getAnnotator({})).name).toBe('Ana');
  });

  it('changes from the header, and tags are then saved under the new name’s file', async () => {
    await nameField().fill('Cleo');
    await nameDialog().getByRole('button', { name: 'Save' }).click();
    await nameDialog().waitFor({ state: 'detached' });
    await header().getByRole('button', { name: 'Annotator: Cleo' }).waitFor();
    expect(service.project?.annotator).toBe('Cleo');

    await openArticle(page, /Talks/, /confirmed talks about security/);
    await dragOver(page, 'security');
    await page.getByRole('dialog', { name: 'Tag selection' }).waitFor();
    await page.keyboard.press('1');
    await expect.poll(annotationFiles, POLL).toEqual(['Cleo.json']);
    const saved = JSON.parse(
      await readFile(join(project.path, '.gloss', 'annotations', 'talks.txt', 'Cleo.json'), 'utf8'),
    );
    expect(saved.annotations.map((a: { target: { quote: string } }) => a.target.quote)).toEqual(['security']);
  });

  it('is shared with another computer once the researcher says that is them', async () => {
    await header().getByRole('button', { name: 'Annotator: Cleo' }).click();
    await nameField().fill('ben');
    await nameDialog().getByRole('button', { name: 'Save' }).click();
    await nameDialog().getByRole('button', { name: 'This is me on another computer' }).click();
    await nameDialog().waitFor({ state: 'detached' });
    await header().getByRole('button', { name: 'Annotator: ben' }).waitFor();
    await openArticle(page, /Talks/, /confirmed talks about security/);
    await dragOver(page, 'regulator');
    await page.getByRole('dialog', { name: 'Tag selection' }).waitFor();
    await page.keyboard.press('1');
    await expect.poll(annotationFiles, POLL).toEqual(['Cleo.json', 'ben.json']);
    expect(problems).toEqual([]);
  });
});
