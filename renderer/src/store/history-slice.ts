import type { SliceCreator } from './slice';

/** One undoable step: both directions go through the store's own actions, so both are saved like any edit. */
export interface Command {
  label: string;
  redo(): Promise<void>;
  undo(): Promise<void>;
}

export interface HistorySlice {
  undoStack: Command[];
  redoStack: Command[];
  /** Records a step that has just been done. */
  record(command: Command): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
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
    await command.undo();
  },

  async redo() {
    const command = get().redoStack.at(-1);
    if (!command) return;
    set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, command] }));
    await command.redo();
  },

  clearHistory() {
    set({ undoStack: [], redoStack: [] });
  },
});
