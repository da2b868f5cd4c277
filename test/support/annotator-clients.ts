import { createDispatch } from '../../main/api/dispatch';
import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { inProcessTransport } from '../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../shared/api-client';

export interface AnnotatorClients {
  /** A client of the project as this annotator: a service of its own, the folder not watched. */
  as(annotator: string): Promise<GlossClient>;
  /** Stops every service, once nothing more is written into the folder. */
  close(): Promise<void>;
}

/** Several annotators working on one project folder, as the tests that need their work together set it up. */
export function annotatorClients(folder: string): AnnotatorClients {
  const services: GlossService[] = [];
  return {
    async as(annotator) {
      const service = createGlossService({ annotator, watchFolder: false });
      services.push(service);
      await service.open(folder);
      return createApiClient(inProcessTransport(createDispatch(service)));
    },
    async close() {
      await Promise.all(services.splice(0).map((service) => service.close()));
    },
  };
}
