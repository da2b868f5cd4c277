import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { readFolder } from '../storage/read-folder';

export interface AnnotationFileRef {
  /** The document key the file belongs to. */
  key: string;
  annotator: string;
  path: string;
}

/** An annotation file of a document as a walk of the folder found it. */
export interface ListedAnnotationFile {
  annotator: string;
  path: string;
  /** The file's name under .gloss/annotations/ (`<key>/<annotator>.json`). */
  name: string;
  /** Its size and modification time then; absent where the walk did not look (this annotator's open file). */
  stamp?: { size: number; mtimeMs: number };
}

/** Every annotation file under .gloss/annotations/, by document key and annotator. */
export async function findAnnotationFiles(annotationsDir: string): Promise<AnnotationFileRef[]> {
  const found: AnnotationFileRef[] = [];
  const pending: { dir: string; key: string[] }[] = [{ dir: annotationsDir, key: [] }];
  while (pending.length > 0) {
    const { dir, key } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readFolder(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue; // Gloss's temp files among them (atomic-write.ts)
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push({ dir: path, key: [...key, entry.name] });
      else if (entry.isFile() && entry.name.endsWith('.json') && key.length > 0) {
        found.push({ key: key.join('/'), annotator: entry.name.slice(0, -'.json'.length), path });
      }
    }
  }
  return found;
}
