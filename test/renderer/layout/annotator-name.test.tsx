// @vitest-environment jsdom
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { AnnotatorRegistry } from '../../../main/project/annotator-registry';
import { ProjectLayout } from '../../../main/project/layout';
import { AnnotatorIdentity } from '../../../main/settings/annotator-identity';
import { userSettingsFile } from '../../../main/settings/settings-folder';
import { inProcessTransport } from '../../../main/transports/in-process';
import { Header } from '../../../renderer/src/components/header/Header';
import { StoreProvider } from '../../../renderer/src/store/context';
import { connectStore, createGlossStore, type GlossStore } from '../../../renderer/src/store/gloss-store';
import { createApiClient } from '../../../shared/api-client';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject;
let home: string;
let service: GlossService;
let store: GlossStore;
let disconnect: () => void;

/** The header of a Gloss started on the project as `identity` says, connected to main as the app is. */
async function startHeader(identity: AnnotatorIdentity) {
  service = createGlossService({ identity, watchFolder: false });
  await service.open(project.path);
  const client = createApiClient(inProcessTransport(createDispatch(service), service));
  store = createGlossStore(client);
  disconnect = connectStore(store, client);
  render(
    <StoreProvider store={store}>
      <Header />
    </StoreProvider>,
  );
}

const install = (name: string, env: NodeJS.ProcessEnv = {}) =>
  new AnnotatorIdentity({ settingsFile: userSettingsFile(join(home, name)), env, computer: name });

beforeEach(async () => {
  project = await makeTempProject({ 'a.txt': 'Talks\n\nMicrosoft met TikTok.\n' });
  home = await mkdtemp(join(tmpdir(), 'gloss-header-installs-'));
});
afterEach(async () => {
  cleanup();
  disconnect?.();
  await service?.close();
  await project.cleanup();
  await rm(home, { recursive: true, force: true });
});

describe('the annotator in the header', () => {
  it('says when another computer uses the name here, and lets the researcher say it is them', async () => {
    // The laptop chose "ana" elsewhere; the desktop took "ana" in this project first.
    const laptop = install('laptop');
    const elsewhere = await makeTempProject({ 'b.txt': 'B\n' });
    await laptop.choose(elsewhere.path, 'ana', false);
    await elsewhere.cleanup();
    await new AnnotatorRegistry(new ProjectLayout(project.path), 'b2b2b2b2b2b2b2b2b2b2b2b2', 'desktop').claim(
      'ana',
    );

    await startHeader(laptop);
    const dialog = await screen.findByRole('dialog', { name: 'Who you annotate as' });
    expect(within(dialog).getByRole('alert').textContent).toMatch(
      /^"ana" is already an annotator of this project, on another computer \(desktop, since \d{4}-\d\d-\d\d\)\. The project is open only to read/,
    );
    expect(store.getState().project?.readOnly).toBe(true);

    await userEvent.click(within(dialog).getByRole('button', { name: 'This is me on another computer' }));
    // The project is reopened as the annotator: seconds on a busy machine, not testing-library's default 1 s.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(store.getState().project?.readOnly).toBe(false), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Annotator: ana' })).toBeTruthy();
  });

  it('asks on first start, and "Not now" keeps the suggested name until asked from the header', async () => {
    const laptop = install('laptop');
    await startHeader(laptop);
    const dialog = await screen.findByRole('dialog', { name: 'Who is annotating?' });
    expect((within(dialog).getByRole('textbox', { name: 'Your name' }) as HTMLInputElement).value).toBe(
      laptop.suggested,
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: `Annotator: ${laptop.suggested}` }));
    expect(await screen.findByRole('dialog', { name: 'Who is annotating?' })).toBeTruthy();
  });

  it('only shows a name fixed by GLOSS_ANNOTATOR', async () => {
    await startHeader(install('laptop', { GLOSS_ANNOTATOR: 'cleo' }));
    const name = await screen.findByTitle('Your annotator name, set by GLOSS_ANNOTATOR when Gloss started');
    expect(name.textContent).toBe('Annotator: cleo');
    expect(screen.queryByRole('button', { name: /Annotator/ })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
