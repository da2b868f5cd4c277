import { readJsonFile } from '../storage/read-json-file';
import { findAnnotationFiles } from './annotation-files';
import { AnnotationFileSchema } from './annotation-files-schema';
import type { ProjectLayout } from './layout';

/** How many annotations each code has across the project, by every annotator. Invalid files are passed over. */
export async function countAnnotationsByCode(layout: ProjectLayout): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const ref of await findAnnotationFiles(layout.annotationsDir)) {
    const read = await readJsonFile(ref.path, {
      displayName: layout.display(ref.path),
      schema: AnnotationFileSchema,
    });
    if (read.status !== 'valid') continue;
    for (const annotation of read.value.annotations)
      counts.set(annotation.code, (counts.get(annotation.code) ?? 0) + 1);
  }
  return counts;
}
