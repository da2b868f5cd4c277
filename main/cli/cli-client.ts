import type { GlossClient } from '../../shared/api-client';
import { createApiClient } from '../../shared/api-client';
import { createDispatch } from '../api/dispatch';
import { createGlossService } from '../api/gloss-service';
import { inProcessTransport } from '../transports/in-process';

export interface CliClientOptions {
  /** Whose annotations edits are saved as (`--annotator`). */
  annotator?: string;
  /** Opens projects only to read them: nothing is written into the folder. */
  readOnly?: boolean;
}

/**
 * The API client a `gloss` command talks to the project through: the same contract and the same
 * validation as the screens, carried in-process. Unlike the screens, the command line may open
 * the folder it was given and export to a path of its choosing. No folder watcher: a command
 * ends once it has answered.
 */
export function cliClient(options: CliClientOptions = {}): GlossClient {
  const service = createGlossService({
    annotator: options.annotator,
    readOnly: options.readOnly,
    allowOpenProject: true,
    allowExportOutside: true,
    watchFolder: false,
  });
  // A failure comes back as the envelope's one-line message, which `gloss` prints: no stack trace.
  const dispatch = createDispatch(service, () => {});
  return createApiClient(inProcessTransport(dispatch, service));
}
