import type { GlossClient } from '../../../shared/api-client';
import type { Annotation } from '../../../shared/model/annotation';
import type { Relation } from '../../../shared/model/relation';
import { targetFor } from '../../../shared/text/quote';
import { codeName, insertSorted, shortQuote } from './annotations-slice';
import type { GlossState, SliceCreator } from './slice';

/**
 * Orphans are annotations the project could not place again after their article changed; the
 * open document lists them (`reader.document.orphans`). The researcher re-attaches one to a
 * passage selected in the reader, or deletes it. Both are shown at once, saved, and undoable.
 */
export interface OrphansSlice {
  /** Places the orphan on the passage selected in the reader (`pendingSelection`). */
  reattachOrphan(id: string): Promise<void>;
  deleteOrphan(id: string): Promise<void>;
}

export const createOrphansSlice =
  (client: GlossClient): SliceCreator<OrphansSlice> =>
  (set, get) => {
    const steps = orphanSteps(client, set, get);
    return {
      async reattachOrphan(id) {
        const { reader, pendingSelection } = get();
        const orphan = reader.document?.orphans.find((a) => a.id === id);
        if (!reader.key || !reader.document || !orphan || !pendingSelection) return;
        const key = reader.key;
        const placed: Annotation = {
          ...orphan,
          target: targetFor(reader.document.text, pendingSelection.start, pendingSelection.end),
        };
        const label = `Re-attach “${shortQuote(orphan.target.quote)}” as ${codeName(get(), orphan.code)}`;
        get().record({
          label,
          key,
          redo: (key) => steps.reattach(key, orphan, placed, label),
          undo: (key) => steps.restore(key, orphan, [], label),
        });
        set({ pendingSelection: null, selectedAnnotationId: id });
        await steps.reattach(key, orphan, placed, label);
      },

      async deleteOrphan(id) {
        const key = get().reader.key;
        const orphan = get().reader.document?.orphans.find((a) => a.id === id);
        if (!key || !orphan) return;
        const label = `Delete the orphan “${shortQuote(orphan.target.quote)}”`;
        // The project deletes the orphan's relations with it and returns them for the undo.
        const removed: { relations: Relation[] } = { relations: [] };
        get().record({
          label,
          key,
          redo: (key) => steps.remove(key, orphan, removed, label),
          undo: (key) => steps.restore(key, orphan, removed.relations, label),
        });
        await steps.remove(key, orphan, removed, label);
      },
    };
  };

type Set = Parameters<SliceCreator<OrphansSlice>>[0];
type Get = () => GlossState;

function orphanSteps(client: GlossClient, set: Set, get: Get) {
  const onScreen = (
    key: string,
    change: (lists: { annotations: Annotation[]; orphans: Annotation[] }) => {
      annotations: Annotation[];
      orphans: Annotation[];
    },
  ) =>
    set((s) => {
      if (s.reader.key !== key || !s.reader.document) return {};
      const next = change({ annotations: s.reader.annotations, orphans: s.reader.document.orphans });
      return {
        reader: {
          ...s.reader,
          annotations: next.annotations,
          document: { ...s.reader.document, orphans: next.orphans },
        },
      };
    });

  return {
    async reattach(key: string, orphan: Annotation, placed: Annotation, label: string) {
      onScreen(key, ({ annotations, orphans }) => ({
        annotations: insertSorted(
          annotations.filter((a) => a.id !== orphan.id),
          placed,
        ),
        orphans: orphans.filter((a) => a.id !== orphan.id),
      }));
      await get().save(label, async () => {
        const saved = await client.reattachOrphan({
          key,
          id: orphan.id,
          start: placed.target.start,
          end: placed.target.end,
        });
        onScreen(key, (lists) => ({
          ...lists,
          annotations: lists.annotations.map((a) => (a.id === saved.id ? saved : a)),
        }));
        // Relations kept in the file while it was an orphan count again.
        await get().loadRelations(key);
      });
    },

    async restore(key: string, orphan: Annotation, relations: Relation[], label: string) {
      onScreen(key, ({ annotations, orphans }) => ({
        annotations: annotations.filter((a) => a.id !== orphan.id),
        orphans: [...orphans.filter((a) => a.id !== orphan.id), orphan],
      }));
      if (get().selectedAnnotationId === orphan.id) set({ selectedAnnotationId: null });
      get().dropRelationsOf(key, orphan.id);
      await get().save(label, () => client.restoreOrphan({ key, orphan, relations }));
    },

    async remove(key: string, orphan: Annotation, removed: { relations: Relation[] }, label: string) {
      onScreen(key, (lists) => ({ ...lists, orphans: lists.orphans.filter((a) => a.id !== orphan.id) }));
      await get().save(label, async () => {
        removed.relations = (await client.deleteOrphan({ key, id: orphan.id })).relations;
      });
    },
  };
}
