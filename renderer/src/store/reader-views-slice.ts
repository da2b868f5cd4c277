import type { StoreApi } from 'zustand/vanilla';
import { type AnnotationComparison, compareAnnotations } from '../../../shared/compare';
import type { Annotation } from '../../../shared/model/annotation';
import {
  DEFAULT_READER_VIEW,
  READER_VIEWS,
  type ReaderView,
  type ReaderViewChoice,
  type ReaderViewMemory,
} from '../reader/reader-view-memory';
import { memoised } from './memoised';
import type { GlossState, SliceCreator } from './slice';

/**
 * Whose annotations the reader shows: mine, one colleague's, everyone's, or two annotators side
 * by side. Policy: a choice of this screen alone, remembered per project in the page's storage
 * (reader-view-memory.ts); main knows nothing of it. The document's annotations stay whole in
 * `reader.annotations`; the views are selectors over them, so a view costs no request and a
 * switch no reload.
 */
export interface ReaderViewsSlice {
  readerView: ReaderViewChoice;
  /** The project whose remembered choice `readerView` is; null before one was read. */
  readerViewRoot: string | null;
  /** Changes the view (or who is in it) and remembers it for the open project. */
  setReaderView(changes: Partial<ReaderViewChoice>): void;
  /** Takes up the choice remembered for the project at `root` (the default view if none). */
  restoreReaderView(root: string): void;
}

export const createReaderViewsSlice =
  (memory: ReaderViewMemory): SliceCreator<ReaderViewsSlice> =>
  (set, get) => ({
    readerView: DEFAULT_READER_VIEW,
    readerViewRoot: null,

    setReaderView(changes) {
      const readerView = { ...get().readerView, ...changes };
      set({ readerView });
      const root = get().project?.root;
      if (root) memory.save(root, readerView);
    },

    restoreReaderView(root) {
      set({ readerView: memory.read(root) ?? DEFAULT_READER_VIEW, readerViewRoot: root });
    },
  });

/**
 * Takes up each project's remembered view as it opens, in the same store update that brings the
 * project, so the reader never draws the project's first document in another view.
 */
export function restoreReaderViewPerProject(store: StoreApi<GlossState>): void {
  store.subscribe((state) => {
    const root = state.project?.root;
    if (root !== undefined && root !== state.readerViewRoot) state.restoreReaderView(root);
  });
}

/** The open document's annotators: me first (whether or not I tagged it yet), then the others by name. */
export const selectDocumentAnnotators = memoised(
  (s: GlossState) => [s.reader.annotations, s.project?.annotator] as const,
  ([annotations, me]): string[] => {
    const others = new Set(annotations.map((a) => a.author));
    if (me) others.delete(me);
    return [...(me ? [me] : []), ...[...others].sort((x, y) => x.localeCompare(y))];
  },
);

/** The colleague the `colleague` view shows: the one chosen if they annotated this document, else the first. */
export function selectShownColleague(s: GlossState): string | null {
  const others = selectDocumentAnnotators(s).filter((name) => name !== s.project?.annotator);
  const chosen = s.readerView.colleague;
  return chosen !== null && others.includes(chosen) ? chosen : (others[0] ?? null);
}

/**
 * The side-by-side columns' annotators: those chosen where they annotated this document, else me
 * on the left (even before I tagged anything: an empty column says so) and the first colleague on
 * the right. Null when nobody else annotated the document.
 */
export const selectSideBySide = memoised(
  (s: GlossState) => [selectDocumentAnnotators(s), s.readerView.left, s.readerView.right] as const,
  ([annotators, left, right]): { left: string; right: string } | null => {
    if (annotators.length < 2) return null;
    const leftShown = left !== null && annotators.includes(left) ? left : annotators[0]!;
    const rightShown =
      right !== null && right !== leftShown && annotators.includes(right)
        ? right
        : annotators.find((name) => name !== leftShown)!;
    return { left: leftShown, right: rightShown };
  },
);

/**
 * The annotations of the current view: those the single reader paints and hit-tests, and those
 * `j` and `k` walk through. Everyone's is the store's own list (same object, so the painter sees
 * no change); a filtered list keeps each annotation's object, so the painter's identity
 * comparison still touches only what changed. Side by side, the two columns' annotators' (the
 * columns paint themselves: components/reader-views/).
 */
export const selectShownAnnotations = memoised(
  (s: GlossState) =>
    [
      s.reader.annotations,
      s.readerView.view,
      s.readerView.view === 'mine'
        ? (s.project?.annotator ?? null)
        : s.readerView.view === 'colleague'
          ? selectShownColleague(s)
          : null,
      s.readerView.view === 'side-by-side' ? selectSideBySide(s) : null,
    ] as const,
  ([annotations, view, author, columns]): readonly Annotation[] => {
    if (view === 'all') return annotations;
    if (view === 'side-by-side')
      return columns
        ? annotations.filter((a) => a.author === columns.left || a.author === columns.right)
        : [];
    return annotations.filter((a) => a.author === author);
  },
);

/** The two columns' annotators, their annotations and how these compare (shared/compare/). */
export interface SideBySideComparison {
  left: string;
  right: string;
  /** Each column's annotations, in the store's order: `comparison.kindsA[i]` is about `leftAnnotations[i]`. */
  leftAnnotations: Annotation[];
  rightAnnotations: Annotation[];
  comparison: AnnotationComparison<Annotation>;
}

/** Side by side: the comparison of the two columns' annotations; null when nobody else annotated the document. */
export const selectSideBySideComparison = memoised(
  (s: GlossState) => [s.reader.annotations, selectSideBySide(s)] as const,
  ([annotations, columns]): SideBySideComparison | null => {
    if (!columns) return null;
    const leftAnnotations = annotations.filter((a) => a.author === columns.left);
    const rightAnnotations = annotations.filter((a) => a.author === columns.right);
    const comparison = compareAnnotations(leftAnnotations, rightAnnotations);
    return { ...columns, leftAnnotations, rightAnnotations, comparison };
  },
);

/** The view after `view`, for the shortcut that steps through them. */
export function nextReaderView(view: ReaderView): ReaderView {
  return READER_VIEWS[(READER_VIEWS.indexOf(view) + 1) % READER_VIEWS.length]!;
}

/** Whether an annotation may be changed from this screen: only its author's, as the project allows. */
export function isOwnAnnotation(s: GlossState, annotation: Pick<Annotation, 'author'>): boolean {
  return annotation.author === s.project?.annotator;
}
