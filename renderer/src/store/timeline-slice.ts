import type { TimelineInterval } from '../../../shared/analysis/timeline-periods';
import type { Timeline } from '../../../shared/api';
import type { GlossClient } from '../../../shared/api-client';
import { type Fetched, fetchedAnswer, NOT_FETCHED } from './fetched-answer';
import type { SliceCreator } from './slice';

/** What a timeline was counted with. */
export interface TimelineAsked {
  interval: TimelineInterval;
  /** Only this annotator's work; null for every annotator's. */
  annotator: string | null;
}

export interface TimelineSlice {
  timeline: Fetched<Timeline, TimelineAsked>;
  /** The choices for the next count, which the view's controls change. */
  timelineChoice: TimelineAsked;
  /** The codes drawn, by id; null: the codes with the most annotations (the view says how many). */
  timelineCodes: string[] | null;
  setTimelineChoice(changes: Partial<TimelineAsked>): Promise<void>;
  setTimelineCodes(codes: string[] | null): void;
  /** Counts again with the choices made; resolves once the newest request is answered. */
  refreshTimeline(): Promise<void>;
  /** Forgets the answer (another project was opened); the choices stay, but for the annotator. */
  clearTimeline(): void;
}

/**
 * The timeline is the server's, counted across the whole project from the annotation files: the
 * view shows the last answer and asks again when first shown, when an interval or annotator is
 * chosen, or on Refresh, not edit by edit. Requests go one at a time and the newest wins.
 */
export const createTimelineSlice =
  (client: GlossClient): SliceCreator<TimelineSlice> =>
  (set, get) => {
    const timelines = fetchedAnswer<Timeline, TimelineAsked>(
      ({ interval, annotator }) => client.timeline({ interval, ...(annotator ? { annotator } : {}) }),
      (changes) => set((s) => ({ timeline: { ...s.timeline, ...changes } })),
    );
    return {
      timeline: NOT_FETCHED,
      timelineChoice: { interval: 'month', annotator: null },
      timelineCodes: null,
      async setTimelineChoice(changes) {
        set((s) => ({ timelineChoice: { ...s.timelineChoice, ...changes } }));
        await get().refreshTimeline();
      },
      setTimelineCodes: (timelineCodes) => set({ timelineCodes }),
      refreshTimeline: () => timelines.fetch(get().timelineChoice),
      clearTimeline() {
        timelines.forget();
        set((s) => ({
          timeline: NOT_FETCHED,
          timelineChoice: { ...s.timelineChoice, annotator: null },
          timelineCodes: null,
        }));
      },
    };
  };
