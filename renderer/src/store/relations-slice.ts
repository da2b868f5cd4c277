import type { ApiRequest } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { Codebook } from '../../../shared/model/codebook';
import type { Relation } from '../../../shared/model/relation';
import { shortQuote } from './annotations-slice';
import { errorShape } from './api-errors';
import { latestChanges } from './latest-change';
import type { GlossState, SliceCreator } from './slice';

export type RelationChanges = ApiRequest<'updateRelation'>['changes'];

export interface NewRelation {
  type: string;
  from: string;
  to: string;
  note?: string;
}

export interface RelationsSlice {
  /** Why the open document's relations could not be read again, if they could not. */
  relationsError: ApiErrorShape | null;
  /** Reads the open document's relations again (they come with the document; see `documentRelations`). */
  loadRelations(key: string): Promise<void>;
  /** Links two annotations of the open document; shown at once, saved, undoable. Returns the new id. */
  link(relation: NewRelation): Promise<string | undefined>;
  editRelation(id: string, changes: RelationChanges): Promise<void>;
  unlink(id: string): Promise<void>;
  /**
   * For deleting an annotation: the project deletes its relations with it, so the screen drops
   * them too and returns them, for the delete's undo to give to `restoreRelations`.
   */
  dropRelationsOf(key: string, annotationId: string): Relation[];
  restoreRelations(key: string, relations: readonly Relation[], label: string): Promise<void>;
  /** Set while the inspector's link form is open: a click on a passage in the reader goes to it. */
  linkTargetPicker: ((annotationId: string) => void) | null;
  setLinkTargetPicker(picker: ((annotationId: string) => void) | null): void;
  addRelationType(name: string): Promise<boolean>;
  updateRelationType(id: string, changes: ApiRequest<'updateRelationType'>['changes']): Promise<boolean>;
  deleteRelationType(id: string): Promise<boolean>;
}

/** The open document's relations, by every annotator (they come with it: reader-slice.ts). */
export function documentRelations(s: GlossState): Relation[] {
  return s.reader.relations;
}

/**
 * Relations are optimistic like annotations (annotations-slice.ts): each action changes the
 * screen, records its inverse in the history and saves. Relation types change the codebook, so
 * like codes they show the project file's answer.
 */
export const createRelationsSlice =
  (client: GlossClient): SliceCreator<RelationsSlice> =>
  (set, get) => {
    const steps = relationSteps(client, set, get);
    const setCodebook = (codebook: Codebook) =>
      set((s) => (s.project ? { project: { ...s.project, codebook } } : {}));

    return {
      relationsError: null,

      async loadRelations(key) {
        try {
          const relations = await client.listRelations({ key });
          set((s) =>
            s.reader.key === key ? { reader: { ...s.reader, relations }, relationsError: null } : {},
          );
        } catch (error) {
          set((s) => (s.reader.key === key ? { relationsError: errorShape(error) } : {}));
        }
      },

      async link(request) {
        const { reader, project } = get();
        if (!reader.key || !project) return undefined;
        const key = reader.key;
        const now = new Date().toISOString();
        const relation: Relation = {
          id: crypto.randomUUID(),
          type: request.type,
          from: request.from,
          to: request.to,
          author: project.annotator,
          created: now,
          modified: now,
          ...(request.note ? { note: request.note } : {}),
        };
        const label = `Link ${describe(get(), relation)}`;
        get().record({
          label,
          key,
          redo: (key) => steps.create(key, relation, label),
          undo: (key) => steps.remove(key, relation.id, label),
        });
        await steps.create(key, relation, label);
        return relation.id;
      },

      async editRelation(id, changes) {
        const key = get().reader.key;
        const before = documentRelations(get()).find((r) => r.id === id);
        if (!key || !before) return;
        const inverse: RelationChanges = {};
        if (changes.type !== undefined) inverse.type = before.type;
        if (changes.from !== undefined) inverse.from = before.from;
        if (changes.to !== undefined) inverse.to = before.to;
        if (changes.note !== undefined) inverse.note = before.note ?? null;
        const label = `Edit link ${describe(get(), before)}`;
        get().record({
          label,
          key,
          redo: (key) => steps.update(key, id, changes, label),
          undo: (key) => steps.update(key, id, inverse, label),
        });
        await steps.update(key, id, changes, label);
      },

      async unlink(id) {
        const key = get().reader.key;
        const before = documentRelations(get()).find((r) => r.id === id);
        if (!key || !before) return;
        const label = `Delete link ${describe(get(), before)}`;
        get().record({
          label,
          key,
          redo: (key) => steps.remove(key, id, label),
          undo: (key) => steps.create(key, before, label),
        });
        await steps.remove(key, id, label);
      },

      dropRelationsOf(key, annotationId) {
        if (get().reader.key !== key) return [];
        const dropped = get().reader.relations.filter(
          (r) => r.from === annotationId || r.to === annotationId,
        );
        if (dropped.length > 0) {
          const gone = new Set(dropped);
          set((s) => ({
            reader: { ...s.reader, relations: s.reader.relations.filter((r) => !gone.has(r)) },
          }));
        }
        return dropped;
      },

      async restoreRelations(key, relations, label) {
        // One after another: each save must find the annotation it links saved before it.
        for (const relation of relations) await steps.create(key, relation, label);
      },

      linkTargetPicker: null,
      setLinkTargetPicker(linkTargetPicker) {
        set({ linkTargetPicker });
      },

      addRelationType: (name) =>
        get().save(`Add relation type “${name}”`, async () =>
          setCodebook(await client.addRelationType({ name })),
        ),
      updateRelationType: (id, changes) =>
        get().save('Edit relation type', async () =>
          setCodebook(await client.updateRelationType({ id, changes })),
        ),
      deleteRelationType: (id) =>
        get().save('Delete relation type', async () => setCodebook(await client.deleteRelationType({ id }))),
    };
  };

type Set = Parameters<SliceCreator<RelationsSlice>>[0];
type Get = () => GlossState;

/**
 * The single steps every action, undo and redo is made of: change the screen, then save. An
 * answer shows the saved copy only if no later change of that relation is on screen already.
 */
function relationSteps(client: GlossClient, set: Set, get: Get) {
  const latest = latestChanges();
  const onScreen = (key: string, change: (list: Relation[]) => Relation[]) =>
    set((s) =>
      s.reader.key === key ? { reader: { ...s.reader, relations: change(s.reader.relations) } } : {},
    );
  const replace = (saved: Relation) => (list: Relation[]) => list.map((r) => (r.id === saved.id ? saved : r));

  return {
    async create(key: string, relation: Relation, label: string) {
      const stillLatest = latest.shown(relation.id);
      onScreen(key, (list) => [...list.filter((r) => r.id !== relation.id), relation]);
      await get().save(label, async () => {
        const { id, type, from, to, note } = relation;
        const saved = await client.createRelation({ key, id, type, from, to, ...(note ? { note } : {}) });
        if (stillLatest()) onScreen(key, replace(saved));
      });
    },

    async update(key: string, id: string, changes: RelationChanges, label: string) {
      const stillLatest = latest.shown(id);
      onScreen(key, (list) => list.map((r) => (r.id === id ? applyChanges(r, changes) : r)));
      await get().save(label, async () => {
        const saved = await client.updateRelation({ key, id, changes });
        if (stillLatest()) onScreen(key, replace(saved));
      });
    },

    async remove(key: string, id: string, label: string) {
      const stillLatest = latest.shown(id);
      onScreen(key, (list) => list.filter((r) => r.id !== id));
      await get().save(label, async () => {
        await client.deleteRelation({ key, id });
        stillLatest();
      });
    },
  };
}

/** The relation as the project will save it, so the screen can show it before the answer. */
function applyChanges(relation: Relation, changes: RelationChanges): Relation {
  const next: Relation = { ...relation, modified: new Date().toISOString() };
  if (changes.type !== undefined) next.type = changes.type;
  if (changes.from !== undefined) next.from = changes.from;
  if (changes.to !== undefined) next.to = changes.to;
  if (changes.note === null || changes.note === '') delete next.note;
  else if (changes.note !== undefined) next.note = changes.note;
  return next;
}

/** “ByteDance” raises “user data”, for history labels. */
function describe(state: GlossState, relation: Relation): string {
  const quote = (id: string) => {
    const annotation = state.reader.annotations.find((a) => a.id === id);
    return annotation ? `“${shortQuote(annotation.target.quote)}”` : 'an annotation';
  };
  return `${quote(relation.from)} ${relationTypeName(state, relation.type)} ${quote(relation.to)}`;
}

export function relationTypeName(state: GlossState, typeId: string): string {
  return state.project?.codebook.relationTypes.find((t) => t.id === typeId)?.name ?? typeId;
}
