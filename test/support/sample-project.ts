import { createGlossService, type GlossService } from '../../main/api/gloss-service';
import { sampleDataset } from './sample-dataset';

export interface AnnotatedSample {
  /** The open service of one annotator of the folder, opened on first use. */
  as(author: string): Promise<GlossService>;
  /** Closes every service opened (they watch the folder). */
  close(): void;
}

/**
 * Annotates a folder that holds the sample dataset's articles as its annotators would, through
 * the API: alice registers the stakeholders, each annotation and relation is made by its author.
 */
export async function annotateSample(folder: string): Promise<AnnotatedSample> {
  const dataset = sampleDataset();
  const services = new Map<string, GlossService>();
  const as = async (author: string) => {
    let service = services.get(author);
    if (!service) {
      service = createGlossService({ annotator: author });
      await service.open(folder);
      services.set(author, service);
    }
    return service;
  };
  const alice = await as('alice');
  const stakeholderIds = new Map<string, string>();
  for (const s of dataset.stakeholders) {
    const added = await alice.addStakeholder({ name: s.name, kind: s.kind, aliases: s.aliases });
    stakeholderIds.set(s.id, added.id);
  }
  for (const document of dataset.documents) {
    const ids = new Map<string, string>();
    for (const a of document.annotations) {
      const created = await (await as(a.author)).createAnnotation({
        key: document.key,
        code: a.code,
        start: a.target.start,
        end: a.target.end,
        ...(a.note ? { note: a.note } : {}),
        ...(a.value ? { value: a.value } : {}),
        ...(a.stakeholderId ? { stakeholderId: stakeholderIds.get(a.stakeholderId)! } : {}),
      });
      ids.set(a.id, created.id);
    }
    for (const r of document.relations) {
      await (await as(r.author)).createRelation({
        key: document.key,
        type: r.type,
        from: ids.get(r.from)!,
        to: ids.get(r.to)!,
      });
    }
  }
  return {
    as,
    close: () => {
      for (const service of services.values()) service.close();
    },
  };
}
