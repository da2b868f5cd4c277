import type { SliceCreator } from './slice';

/** A passage chosen in the reader and not yet tagged. UTF-16 offsets into the document text. */
export interface PendingSelection {
  start: number;
  end: number;
  quote: string;
}

/** A passage of one document to bring into view (`start`, `end`: UTF-16 offsets into its text). */
export interface PassageInDocument extends PendingSelection {
  key: string;
}

/**
 * What the reader is asked to bring into view: an annotation (selected when shown), or a passage
 * of a document (made the pending selection when shown, with focus in the text so a code's key
 * tags it). `serial` counts the requests, so the same one can be asked twice.
 */
export type ScrollRequest =
  | { serial: number; id: string; passage?: undefined }
  | { serial: number; id?: undefined; passage: PassageInDocument };

export type SidePanelTab =
  | 'codes'
  | 'annotations'
  | 'suggestions'
  | 'register'
  | 'search'
  | 'analysis'
  | 'curation';

/** The header's dialogs, which the desktop menu opens too. */
export type HeaderDialog = 'import' | 'export' | 'settings';

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
  scrollRequest: ScrollRequest | null;
  /** Asks the reader to bring an annotation into view, selected, and flash it. */
  scrollToAnnotation(id: string): void;
  /** Asks the reader to bring a passage into view, as the selection to tag, and flash it. */
  scrollToPassage(passage: PassageInDocument): void;
  /**
   * Asks a side panel list to move focus to its selected row (the keys that select step through
   * it: n, j), so Enter and Delete act on that row wherever focus was. `serial` counts the requests.
   */
  rowFocus: { list: FocusableList; serial: number } | null;
  focusSelectedRow(list: FocusableList): void;
}

/** The side panel lists whose selected row keys can bring focus to. */
export type FocusableList = 'suggestions' | 'annotations';

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
  scrollToPassage: (passage) =>
    set({ scrollRequest: { passage, serial: (get().scrollRequest?.serial ?? 0) + 1 } }),
  rowFocus: null,
  focusSelectedRow: (list) => set({ rowFocus: { list, serial: (get().rowFocus?.serial ?? 0) + 1 } }),
});
