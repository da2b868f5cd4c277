import type { StoreApi } from 'zustand';
import type { GlossClient } from '../../../shared/api-client';
import type { ApiErrorShape } from '../../../shared/api-error';
import type { GroupDecisionResult } from '../../../shared/api-review-queue';
import {
  inSuggestionGroup,
  type ReviewQueue,
  type SuggestionGroup,
} from '../../../shared/model/suggestion-group';
import { nextPaint } from '../reader/after-paint';
import { errorShape } from './api-errors';
import { memoised } from './memoised';
import {
  decideGroup,
  documentToShow,
  type GroupDecision,
  nextOpenIndex,
  resumeIndex,
  undecideGroup,
  withGroup,
} from './review-queue-moves';
import { savesAnswered } from './saves-slice';
import type { GlossState, SliceCreator } from './slice';

export interface ReviewQueueSlice {
  /** This annotator's queue from the last run over all documents; null until loaded. */
  reviewQueue: ReviewQueue | null;
  reviewQueueError: ApiErrorShape | null;
  /** The Suggestions tab shows the queue in place of the open document's list. */
  reviewOpen: boolean;
  /** The group shown, and which of its documents the reader shows. */
  reviewGroupId: string | null;
  reviewDocumentKey: string | null;
  loadReviewQueue(): Promise<void>;
  /** Shows the queue at the first group still open and not set aside: where the review was left. */
  openReviewQueue(): Promise<void>;
  /** Back to the open document's list. */
  closeReviewQueue(): void;
  /**
   * Shows a group: its document `key` (else the undecided one with the most mentions) opens in
   * the reader with the group's first suggestion there selected, so it is in view and marked.
   */
  showReviewGroup(id: string, key?: string): Promise<void>;
  /** To the next (1) or previous (-1) group, decided or not; false at either end. */
  moveReviewGroup(step: 1 | -1): boolean;
  /** To the group's next (1) or previous (-1) document; false at either end. */
  moveReviewDocument(step: 1 | -1): boolean;
  /**
   * Accepts the group shown in every document (undoable), then shows the next open group. On
   * screen at once; saved in the background through the saves queue, a refusal listed with Retry.
   */
  acceptReviewGroup(): boolean;
  /** Rejects the group shown in the document shown (`here`) or in all its documents (undoable). */
  rejectReviewGroup(where: 'here' | 'everywhere'): boolean;
  /** Sets the group shown aside for later (undoable) and shows the next open group. */
  skipReviewGroup(): boolean;
  /** Forgets the queue (another project, or another annotator, is open). */
  clearReviewQueue(): void;
}

/** The group shown, if it is (still) in the queue. */
export const selectShownGroup = memoised(
  (s: GlossState) => [s.reviewQueue, s.reviewGroupId] as const,
  ([queue, id]): SuggestionGroup | null => queue?.groups.find((g) => g.id === id) ?? null,
);

/** Readings of the queue before the screen keeps what it shows (decisions kept coming). */
const MAX_READINGS = 5;
/** How long showing a group waits for its document's suggestions before selecting none. */
const SUGGESTIONS_WAIT_MS = 30_000;

/**
 * The review queue (main/suggestions/review-queue*.ts keeps it, per annotator). Optimistic: a
 * decision changes the screen's copy of the queue at once and moves on, and goes to the project
 * through the saves queue, so decisions reach it in the order they were made. Undo waits for the
 * decision's answer (the saves queue is ordered) and takes back exactly what it made.
 */
export const createReviewQueueSlice =
  (client: GlossClient): SliceCreator<ReviewQueueSlice> =>
  (set, get, store) => {
    let loads = 0;
    let shows = 0;

    const groupIndex = (id: string | null) =>
      id === null ? -1 : (get().reviewQueue?.groups.findIndex((g) => g.id === id) ?? -1);

    /** Replaces one group of the screen's queue, if it is (still) there. */
    const changeGroup = (id: string, change: (group: SuggestionGroup) => SuggestionGroup) =>
      set((s) => {
        const queue = s.reviewQueue;
        const index = queue ? queue.groups.findIndex((g) => g.id === id) : -1;
        if (!queue || index === -1) return {};
        return { reviewQueue: withGroup(queue, index, change(queue.groups[index]!)) };
      });

    /** After the group at `from` changed: the next group with something left to decide. */
    const moveOn = (from: number) => {
      const groups = get().reviewQueue?.groups ?? [];
      const next = nextOpenIndex(groups, from);
      if (next !== -1) void get().showReviewGroup(groups[next]!.id);
    };

    /** What the reader, the document list and the register show, after the project changed them. */
    const follow = async (
      result: Pick<GroupDecisionResult, 'documents' | 'addedStakeholder' | 'addedAliases'>,
      sign: 1 | -1,
    ) => {
      const made = new Map(result.documents.map((d) => [d.key, d.annotations?.length ?? 0]));
      set((s) => ({
        documents: s.documents.some((d) => made.get(d.key))
          ? s.documents.map((d) => {
              const count = made.get(d.key);
              return count ? { ...d, annotationCount: Math.max(0, d.annotationCount + sign * count) } : d;
            })
          : s.documents,
      }));
      const refreshes: Promise<unknown>[] = [];
      if (result.addedStakeholder || result.addedAliases) {
        refreshes.push(
          client
            .getProject({})
            .then((project) => set({ project }))
            .catch(() => {}),
        );
      }
      // Many documents may have changed: the open one is read again rather than patched.
      const open = get().reader.key;
      if (open && made.has(open)) refreshes.push(get().openDocument(open));
      await Promise.all(refreshes);
    };

    /**
     * Decides the group shown in `keys` (all its documents when absent): shown at once, then the
     * next group (or the group's next document, after a rejection here); undoable as one step.
     */
    function decideShown(decision: GroupDecision, keys?: string[]): boolean {
      const { reviewQueue: queue, reviewGroupId: id } = get();
      const index = groupIndex(id);
      if (!queue || !id || index === -1) return false;
      const group = queue.groups[index]!;
      const { decided } = decideGroup(group, decision, keys);
      if (decided.length === 0) return false;
      const label = decisionLabel(group, decision, keys ? undefined : decided.length);
      // The project's answer to the latest decision: what undo takes back.
      const last: { result: GroupDecisionResult | null } = { result: null };

      const decide = async () => {
        changeGroup(id, (g) => decideGroup(g, decision, decided).group);
        const saved = await get().save(label, async () => {
          // Cleared when this request is sent, in the saves' order: an undo queued before it
          // still takes back the answer before; one queued after takes back this one's.
          last.result = null;
          last.result = await client.decideSuggestionGroup({
            id,
            decision: decision === 'accepted' ? 'accept' : 'reject',
            // The documents decided on screen, named: one decided before keeps its decision on
            // disk as on screen, and undo opens exactly these again.
            keys: decided,
          });
        });
        if (saved && last.result) await follow(last.result, 1);
      };

      get().record({
        label,
        key: decided[0]!,
        redo: async () => {
          const shown = decide();
          void get().showReviewGroup(id, decided[0]);
          await shown;
        },
        undo: async () => {
          changeGroup(id, (g) => undecideGroup(g, decided));
          void get().showReviewGroup(id, decided[0]);
          let undone: GroupDecisionResult | null = null;
          await get().save(`Undo: ${label}`, async () => {
            undone = last.result;
            if (!undone) return;
            await client.undoSuggestionGroup({
              id,
              documents: undone.documents.map((d) => ({
                key: d.key,
                ...(d.annotations ? { annotations: d.annotations.map((a) => a.id) } : {}),
                ...(d.rejected ? { rejected: d.rejected } : {}),
              })),
              ...(undone.addedStakeholder ? { addedStakeholder: undone.addedStakeholder } : {}),
              ...(undone.addedAliases ? { addedAliases: undone.addedAliases } : {}),
            });
          });
          if (undone) await follow(undone, -1);
        },
      });
      void decide();
      const after = get().reviewQueue?.groups[index];
      const nextHere = after && keys ? after.byDocument.find((d) => !d.decision) : undefined;
      if (nextHere) void get().showReviewGroup(id, nextHere.key);
      else moveOn(index);
      return true;
    }

    /** Shows where the review was left: the first open group not set aside. */
    const showResume = async () => {
      const groups = get().reviewQueue?.groups ?? [];
      const resume = groups[resumeIndex(groups)] ?? groups[0];
      if (resume) await get().showReviewGroup(resume.id);
    };

    /** Resolves once the reader shows `key` with its suggestions listed; false if it went elsewhere. */
    const suggestionsListed = (key: string) =>
      new Promise<boolean>((resolve) => {
        const check = (s: GlossState): boolean | null => {
          if (s.reader.key !== key || s.reader.error) return false;
          if (s.suggestions.key === key && !s.suggestions.loading && s.reader.document)
            return !s.suggestions.error;
          return null;
        };
        const now = check(get());
        if (now !== null) return resolve(now);
        const stop = store.subscribe((s) => {
          const done = check(s);
          if (done === null) return;
          stop();
          clearTimeout(timer);
          resolve(done);
        });
        const timer = setTimeout(() => {
          stop();
          resolve(false);
        }, SUGGESTIONS_WAIT_MS);
      });

    return {
      reviewQueue: null,
      reviewQueueError: null,
      reviewOpen: false,
      reviewGroupId: null,
      reviewDocumentKey: null,

      async loadReviewQueue() {
        const load = ++loads;
        try {
          let queue: ReviewQueue;
          for (let reading = 1; ; reading++) {
            // A decision made while the queue was read may be missing from it: read it again once saved.
            const before = get().savesStarted;
            const pending = get().savesPending > 0;
            queue = await client.getReviewQueue({});
            if (load !== loads) return;
            if (!pending && get().savesStarted === before) break;
            if (reading === MAX_READINGS) return;
            await savesAnswered(get);
          }
          set((s) => ({
            reviewQueue: queue,
            reviewQueueError: null,
            // A group no longer in the queue (a new run built another) is not shown.
            ...(queue.groups.some((g) => g.id === s.reviewGroupId)
              ? {}
              : { reviewGroupId: null, reviewDocumentKey: null }),
          }));
        } catch (error) {
          if (load === loads) set({ reviewQueueError: errorShape(error) });
          return;
        }
        // Shown with no group (opened before it was read, or a new run built another): resume.
        if (get().reviewOpen && get().reviewGroupId === null) await showResume();
      },

      async openReviewQueue() {
        get().setSidePanelTab('suggestions');
        set({ reviewOpen: true, reviewGroupId: null });
        if (!get().reviewQueue) await get().loadReviewQueue();
        else await showResume();
      },

      closeReviewQueue() {
        set({ reviewOpen: false });
      },

      async showReviewGroup(id, key) {
        const group = get().reviewQueue?.groups.find((g) => g.id === id);
        if (!group) return;
        const documentKey = key ?? documentToShow(group);
        const show = ++shows;
        set({ reviewGroupId: id, reviewDocumentKey: documentKey });
        if (!documentKey) return;
        // The card is drawn first: opening another article redraws the reader, and selecting a
        // mention scrolls it and lays it out, which take longer than a frame; the step must show at once.
        await nextPaint();
        if (show !== shows) return;
        if (get().reader.key !== documentKey) await get().selectDocument(documentKey);
        if (!(await suggestionsListed(documentKey)) || show !== shows) return;
        const first = get().suggestions.list.find((s) => inSuggestionGroup(group, s));
        get().selectSuggestion(first?.id ?? null);
      },

      moveReviewGroup(step) {
        const groups = get().reviewQueue?.groups ?? [];
        const index = groupIndex(get().reviewGroupId);
        const to = index === -1 ? (step === 1 ? groups[0] : groups.at(-1)) : groups[index + step];
        if (!to) return false;
        void get().showReviewGroup(to.id);
        return true;
      },

      moveReviewDocument(step) {
        const { reviewGroupId: id, reviewDocumentKey: key } = get();
        const group = get().reviewQueue?.groups[groupIndex(id)];
        if (!group || !id) return false;
        const index = group.byDocument.findIndex((d) => d.key === key);
        const to = group.byDocument[index + step];
        if (!to) return false;
        void get().showReviewGroup(id, to.key);
        return true;
      },

      acceptReviewGroup: () => decideShown('accepted'),

      rejectReviewGroup(where) {
        const key = get().reviewDocumentKey;
        if (where === 'here') return key !== null && decideShown('rejected', [key]);
        return decideShown('rejected');
      },

      skipReviewGroup() {
        const { reviewQueue: queue, reviewGroupId: id } = get();
        const index = groupIndex(id);
        const group = queue?.groups[index];
        if (!group || !id || group.skipped) return false;
        const label = `Skip “${group.label}” for later`;
        const setSkipped = (skipped: boolean) => {
          changeGroup(id, (g) => ({ ...g, skipped }));
          return get().save(label, () => client.skipSuggestionGroup({ id, skipped }));
        };
        get().record({
          label,
          key: get().reviewDocumentKey ?? group.byDocument[0]?.key ?? '',
          redo: async () => {
            await setSkipped(true);
          },
          undo: async () => {
            void get().showReviewGroup(id);
            await setSkipped(false);
          },
        });
        void setSkipped(true);
        moveOn(index);
        return true;
      },

      clearReviewQueue() {
        loads++;
        set({
          reviewQueue: null,
          reviewQueueError: null,
          reviewOpen: false,
          reviewGroupId: null,
          reviewDocumentKey: null,
        });
      },
    };
  };

/** "Accept “Microsoft” in 12 documents", "Reject “Microsoft” here". */
function decisionLabel(group: SuggestionGroup, decision: GroupDecision, documents?: number): string {
  const verb = decision === 'accepted' ? 'Accept' : 'Reject';
  const where = documents === undefined ? 'here' : `in ${documents} document${documents === 1 ? '' : 's'}`;
  return `${verb} “${group.label}” ${where}`;
}

/**
 * Keeps the queue the open project's and annotator's: read when a project (or annotator) is
 * opened, and again when a run over all documents finishes (it builds a new queue).
 */
export function followReviewQueue(store: StoreApi<GlossState>): void {
  store.subscribe((s, before) => {
    const project = s.project;
    const changedProject =
      project?.root !== before.project?.root || project?.annotator !== before.project?.annotator;
    if (changedProject) {
      s.clearReviewQueue();
      if (project) void store.getState().loadReviewQueue();
      return;
    }
    const job = s.suggestionJob;
    if (job !== before.suggestionJob && job?.state === 'done' && before.suggestionJob?.state !== 'done')
      void s.loadReviewQueue();
  });
}
