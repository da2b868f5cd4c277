import type { ApiRequest } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { Codebook } from '../../../shared/model/codebook';
import type { Stakeholder } from '../../../shared/model/stakeholder';
import type { SliceCreator } from './slice';

export interface CodebookSlice {
  /** Mentions per stakeholder id across the project; loaded when the register is shown. */
  mentionCounts: Record<string, number>;
  addCode(request: ApiRequest<'addCode'>): Promise<boolean>;
  updateCode(id: string, changes: ApiRequest<'updateCode'>['changes']): Promise<boolean>;
  moveCode(id: string, parentId: string | null, index: number): Promise<boolean>;
  /** Deletes a code; annotations of it are reassigned or removed as chosen. Reloads the open document. */
  deleteCode(id: string, annotations: ApiRequest<'deleteCode'>['annotations']): Promise<boolean>;
  addStakeholder(request: ApiRequest<'addStakeholder'>): Promise<Stakeholder | undefined>;
  updateStakeholder(id: string, changes: ApiRequest<'updateStakeholder'>['changes']): Promise<boolean>;
  mergeStakeholders(from: string, into: string): Promise<boolean>;
  loadMentionCounts(): Promise<void>;
  setSnapToWords(snap: boolean): Promise<void>;
}

/**
 * Codebook and register edits are not optimistic: they change what every code and mention means,
 * so the screen shows the project file's answer. Failures are kept with a retry like any save.
 */
export const createCodebookSlice =
  (client: GlossClient): SliceCreator<CodebookSlice> =>
  (set, get) => {
    const setCodebook = (codebook: Codebook) =>
      set((s) => (s.project ? { project: { ...s.project, codebook } } : {}));
    const setStakeholders = (update: (list: Stakeholder[]) => Stakeholder[]) =>
      set((s) =>
        s.project ? { project: { ...s.project, stakeholders: update(s.project.stakeholders) } } : {},
      );

    return {
      mentionCounts: {},

      addCode: (request) =>
        get().save(`Add code “${request.name}”`, async () => setCodebook(await client.addCode(request))),
      updateCode: (id, changes) =>
        get().save('Edit code', async () => setCodebook(await client.updateCode({ id, changes }))),
      moveCode: (id, parentId, index) =>
        get().save('Move code', async () => setCodebook(await client.moveCode({ id, parentId, index }))),
      deleteCode: (id, annotations) =>
        get().save('Delete code', async () => {
          const result = await client.deleteCode({ id, annotations });
          setCodebook(result.codebook);
          // Annotations of the code were moved or removed on disk: show the document as it now is.
          get().clearHistory();
          const key = get().reader.key;
          if (key) await get().openDocument(key);
          await get().loadDocuments();
        }),

      async addStakeholder(request) {
        let added: Stakeholder | undefined;
        await get().save(`Add stakeholder “${request.name}”`, async () => {
          added = await client.addStakeholder(request);
          const stakeholder = added;
          setStakeholders((list) => [...list, stakeholder]);
        });
        return added;
      },
      updateStakeholder: (id, changes) =>
        get().save('Edit stakeholder', async () => {
          const updated = await client.updateStakeholder({ id, changes });
          setStakeholders((list) => list.map((s) => (s.id === id ? updated : s)));
        }),
      mergeStakeholders: (from, into) =>
        get().save('Merge stakeholders', async () => {
          const { stakeholders } = await client.mergeStakeholders({ from, into });
          setStakeholders(() => stakeholders);
          get().clearHistory();
          const key = get().reader.key;
          if (key) await get().openDocument(key);
          await get().loadMentionCounts();
        }),

      async loadMentionCounts() {
        try {
          set({ mentionCounts: await client.countMentions({}) });
        } catch {
          // Counts are a convenience; the register works without them.
        }
      },

      async setSnapToWords(snap) {
        // Shown at once, as every setting is; the project's answer then confirms it.
        set((s) =>
          s.project
            ? { project: { ...s.project, settings: { ...s.project.settings, snapToWords: snap } } }
            : {},
        );
        await get().save('Settings', async () => {
          const settings = await client.updateSettings({ snapToWords: snap });
          set((s) => (s.project ? { project: { ...s.project, settings } } : {}));
        });
      },
    };
  };
