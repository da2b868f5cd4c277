import { createDispatch } from '../api/dispatch';
import { createGlossService } from '../api/gloss-service';
import { type BrowserHost, startBrowserHost } from '../transports/browser-host';

export interface ServeOptions {
  folder: string;
  port?: number;
  annotator?: string;
  rendererDir?: string;
}

/** Opens the folder and serves it to the browser; resolves once the host is listening. */
export async function serveProject(options: ServeOptions): Promise<BrowserHost> {
  const service = createGlossService({ annotator: options.annotator });
  await service.open(options.folder);
  return startBrowserHost({
    service,
    dispatch: createDispatch(service),
    port: options.port,
    rendererDir: options.rendererDir,
  });
}
