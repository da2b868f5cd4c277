import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { inProcessTransport } from '../../main/transports/in-process';
import {
  createGlossStore,
  type GlossStore,
  type GlossStoreOptions,
} from '../../renderer/src/store/gloss-store';
import { createApiClient, type GlossClient } from '../../shared/api-client';
import { makeTempProject, type TempProject } from './temp-project';

export interface TestStore {
  store: GlossStore;
  client: GlossClient;
  service: GlossService;
  project: TempProject;
  cleanup(): Promise<void>;
}

/**
 * The screens' real store over the real service, on a throwaway folder of `files`, loaded
 * (project, documents) as the app is on start. Nothing is mocked: saves reach the disk.
 */
export async function openTestStore(
  files: Record<string, string>,
  options: GlossStoreOptions = {},
): Promise<TestStore> {
  const project = await makeTempProject(files);
  const service = createGlossService({ annotator: 'tester' });
  await service.open(project.path);
  const client = createApiClient(inProcessTransport(createDispatch(service), service));
  const store = createGlossStore(client, options);
  await store.getState().reload();
  // Saves still on their way would otherwise write into a folder being removed.
  const cleanup = async () => {
    await savesSettled(store);
    await service.close();
    await project.cleanup();
  };
  return { store, client, service, project, cleanup };
}

/**
 * Resolves once every save sent so far has been answered. Saves take milliseconds; the bound is
 * for a machine busy with other work (two test workers and a CPU-heavy process on two cores).
 */
export async function savesSettled(store: GlossStore): Promise<void> {
  for (let i = 0; i < 2_000 && store.getState().savesPending > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (store.getState().savesPending > 0) throw new Error('saves still pending after 10 s');
}
