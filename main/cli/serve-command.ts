import { createDispatch } from '../api/dispatch';
import { createGlossService } from '../api/gloss-service';
import { AnnotatorIdentity } from '../settings/annotator-identity';
import { userSettingsFile, userSettingsFolder } from '../settings/settings-folder';
import { type BrowserHost, startBrowserHost } from '../transports/browser-host';

export interface ServeOptions {
  folder: string;
  port?: number;
  /** `--annotator NAME`: fixes the name; otherwise the user's settings keep it and the screens ask it. */
  annotator?: string;
  rendererDir?: string;
  /** Where the user's settings are kept; settings-folder.ts's per-user folder unless given. */
  settingsFolder?: string;
}

/** Opens the folder and serves it to the browser; resolves once the host is listening. */
export async function serveProject(options: ServeOptions): Promise<BrowserHost> {
  const identity = new AnnotatorIdentity({
    settingsFile: userSettingsFile(options.settingsFolder ?? userSettingsFolder()),
    commandLine: options.annotator,
  });
  const service = createGlossService({ identity });
  await service.open(options.folder);
  return startBrowserHost({
    service,
    dispatch: createDispatch(service),
    port: options.port,
    rendererDir: options.rendererDir,
  });
}
