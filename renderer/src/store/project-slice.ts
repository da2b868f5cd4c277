import type { ProjectInfo } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

export interface ProjectSlice {
  /** The open project; null when none is open or it could not be loaded. */
  project: ProjectInfo | null;
  /** False until the first answer, so the screens can tell "loading" from "no project". */
  projectLoaded: boolean;
  projectError: ApiErrorShape | null;
  /**
   * Loads the project, its documents and the open document again (on start and on projectOpened);
   * a project other than the one shown so far opens where the researcher was last reading it.
   */
  reload(): Promise<void>;
}

export const createProjectSlice =
  (client: GlossClient): SliceCreator<ProjectSlice> =>
  (set, get) => ({
    project: null,
    projectLoaded: false,
    projectError: null,

    async reload() {
      const shownRoot = get().project?.root;
      try {
        const project = await client.getProject({});
        set({ project, projectLoaded: true, projectError: null });
      } catch (error) {
        const shape = errorShape(error);
        // Having no project yet is a state of the app, not an error to show.
        set({ project: null, projectLoaded: true, projectError: shape.code === 'no-project' ? null : shape });
        get().clearDocuments();
        return;
      }
      await get().loadDocuments();
      const { project, selectedKey, documents } = get();
      if (project && project.root !== shownRoot) return get().resumeReading(project.root);
      if (selectedKey !== null && documents.some((d) => d.key === selectedKey))
        await get().openDocument(selectedKey);
      else get().closeDocument();
    },
  });
