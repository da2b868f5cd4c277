import type { CurationState, TakeAgreedResult } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import type { CurationDecision, CurationDecisionKind, EditedPassage } from '../../../shared/model/curation';
import {
  type CurationRef,
  findPlaced,
  nextOpen,
  type PlacedItem,
  placedItems,
  stepFrom,
  withDecision,
} from './curation-items';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import { memoised } from './memoised';
import type { GlossState, SliceCreator } from './slice';

export interface CurationPair {
  a: string;
  b: string;
}

interface CurationAsked extends CurationPair {
  doneOnly: boolean;
}

export interface CurationSlice {
  /** The pair being curated; null while no walk-through is going on. */
  curationPair: CurationPair | null;
  /** Where the walk-through stands (the server's, with this screen's decisions applied as they are made). */
  curation: Fetched<CurationState, CurationAsked>;
  /** The disagreement shown; null before the first is chosen. */
  curationPlace: CurationRef | null;
  /** The curator is writing their own version of the disagreement shown. */
  curationEditing: boolean;
  /** What the last "take the agreed passages" did, for the panel to say. */
  agreedTaken: TakeAgreedResult | null;
  /**
   * Starts walking through `a` and `b`'s disagreements, over the documents the Agreement view
   * counts (its "only documents both marked done" switch), at the first one still open.
   */
  startCuration(pair: CurationPair): Promise<void>;
  /** Reads where the walk-through stands again (another curator may have decided meanwhile). */
  refreshCuration(): Promise<void>;
  closeCuration(): void;
  /** Shows a disagreement: its article side by side, the pair as the columns, its passage selected. */
  showCurationItem(ref: CurationRef): Promise<void>;
  /** To the next (1) or previous (-1) disagreement, decided or not; false at either end. */
  moveCuration(step: 1 | -1): boolean;
  /**
   * Decides the disagreement shown (undoable), then goes on to the next one still open. Shown at
   * once; saved in the background through the saves queue, a refusal listed there with a retry.
   * False when it cannot be decided so (no disagreement shown; `both` of a passage only one marked).
   */
  decideCuration(decision: Exclude<CurationDecisionKind, 'edit'>): boolean;
  /** Decides it as the curator's own passage. */
  editCuration(edited: EditedPassage): boolean;
  setCurationEditing(editing: boolean): void;
  /** Puts every passage the pair agrees on into the curated layer (undoable as one step). */
  takeAgreedPassages(): Promise<void>;
  /** Forgets the walk-through (another project was opened). */
  clearCuration(): void;
}

/** The walk-through's disagreements in order, kept for the state they were placed from. */
export const selectPlacedItems = memoised(
  (s: GlossState) => [s.curation.answer] as const,
  ([state]): PlacedItem[] => (state ? placedItems(state) : []),
);

/** The disagreement shown, if it is (still) one of the walk-through's. */
export function selectCurrentItem(s: GlossState): PlacedItem | undefined {
  return findPlaced(selectPlacedItems(s), s.curationPlace);
}

/**
 * The curation walk-through: the server keeps the curated layer (main/curation/); this slice
 * keeps where the curator is, applies each decision to the screen's copy of the walk-through at
 * once, and sends it through the saves queue, so decisions go in the order they were made.
 */
export const createCurationSlice =
  (client: GlossClient): SliceCreator<CurationSlice> =>
  (set, get) => {
    const state = fetchedAnswer<CurationState, CurationAsked>(
      ({ a, b, doneOnly }) => client.curationState({ a, b, doneOnly }),
      (changes) => set((s) => ({ curation: { ...s.curation, ...changes } })),
    );

    /** Shows `decision` for `ref` (null: open again), and sends it to the project. */
    async function decide(
      ref: CurationRef,
      pair: CurationPair,
      decision: CurationDecision | null,
      label: string,
    ): Promise<void> {
      set((s) =>
        s.curation.answer
          ? { curation: { ...s.curation, answer: withDecision(s.curation.answer, ref, decision) } }
          : {},
      );
      const request = {
        key: ref.key,
        a: pair.a,
        b: pair.b,
        ...(ref.aId ? { aId: ref.aId } : {}),
        ...(ref.bId ? { bId: ref.bId } : {}),
      };
      const saved = await get().save(label, async () => {
        if (!decision) return client.uncurate(request);
        const result = await client.curate({
          ...request,
          decision: decision.decision,
          ...(decision.edited ? { edited: decision.edited } : {}),
        });
        // The project's record (who, when, the annotations made) in place of the screen's, unless
        // the curator has decided again (or undone) meanwhile: the screen shows the latest.
        set((s) =>
          s.curation.answer
            ? {
                curation: {
                  ...s.curation,
                  answer: withDecision(s.curation.answer, ref, result.decision, decision),
                },
              }
            : {},
        );
        return result;
      });
      // The reader shows the curated layer too (the "all" view, its column): read it again.
      if (saved && get().reader.key === ref.key) void get().openDocument(ref.key);
    }

    function decideShown(decision: CurationDecisionKind, edited?: EditedPassage): boolean {
      const { curationPair: pair, project } = get();
      const shown = selectCurrentItem(get());
      if (!pair || !shown || !project) return false;
      const { ref, item } = shown;
      if (decision === 'both' && (!item.a || !item.b)) return false;
      const before = item.decision;
      const record: CurationDecision = {
        a: { annotator: pair.a, id: ref.aId },
        b: { annotator: pair.b, id: ref.bId },
        decision,
        ...(edited ? { edited } : {}),
        by: project.annotator,
        at: new Date().toISOString(),
        annotations: [],
      };
      const label = decisionLabel(decision, pair, shown.title);
      get().record({
        label,
        key: ref.key,
        redo: async (key) => {
          const at = { ...ref, key };
          set({ curationPlace: at });
          await Promise.all([decide(at, pair, record, label), get().showCurationItem(at)]);
        },
        undo: async (key) => {
          const at = { ...ref, key };
          set({ curationPlace: at });
          await Promise.all([decide(at, pair, before, `Undo: ${label}`), get().showCurationItem(at)]);
        },
      });
      set({ curationEditing: false });
      void decide(ref, pair, record, label);
      const next = nextOpen(selectPlacedItems(get()), ref);
      if (next) void get().showCurationItem(next.ref);
      return true;
    }

    return {
      curationPair: null,
      curation: NOT_FETCHED,
      curationPlace: null,
      curationEditing: false,
      agreedTaken: null,

      async startCuration(pair) {
        set({ curationPair: pair, curationPlace: null, curationEditing: false, agreedTaken: null });
        get().setSidePanelTab('curation');
        await get().refreshCuration();
        const first = nextOpen(selectPlacedItems(get()), null) ?? selectPlacedItems(get())[0];
        if (first && get().curationPair === pair) await get().showCurationItem(first.ref);
      },

      async refreshCuration() {
        const pair = get().curationPair;
        if (pair) await state.fetch({ ...pair, doneOnly: get().agreementDoneOnly });
      },

      closeCuration() {
        state.forget();
        set({ curationPair: null, curation: NOT_FETCHED, curationPlace: null, curationEditing: false });
      },

      async showCurationItem(ref) {
        const pair = get().curationPair;
        set({ curationPlace: ref, curationEditing: false });
        if (!pair) return;
        get().setReaderView({ view: 'side-by-side', left: pair.a, right: pair.b });
        const annotationId = ref.aId ?? ref.bId;
        if (annotationId) await get().goToPassage({ key: ref.key, annotationId });
      },

      moveCuration(step) {
        const to = stepFrom(selectPlacedItems(get()), get().curationPlace, step);
        if (!to) return false;
        void get().showCurationItem(to.ref);
        return true;
      },

      decideCuration: (decision) => decideShown(decision),
      editCuration: (edited) => decideShown('edit', edited),
      setCurationEditing: (curationEditing) => set({ curationEditing }),

      async takeAgreedPassages() {
        const pair = get().curationPair;
        if (!pair) return;
        const doneOnly = get().agreementDoneOnly;
        // The last taking's answer: undo removes what it added, redo takes again.
        const last: { taken: TakeAgreedResult | null } = { taken: null };
        const take = async () => {
          last.taken = await client.takeAgreed({ ...pair, doneOnly });
          set({ agreedTaken: last.taken });
        };
        const label = `Take the passages ${pair.a} and ${pair.b} agree on`;
        if (!(await get().save(label, take)) || !last.taken) return;
        const { byDocument, added } = last.taken;
        if (added === 0 || !byDocument[0]) return;
        get().record({
          label,
          key: byDocument[0].key,
          redo: async () => {
            await get().save(label, take);
          },
          // What the last taking added, document by document (a passage already there stays).
          undo: async () => {
            const undone = (last.taken?.byDocument ?? []).filter((d) => d.ids.length > 0);
            await get().save(`Undo: ${label}`, async () => {
              for (const { key, ids } of undone) await client.removeCurated({ key, ids });
              set({ agreedTaken: null });
            });
          },
        });
        const key = get().reader.key;
        if (key && byDocument.some((d) => d.key === key)) void get().openDocument(key);
      },

      clearCuration() {
        get().closeCuration();
        set({ agreedTaken: null });
      },
    };
  };

function decisionLabel(decision: CurationDecisionKind, pair: CurationPair, title: string): string {
  const what =
    decision === 'a'
      ? `Take ${pair.a}’s reading`
      : decision === 'b'
        ? `Take ${pair.b}’s reading`
        : decision === 'both'
          ? 'Take both passages'
          : decision === 'edit'
            ? 'Write the curated passage'
            : 'Skip the disagreement';
  return `${what} in “${title}”`;
}
