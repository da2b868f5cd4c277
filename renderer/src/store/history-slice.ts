import type { SliceCreator } from './slice';

/**
 * One undoable step: both directions go through the store's own actions, so both are saved like
 * any edit. Each direction is given the document's key as it is now, not as it was when the step
 * was taken: an article renamed or moved on disk keeps its steps (see `followRenames`).
 */
export interface Command {
  label: string;
  /** The document the step changes. */
  key: string;
  redo(key: string): Promise<void>;
  undo(key: string): Promise<void>;
}

export interface HistorySlice {
  undoStack: Command[];
  redoStack: Command[];
  /** Records a step that has just been done. */
  record(command: Command): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /**
   * Articles renamed or moved on disk, their annotations with them: steps recorded under an old
   * key now name the new one, so undo and redo change the article where it is now.
   */
  followRenames(renamed: readonly { from: string; to: string }[]): void;
  clearHistory(): void;
}

/** Steps kept; older ones fall off the bottom of the stack. */
export const HISTORY_LIMIT = 500;

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => ({
  undoStack: [],
  redoStack: [],

  record(command) {
    set((s) => ({ undoStack: [...s.undoStack, command].slice(-HISTORY_LIMIT), redoStack: [] }));
  },

  async undo() {
    const command = get().undoStack.at(-1);
    if (!command) return;
    set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, command] }));
    await command.undo(command.key);
  },

  async redo() {
    const command = get().redoStack.at(-1);
    if (!command) return;
    set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, command] }));
    await command.redo(command.key);
  },

  followRenames(renamed) {
    if (renamed.length === 0) return;
    const to = new Map(renamed.map((r) => [r.from, r.to]));
    const follow = (stack: Command[]) =>
      stack.some((c) => to.has(c.key))
        ? stack.map((c) => {
            const key = to.get(c.key);
            return key === undefined ? c : { ...c, key };
          })
        : stack;
    set((s) => ({ undoStack: follow(s.undoStack), redoStack: follow(s.redoStack) }));
  },

  clearHistory() {
    set({ undoStack: [], redoStack: [] });
  },
});
