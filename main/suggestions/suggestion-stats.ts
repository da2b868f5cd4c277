import type { SuggestionStats } from '../../shared/api-answers';
import { SUGGESTION_KINDS, type SuggestionKind } from '../../shared/model/suggestion';
import { forEachLimited } from '../project/for-each-limited';
import { readAnnotationFileAt } from '../project/other-annotators';
import { NOT_OPEN } from '../project/own-stores';
import type { Project } from '../project/project';
import { readJsonFile } from '../storage/read-json-file';
import { migrateRejectionsFile, RejectionsFileSchema } from './rejections-file';

/** Files read at once: enough to overlap their I/O. */
const FILES_IN_FLIGHT = 16;

/**
 * How this annotator has received Gloss's suggestions so far, by kind, over the whole project:
 * accepted is what their annotations say they were made from (`suggested`, so an accept undone or
 * an annotation deleted no longer counts), rejected is what their suggestions files hold. The
 * share accepted is the precision they are getting from each kind.
 */
export async function suggestionStats(project: Project): Promise<SuggestionStats> {
  const { documents } = await project.listDocuments();
  const byKind = Object.fromEntries(
    SUGGESTION_KINDS.map((kind) => [kind, { accepted: 0, rejected: 0 }]),
  ) as Record<SuggestionKind, { accepted: number; rejected: number }>;
  const unreadable: string[] = [];
  const { annotator, layout } = project;
  await forEachLimited(documents, FILES_IN_FLIGHT, async ({ key }) => {
    const held = await project.heldOwnFile(key);
    const own =
      held === NOT_OPEN ? (await readAnnotationFileAt(layout.annotationFile(key, annotator))).file : held;
    for (const annotation of own?.annotations ?? []) {
      if (annotation.suggested) byKind[annotation.suggested].accepted++;
    }
    const path = layout.suggestionsFile(key, annotator);
    const read = await readJsonFile(path, {
      displayName: layout.display(path),
      schema: RejectionsFileSchema,
      migrate: migrateRejectionsFile,
    });
    if (read.status === 'invalid') unreadable.push(layout.display(path));
    if (read.status !== 'valid') return;
    for (const rejection of read.value.rejected) byKind[rejection.kind].rejected++;
  });
  return { annotator, documents: documents.length, byKind, unreadable: unreadable.sort() };
}
