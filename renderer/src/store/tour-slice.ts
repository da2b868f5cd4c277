import type { StoreApi } from 'zustand/vanilla';
import type { ExportResult } from '../../../shared/api';
import { roleOf } from '../../../shared/model/codebook-tree';
import { stepOfRole, TOUR_STEPS, type TourStep } from '../components/tour/tour-steps';
import type { GlossState, SliceCreator } from './slice';

/** What was there when the tour started, so only what the researcher does during it counts. */
interface TourBaseline {
  /** Per document, this annotator's annotations seen on screen before (or when first shown during) the tour. */
  seen: Record<string, ReadonlySet<string>>;
  accepted: number;
  exported: ExportResult | null;
}

export interface TourState {
  /** The step shown: an index into TOUR_STEPS, or TOUR_STEPS.length once every step is done. */
  step: number;
  done: readonly TourStep[];
  baseline: TourBaseline;
}

export interface TourSlice {
  /** The guided tour, while it is open. */
  tour: TourState | null;
  startTour(): void;
  /** Shows another step (Back, or past one the researcher does not want to do now). */
  showTourStep(step: number): void;
  endTour(): void;
}

export const createTourSlice: SliceCreator<TourSlice> = (set, get) => ({
  tour: null,
  startTour() {
    const s = get();
    set({
      tour: {
        step: 0,
        done: [],
        baseline: { seen: {}, accepted: s.suggestionsAccepted, exported: s.exporting.result },
      },
    });
  },
  showTourStep(step) {
    set((s) => (s.tour ? { tour: { ...s.tour, step: Math.max(0, Math.min(TOUR_STEPS.length, step)) } } : {}));
  },
  endTour: () => set({ tour: null }),
});

/**
 * Marks the tour's steps done as the store shows them done: a new annotation of this annotator's
 * by its code's role, a suggestion accepted, an export finished; the tour then goes on to the
 * first step not done. Subscribed once, beside the store (gloss-store.ts).
 */
export function followTour(store: StoreApi<GlossState>): void {
  store.subscribe((s) => {
    const tour = s.tour;
    if (!tour) return;
    const next = progressed(s, tour);
    if (next !== tour) store.setState({ tour: next });
  });
}

function progressed(s: GlossState, tour: TourState): TourState {
  const done = new Set(tour.done);
  let { seen } = tour.baseline;
  const key = s.reader.key;
  const me = s.project?.annotator;
  if (key && me && s.reader.document && !s.reader.loading) {
    const mine = s.reader.annotations.filter((a) => a.author === me);
    const before = seen[key];
    if (!before) seen = { ...seen, [key]: new Set(mine.map((a) => a.id)) };
    else if (mine.some((a) => !before.has(a.id)) && s.project) {
      for (const annotation of mine) {
        if (before.has(annotation.id)) continue;
        const step = stepOfRole(roleOf(s.project.codebook, annotation.code));
        if (step) done.add(step);
      }
      seen = { ...seen, [key]: new Set(mine.map((a) => a.id)) };
    }
  }
  if (s.suggestionsAccepted > tour.baseline.accepted) done.add('suggestion');
  if (s.exporting.result && s.exporting.result !== tour.baseline.exported) done.add('export');
  if (done.size === tour.done.length && seen === tour.baseline.seen) return tour;
  const stepDoneNow = TOUR_STEPS[tour.step] !== undefined && done.has(TOUR_STEPS[tour.step]!);
  const firstOpen = TOUR_STEPS.findIndex((step) => !done.has(step));
  return {
    step: stepDoneNow ? (firstOpen === -1 ? TOUR_STEPS.length : firstOpen) : tour.step,
    done: TOUR_STEPS.filter((step) => done.has(step)),
    baseline: { ...tour.baseline, seen },
  };
}
