import { mkdir } from 'node:fs/promises';
import { watchFolder } from './folder-watcher';
import type { Project } from './project';

export interface ProjectWatcher {
  /** Stops watching; resolves once nothing of the watcher's start is left to write (the annotations folder made). */
  close(): Promise<void>;
}

/**
 * Watches an open project for what changes under it: articles added, removed, renamed or edited
 * in the folder, and annotation files saved by anyone but this Gloss (another annotator's work
 * arriving by sync, another window of the same annotator). Calls back with the document keys
 * concerned; none means "any of them". This Gloss's own saves are not news and are not reported.
 */
export function watchProject(
  project: Project,
  onChange: (keys: string[]) => void,
  onProblem: (message: string) => void,
): ProjectWatcher {
  const articles = watchFolder(project.root, ({ keys }) => onChange(keys), { onProblem });
  let closed = false;
  let annotations: ReturnType<typeof watchFolder> | undefined;
  // The folder is made so that files arriving by sync are seen from the first one. Kept, so that
  // closing waits for it: made after the project folder was removed, it broke the removal.
  const started = mkdir(project.layout.annotationsDir, { recursive: true })
    .then(() => {
      if (closed) return;
      annotations = watchFolder(
        project.layout.annotationsDir,
        ({ keys }) => void annotationsChanged(project, keys).then((news) => news && onChange(news)),
        // The articles' watcher already says when the project folder goes away.
        { include: (name) => name.endsWith('.json') },
      );
    })
    .catch(() => {});
  return {
    async close() {
      closed = true;
      articles.close();
      await started;
      annotations?.close();
    },
  };
}

/** The documents whose annotation files (`<key>/<annotator>.json`) changed other than by this Gloss. */
async function annotationsChanged(project: Project, files: string[]): Promise<string[] | undefined> {
  if (files.length === 0) return [];
  const keys = new Set<string>();
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    if (slash < 0) continue;
    const key = file.slice(0, slash);
    const annotator = file.slice(slash + 1, -'.json'.length);
    if (await project.annotationFileChanged(key, annotator).catch(() => true)) keys.add(key);
  }
  return keys.size > 0 ? [...keys] : undefined;
}
