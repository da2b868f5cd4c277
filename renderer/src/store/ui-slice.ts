import type { SliceCreator } from './slice';

/** A passage chosen in the reader and not yet tagged. UTF-16 offsets into the document text. */
export interface PendingSelection {
  start: number;
  end: number;
  quote: string;
}

export type SidePanelTab = 'codes' | 'annotations' | 'suggestions' | 'register';

/** The header's dialogs, which the desktop menu opens too. */
export type HeaderDialog = 'import' | 'export';

export interface UiSlice {
  /** The passage the palette offers to tag; null when nothing is selected. */
  pendingSelection: PendingSelection | null;
  setPendingSelection(selection: PendingSelection | null): void;
  /** Only annotations of these codes are listed (empty: all). */
  codeFilter: string[];
  setCodeFilter(codes: string[]): void;
  sidePanelTab: SidePanelTab;
  setSidePanelTab(tab: SidePanelTab): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  openDialog: HeaderDialog | null;
  setOpenDialog(dialog: HeaderDialog | null): void;
  /** Asks the reader to bring an annotation into view (counter so the same one can be asked twice). */
  scrollRequest: { id: string; serial: number } | null;
  scrollToAnnotation(id: string): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  pendingSelection: null,
  setPendingSelection: (pendingSelection) => set({ pendingSelection }),
  codeFilter: [],
  setCodeFilter: (codeFilter) => set({ codeFilter }),
  sidePanelTab: 'codes',
  setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  openDialog: null,
  setOpenDialog: (openDialog) => set({ openDialog }),
  scrollRequest: null,
  scrollToAnnotation: (id) => set({ scrollRequest: { id, serial: (get().scrollRequest?.serial ?? 0) + 1 } }),
});
