/**
 * Every keyboard shortcut of Gloss, in one table: the global handler binds the rows that have
 * a `command`, the help overlay lists them all, and the README's table is checked against it.
 * Rows without a command are handled by the reader and its palette; they are here so that the
 * help and the README tell the whole story in one place.
 */

export const SHORTCUT_GROUPS = [
  'Documents',
  'Annotations',
  'Suggestions',
  'Review queue',
  'Curation',
  'Search',
  'Tagging in the reader',
  'History',
  'General',
] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** What the global handler can do; see keyboard/global-shortcuts.ts. */
export type GlobalCommand =
  | 'undo'
  | 'redo'
  | 'nextDocument'
  | 'previousDocument'
  | 'markTodo'
  | 'markInProgress'
  | 'markDone'
  | 'nextAnnotation'
  | 'previousAnnotation'
  | 'deleteAnnotation'
  | 'nextReaderView'
  | 'nextDisagreement'
  | 'previousDisagreement'
  | 'takeA'
  | 'takeB'
  | 'takeBoth'
  | 'editCurated'
  | 'skipDisagreement'
  | 'nextSuggestion'
  | 'previousSuggestion'
  | 'acceptSuggestion'
  | 'acceptAllSuggestions'
  | 'acceptReviewGroup'
  | 'rejectReviewGroupHere'
  | 'rejectReviewGroupEverywhere'
  | 'skipReviewGroup'
  | 'nextReviewGroup'
  | 'previousReviewGroup'
  | 'nextReviewDocument'
  | 'previousReviewDocument'
  | 'closeReviewQueue'
  | 'dismiss'
  | 'toggleHelp'
  | 'openSettings'
  | 'focusDocumentFilter'
  | 'focusSearch';

export interface Shortcut {
  /**
   * Key chords: a key as `KeyboardEvent.key` names it (`]`, `?`, `Escape`), after modifiers
   * joined with "+". `Mod` is Ctrl, or Cmd on a Mac; `Ctrl` is Ctrl only.
   */
  keys: readonly string[];
  /** Shown instead of the chords when the keys depend on the project (code shortcuts). */
  keyLabel?: string;
  description: string;
  group: ShortcutGroup;
  /** Bound by the global handler; absent for keys the reader and its palette handle. */
  command?: GlobalCommand;
}

export const SHORTCUTS: readonly Shortcut[] = [
  // First: while the review queue is open its keys win over the same keys elsewhere (`d` marks a
  // document done, Backspace rejects one suggestion, `n` goes to the next one, Escape clears).
  // Shift+Backspace before Backspace: a key without modifiers in this table matches with Shift too.
  {
    keys: ['Enter', 'a'],
    description: 'Accept the group shown in every document, while the review queue is open',
    group: 'Review queue',
    command: 'acceptReviewGroup',
  },
  {
    keys: ['Shift+Backspace', 'Shift+R'],
    description: 'Reject the group in every document',
    group: 'Review queue',
    command: 'rejectReviewGroupEverywhere',
  },
  {
    keys: ['Backspace', 'r'],
    description: 'Reject the group in the document shown',
    group: 'Review queue',
    command: 'rejectReviewGroupHere',
  },
  { keys: ['s'], description: 'Skip the group for later', group: 'Review queue', command: 'skipReviewGroup' },
  { keys: ['n'], description: 'Next group', group: 'Review queue', command: 'nextReviewGroup' },
  { keys: ['Shift+N'], description: 'Previous group', group: 'Review queue', command: 'previousReviewGroup' },
  {
    keys: ['d'],
    description: 'The group’s next document',
    group: 'Review queue',
    command: 'nextReviewDocument',
  },
  {
    keys: ['Shift+D'],
    description: 'The group’s previous document',
    group: 'Review queue',
    command: 'previousReviewDocument',
  },
  {
    keys: ['Escape'],
    description: 'Back to the document’s suggestions',
    group: 'Review queue',
    command: 'closeReviewQueue',
  },

  { keys: [']'], description: 'Next document', group: 'Documents', command: 'nextDocument' },
  { keys: ['['], description: 'Previous document', group: 'Documents', command: 'previousDocument' },
  { keys: ['/'], description: 'Filter the documents', group: 'Documents', command: 'focusDocumentFilter' },
  { keys: ['t'], description: 'Mark the document to do', group: 'Documents', command: 'markTodo' },
  {
    keys: ['i'],
    description: 'Mark the document in progress',
    group: 'Documents',
    command: 'markInProgress',
  },
  { keys: ['d'], description: 'Mark the document done', group: 'Documents', command: 'markDone' },

  { keys: ['j'], description: 'Next annotation', group: 'Annotations', command: 'nextAnnotation' },
  { keys: ['k'], description: 'Previous annotation', group: 'Annotations', command: 'previousAnnotation' },
  {
    keys: ['Delete', 'Backspace'],
    description: 'Delete the selected annotation, or reject the selected suggestion',
    group: 'Annotations',
    command: 'deleteAnnotation',
  },
  {
    keys: ['w'],
    description: 'Show my annotations, a colleague’s, all, or two annotators side by side, in turn',
    group: 'Annotations',
    command: 'nextReaderView',
  },

  // Before the suggestions' rows: while the Curation tab is open, `n` and Shift+N are its.
  {
    keys: ['n'],
    description: 'Next disagreement, while the Curation tab is open',
    group: 'Curation',
    command: 'nextDisagreement',
  },
  {
    keys: ['Shift+N'],
    description: 'Previous disagreement',
    group: 'Curation',
    command: 'previousDisagreement',
  },
  { keys: ['a'], description: 'Take annotator A’s reading', group: 'Curation', command: 'takeA' },
  { keys: ['b'], description: 'Take annotator B’s reading', group: 'Curation', command: 'takeB' },
  { keys: ['Shift+B'], description: 'Take both passages', group: 'Curation', command: 'takeBoth' },
  {
    keys: ['e'],
    description: 'Write the curated passage yourself (code and bounds)',
    group: 'Curation',
    command: 'editCurated',
  },
  {
    keys: ['s'],
    description: 'Skip the disagreement for later',
    group: 'Curation',
    command: 'skipDisagreement',
  },

  { keys: ['n'], description: 'Next suggestion', group: 'Suggestions', command: 'nextSuggestion' },
  {
    keys: ['Shift+N'],
    description: 'Previous suggestion',
    group: 'Suggestions',
    command: 'previousSuggestion',
  },
  {
    keys: ['Enter'],
    description: 'Accept the selected suggestion (Backspace rejects it)',
    group: 'Suggestions',
    command: 'acceptSuggestion',
  },
  {
    keys: ['Shift+Enter'],
    description: 'Accept every suggestion of the selected one’s kind in this document',
    group: 'Suggestions',
    command: 'acceptAllSuggestions',
  },

  {
    keys: ['Mod+Shift+F'],
    description: 'Search the articles, from anywhere (text fields too)',
    group: 'Search',
    command: 'focusSearch',
  },

  {
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight'],
    description: 'Select text, a character at a time',
    group: 'Tagging in the reader',
  },
  {
    keys: ['Ctrl+Shift+ArrowLeft', 'Ctrl+Shift+ArrowRight'],
    description: 'Select text, a word at a time',
    group: 'Tagging in the reader',
  },
  {
    keys: [],
    keyLabel: 'A code’s key',
    description: 'Tag the selection with that code (each code’s key is shown in the codebook)',
    group: 'Tagging in the reader',
  },
  { keys: ['/'], description: 'Search the codes to tag the selection with', group: 'Tagging in the reader' },
  { keys: ['Enter'], description: 'Apply the chosen code', group: 'Tagging in the reader' },
  { keys: ['Escape'], description: 'Cancel the selection', group: 'Tagging in the reader' },

  { keys: ['Mod+Z'], description: 'Undo', group: 'History', command: 'undo' },
  { keys: ['Mod+Shift+Z', 'Ctrl+Y'], description: 'Redo', group: 'History', command: 'redo' },

  { keys: ['?'], description: 'Show or hide these shortcuts', group: 'General', command: 'toggleHelp' },
  { keys: ['Mod+,'], description: 'Settings', group: 'General', command: 'openSettings' },
  {
    keys: ['Escape'],
    description: 'Close the help, or clear the selection or the selected annotation',
    group: 'General',
    command: 'dismiss',
  },
];

/** The shortcuts of one group, in table order. */
export function shortcutsIn(group: ShortcutGroup): Shortcut[] {
  return SHORTCUTS.filter((shortcut) => shortcut.group === group);
}
