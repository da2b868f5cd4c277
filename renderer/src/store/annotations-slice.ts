import type { ApiRequest } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { Annotation } from '../../../shared/model/annotation';
import { applyAnnotationChanges, newAnnotation } from '../../../shared/model/annotation-rules';
import type { DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import type { FigureValue } from '../../../shared/model/figure';
import { nextPaint } from '../reader/after-paint';
import { latestChanges } from './latest-change';
import { isOwnAnnotation } from './reader-views-slice';
import type { GlossState, SliceCreator } from './slice';

export interface NewTag {
  code: string;
  /** UTF-16 offsets into the open document's text. */
  start: number;
  end: number;
  note?: string;
  value?: FigureValue;
  stakeholderId?: string;
}

export type AnnotationChanges = ApiRequest<'updateAnnotation'>['changes'];

export interface AnnotationsSlice {
  /** The annotation shown in the inspector and marked in the reader. */
  selectedAnnotationId: string | null;
  selectAnnotation(id: string | null): void;
  /** Tags a passage of the open document; shown at once, saved, undoable. Returns the new id. */
  tag(tag: NewTag): Promise<string | undefined>;
  editAnnotation(id: string, changes: AnnotationChanges): Promise<void>;
  removeAnnotation(id: string): Promise<void>;
  setStatus(status: DocumentStatus): Promise<void>;
  /**
   * Saves a document's note: the open one's unless `key` says which (a draft saved as the
   * reader moves on to another document still belongs to the one it was written for).
   */
  setDocumentNote(note: string, key?: string): Promise<void>;
  /**
   * Sets this annotator's date for a document (YYYY-MM-DD), or clears it with null; server-led:
   * the list and the reader show the date the server then gives (a colleague's or the page's
   * once this one is cleared).
   */
  setDocumentDate(date: string | null, key?: string): Promise<void>;
}

/**
 * Changes to annotations are optimistic: the screen shows them before the disk has them, and
 * the saves slice keeps any that fail on screen with a retry. Each public action records its
 * inverse in the history, and undo/redo go through the same internal steps, so they save too.
 */
export const createAnnotationsSlice =
  (client: GlossClient): SliceCreator<AnnotationsSlice> =>
  (set, get) => {
    const steps = annotationSteps(client, set, get);
    return {
      selectedAnnotationId: null,

      selectAnnotation(id) {
        set({ selectedAnnotationId: id });
      },

      async tag(tag) {
        const { reader, project } = get();
        if (!reader.document || !project) return undefined;
        const key = reader.document.key;
        // Made by the rule the project saves by, so the saved copy matches what is shown.
        const annotation = newAnnotation(
          reader.document.text,
          { ...tag, id: crypto.randomUUID() },
          project.annotator,
          new Date().toISOString(),
        );
        const label = `Tag “${shortQuote(annotation.target.quote)}” as ${codeName(get(), tag.code)}`;
        get().record({
          label,
          key,
          redo: (key) => steps.create(key, annotation, label),
          undo: (key) => steps.remove(key, annotation.id, label),
        });
        // Its id is new, so nothing in the list needs replacing; shown and selected in one store update.
        await steps.create(key, annotation, label, { isNew: true, select: true });
        return annotation.id;
      },

      async editAnnotation(id, changes) {
        const key = get().reader.key;
        const before = get().reader.annotations.find((a) => a.id === id);
        // A colleague's annotation is theirs: the project refuses it, so the screen does not pretend.
        if (!key || !before || !isOwnAnnotation(get(), before)) return;
        const inverse = inverseChanges(before, changes);
        const label = `Edit “${shortQuote(before.target.quote)}”`;
        get().record({
          label,
          key,
          redo: (key) => steps.update(key, id, changes, label),
          undo: (key) => steps.update(key, id, inverse, label),
        });
        await steps.update(key, id, changes, label);
      },

      async removeAnnotation(id) {
        const key = get().reader.key;
        const before = get().reader.annotations.find((a) => a.id === id);
        if (!key || !before || !isOwnAnnotation(get(), before)) return;
        const label = `Delete “${shortQuote(before.target.quote)}”`;
        // The project deletes the annotation's relations with it; undo brings them back too.
        const relations = get().dropRelationsOf(key, id);
        get().record({
          label,
          key,
          redo: (key) => steps.remove(key, id, label),
          undo: async (key) => {
            await steps.create(key, before, label);
            await get().restoreRelations(key, relations, label);
          },
        });
        if (get().selectedAnnotationId === id) set({ selectedAnnotationId: null });
        await steps.remove(key, id, label);
      },

      async setStatus(status) {
        const key = get().reader.key;
        const before = get().reader.document?.status;
        if (!key || !before || before === status) return;
        const label = `Mark as ${status}`;
        get().record({
          label,
          key,
          redo: (key) => steps.status(key, status, label),
          undo: (key) => steps.status(key, before, label),
        });
        await steps.status(key, status, label);
      },

      async setDocumentNote(note, key = get().reader.key ?? undefined) {
        if (!key) return;
        set((s) =>
          s.reader.key === key && s.reader.document
            ? { reader: { ...s.reader, document: { ...s.reader.document, note } } }
            : {},
        );
        await get().save('Document note', () => client.setDocumentNote({ key, note }));
      },

      async setDocumentDate(date, key = get().reader.key ?? undefined) {
        if (!key) return;
        let answer: DocumentSummary | undefined;
        await get().save('Document date', async () => {
          answer = await client.setDocumentDate({ key, date });
        });
        if (!answer) return;
        const dated = <T extends DocumentSummary>(d: T): T => {
          const { date: _date, dateSetBy: _by, ...rest } = d;
          return {
            ...rest,
            ...(answer!.date ? { date: answer!.date } : {}),
            ...(answer!.dateSetBy ? { dateSetBy: answer!.dateSetBy } : {}),
          } as T;
        };
        set((s) => ({
          documents: s.documents.map((d) => (d.key === key ? dated(d) : d)),
          reader:
            s.reader.key === key && s.reader.document
              ? { ...s.reader, document: dated(s.reader.document) }
              : s.reader,
        }));
      },
    };
  };

type Set = Parameters<SliceCreator<AnnotationsSlice>>[0];
type Get = () => GlossState;

/**
 * The single steps every action, undo and redo is made of: change the screen, then save. The
 * change is on screen at once; its request starts once that frame is drawn (sending one costs the
 * page a few milliseconds, too many for the frame after a keypress). The saves slice sends changes
 * one after another, so an undo pressed at once never reaches the project before the tag. An
 * answer shows the saved copy only if no later change of that annotation is on screen already.
 */
function annotationSteps(client: GlossClient, set: Set, get: Get) {
  const afterPaint = <T>(send: () => Promise<T>): Promise<T> => nextPaint().then(send);
  const latest = latestChanges();
  const onScreen = (key: string, change: (list: Annotation[]) => Annotation[]) =>
    set((s) =>
      s.reader.key === key ? { reader: { ...s.reader, annotations: change(s.reader.annotations) } } : {},
    );
  const counted = (s: GlossState, key: string, delta: number) =>
    s.documents.map((d) => (d.key === key ? { ...d, annotationCount: d.annotationCount + delta } : d));
  const count = (key: string, delta: number) => set((s) => ({ documents: counted(s, key, delta) }));

  return {
    /**
     * Shows `annotation` and counts it, in one store update (every update runs every subscriber,
     * and a tag among 10,000 annotations must fit in a frame). `isNew`: its id was just made, so
     * no listed annotation needs replacing; `select`: it becomes the selected annotation too.
     */
    async create(
      key: string,
      annotation: Annotation,
      label: string,
      { isNew = false, select = false }: { isNew?: boolean; select?: boolean } = {},
    ) {
      const stillLatest = latest.shown(annotation.id);
      set((s) => {
        const list = s.reader.annotations;
        return {
          ...(s.reader.key === key
            ? {
                reader: {
                  ...s.reader,
                  annotations: insertSorted(
                    isNew ? list : list.filter((a) => a.id !== annotation.id),
                    annotation,
                  ),
                },
              }
            : {}),
          documents: counted(s, key, 1),
          ...(select ? { selectedAnnotationId: annotation.id } : {}),
        };
      });
      await get().save(label, () =>
        afterPaint(async () => {
          const saved = await client.createAnnotation({
            key,
            id: annotation.id,
            code: annotation.code,
            start: annotation.target.start,
            end: annotation.target.end,
            ...(annotation.note ? { note: annotation.note } : {}),
            ...(annotation.value ? { value: annotation.value } : {}),
            ...(annotation.stakeholderId ? { stakeholderId: annotation.stakeholderId } : {}),
          });
          if (stillLatest()) onScreen(key, (list) => replaceSaved(list, saved));
        }),
      );
    },

    async update(key: string, id: string, changes: AnnotationChanges, label: string) {
      const stillLatest = latest.shown(id);
      onScreen(key, (list) => {
        const text = get().reader.document?.text;
        return sortByPosition(list.map((a) => (a.id === id ? applyChanges(a, changes, text) : a)));
      });
      await get().save(label, () =>
        afterPaint(async () => {
          const saved = await client.updateAnnotation({ key, id, changes });
          if (stillLatest()) onScreen(key, (list) => replaceSaved(list, saved));
        }),
      );
    },

    async remove(key: string, id: string, label: string) {
      const stillLatest = latest.shown(id);
      onScreen(key, (list) => list.filter((a) => a.id !== id));
      get().dropRelationsOf(key, id);
      count(key, -1);
      await get().save(label, () =>
        afterPaint(async () => {
          await client.deleteAnnotation({ key, id });
          stillLatest();
        }),
      );
    },

    async status(key: string, status: DocumentStatus, label: string) {
      set((s) => ({
        documents: s.documents.map((d) => (d.key === key ? { ...d, status } : d)),
        reader:
          s.reader.key === key && s.reader.document
            ? { ...s.reader, document: { ...s.reader.document, status } }
            : s.reader,
      }));
      await get().save(label, () => afterPaint(() => client.setDocumentStatus({ key, status })));
    },
  };
}

/** The changes that take `after` back to `before`'s values for the same fields. */
export function inverseChanges(before: Annotation, changes: AnnotationChanges): AnnotationChanges {
  const inverse: AnnotationChanges = {};
  if (changes.code !== undefined) inverse.code = before.code;
  if (changes.start !== undefined || changes.end !== undefined) {
    inverse.start = before.target.start;
    inverse.end = before.target.end;
  }
  if (changes.note !== undefined) inverse.note = before.note ?? null;
  if (changes.value !== undefined) inverse.value = before.value ?? null;
  if (changes.stakeholderId !== undefined) inverse.stakeholderId = before.stakeholderId ?? null;
  return inverse;
}

/** The annotation as the project will save it (the same rule), so the screen can show it before the answer. */
export function applyChanges(
  a: Annotation,
  changes: AnnotationChanges,
  text: string | undefined,
): Annotation {
  return applyAnnotationChanges(a, changes, text, new Date().toISOString());
}

const byPosition = (a: Annotation, b: Annotation) =>
  a.target.start - b.target.start || a.target.end - b.target.end;

function sortByPosition(list: Annotation[]): Annotation[] {
  return [...list].sort(byPosition);
}

/** Inserts in position order without re-sorting the whole list (lists reach 10,000 annotations). */
export function insertSorted(list: Annotation[], annotation: Annotation): Annotation[] {
  return list.toSpliced(positionAfter(list, annotation), 0, annotation);
}

/**
 * The list with the saved copy of an annotation in place of the one with its id (the list is
 * unchanged when it has none). The saved copy keeps the passage, so it is looked for among the
 * annotations at that position first: a binary search, not a pass over 10,000.
 */
export function replaceSaved(list: Annotation[], saved: Annotation): Annotation[] {
  for (let i = positionAfter(list, saved) - 1; i >= 0 && byPosition(list[i]!, saved) === 0; i--) {
    if (list[i]!.id === saved.id) return list.toSpliced(i, 1, saved);
  }
  // Moved meanwhile (an edit before the save answered): wherever it is.
  return list.map((a) => (a.id === saved.id ? saved : a));
}

/** The index after the last annotation at or before `annotation`'s position, in a list in position order. */
function positionAfter(list: readonly Annotation[], annotation: Annotation): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(list[mid]!, annotation) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function codeName(state: GlossState, codeId: string): string {
  return state.project?.codebook.codes.find((c) => c.id === codeId)?.name ?? codeId;
}

/** A quote cut to 40 characters, for labels and announcements. */
export function shortQuote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * A selector of the open document's annotation with `id`, memoised for one component to hold: it
 * looks again only when the list changes, and then first where the annotation was (a tag or a
 * deletion elsewhere moves it one place at most), so tagging among 10,000 costs no search.
 */
export function selectAnnotationById(id: string | null): (state: GlossState) => Annotation | undefined {
  let list: readonly Annotation[] | undefined;
  let found: Annotation | undefined;
  let at = -1;
  return (state) => {
    if (id === null) return undefined;
    const next = state.reader.annotations;
    if (next === list) return found;
    list = next;
    at = [at, at + 1, at - 1].find((i) => i >= 0 && next[i]?.id === id) ?? next.findIndex((a) => a.id === id);
    found = next[at];
    return found;
  };
}
