import type { ApiErrorShape } from '../../../shared/api-error';
import { errorShape } from './api-errors';
import type { SliceCreator } from './slice';

/** A change the screens show but the disk refused; `retry` sends it again. */
export interface FailedSave {
  id: number;
  /** What the change was, for the researcher: "Tag “ByteDance” as Stakeholder". */
  label: string;
  error: ApiErrorShape;
  retry(): Promise<void>;
}

export interface SavesSlice {
  /** Saves sent and not yet answered. */
  savesPending: number;
  /** Saves started since the store was made: a reading taken before a change misses it. */
  savesStarted: number;
  savesFailed: FailedSave[];
  /**
   * Runs one save. On failure the change stays on screen and is listed with a retry:
   * nothing the researcher did is dropped silently. Resolves true when saved.
   */
  save(label: string, send: () => Promise<unknown>): Promise<boolean>;
  retryAll(): Promise<void>;
  /** Drops a failure without retrying it, e.g. an edit the project refused that the screen has already shown. */
  dismissFailedSave(id: number): void;
}

let nextId = 1;

export const createSavesSlice: SliceCreator<SavesSlice> = (set, get) => {
  // Each change is sent once the one before it is answered, in the order they were made: the
  // project may otherwise take a later request first (a delete needs no article text, a tag reads
  // it; a link needs both its annotations saved) and refuse it. Requests are local: milliseconds.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    savesPending: 0,
    savesStarted: 0,
    savesFailed: [],

    async save(label, send) {
      set((s) => ({ savesPending: s.savesPending + 1, savesStarted: s.savesStarted + 1 }));
      const run = queue.then(send);
      queue = run.catch(() => {});
      try {
        await run;
        return true;
      } catch (error) {
        const failed: FailedSave = {
          id: nextId++,
          label,
          error: errorShape(error),
          retry: async () => {
            set((s) => ({ savesFailed: s.savesFailed.filter((f) => f.id !== failed.id) }));
            await get().save(label, send);
          },
        };
        set((s) => ({ savesFailed: [...s.savesFailed, failed] }));
        return false;
      } finally {
        set((s) => ({ savesPending: s.savesPending - 1 }));
      }
    },

    async retryAll() {
      for (const failed of get().savesFailed) await failed.retry();
    },

    dismissFailedSave(id) {
      set((s) => ({ savesFailed: s.savesFailed.filter((f) => f.id !== id) }));
    },
  };
};

/** Waits until no save is on its way (at most a few seconds: a hung request must not stop reloads). */
export async function savesAnswered(get: () => Pick<SavesSlice, 'savesPending'>): Promise<void> {
  for (let waited = 0; get().savesPending > 0 && waited < 5_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the save indicator says. */
export function saveStatus(
  s: Pick<SavesSlice, 'savesPending' | 'savesFailed'>,
): 'saved' | 'saving' | 'failed' {
  if (s.savesFailed.length > 0) return 'failed';
  return s.savesPending > 0 ? 'saving' : 'saved';
}
