/**
 * The window-wide keyboard handler: turns a keydown into one of shortcuts.ts's commands and
 * runs it through the store's own actions (the same ones the buttons and the menu use).
 */
import type { CurationDecisionKind } from '../../../shared/model/curation';
import { selectCurrentItem } from '../store/curation-slice';
import { selectVisibleDocuments } from '../store/document-filter-slice';
import type { GlossStore } from '../store/gloss-store';
import { isOwnAnnotation, nextReaderView, selectShownAnnotations } from '../store/reader-views-slice';
import type { GlossState } from '../store/slice';
import { type Chord, matchesChord, parseChord } from './chords';
import { isImeComposing } from './ime';
import { shortcutKey } from './key-position';
import { type GlobalCommand, SHORTCUTS } from './shortcuts';

/** The document filter's element id, so `/` can focus it wherever the list is. */
export const DOCUMENT_FILTER_ID = 'document-filter';
/** The help overlay's element id: keys pressed inside it still reach `?` and Escape. */
export const SHORTCUT_HELP_ID = 'shortcut-help';

const BINDINGS: readonly { chord: Chord; command: GlobalCommand }[] = SHORTCUTS.flatMap(
  ({ keys, command }) => (command ? keys.map((key) => ({ chord: parseChord(key), command })) : []),
);

/** Commands on keys that buttons and links use themselves (Enter): never taken from them. */
const NOT_ON_CONTROLS: ReadonlySet<GlobalCommand> = new Set([
  'acceptSuggestion',
  'acceptAllSuggestions',
  'acceptReviewGroup',
]);

/** Commands that still act from a text field. */
const FROM_FIELDS: ReadonlySet<GlobalCommand> = new Set(['dismiss', 'focusSearch']);
/** Commands that still act from another dialog (the search would open behind it). */
const FROM_DIALOGS: ReadonlySet<GlobalCommand> = new Set(['dismiss']);
/** Commands that still act while the help overlay is open. */
const WHILE_HELP_OPEN: ReadonlySet<GlobalCommand> = new Set(['dismiss', 'toggleHelp']);

/** Letters, digits and `/` belong to the palette while a passage waits to be tagged. */
const PALETTE_KEY = /^[\p{L}\p{N}/]$/u;

type Action = (state: GlossState) => boolean;

const ACTIONS: Record<GlobalCommand, Action> = {
  undo: (s) => run(s.undo()),
  redo: (s) => run(s.redo()),
  nextDocument: (s) => moveDocument(s, 1),
  previousDocument: (s) => moveDocument(s, -1),
  markTodo: (s) => markStatus(s, 'todo'),
  markInProgress: (s) => markStatus(s, 'in-progress'),
  markDone: (s) => markStatus(s, 'done'),
  nextAnnotation: (s) => moveAnnotation(s, 1),
  previousAnnotation: (s) => moveAnnotation(s, -1),
  deleteAnnotation: (s) =>
    s.selectedAnnotationId
      ? // A colleague's annotation is theirs: the key does nothing and the inspector says why.
        ownSelected(s) && run(s.removeAnnotation(s.selectedAnnotationId))
      : s.selectedSuggestionId
        ? run(s.rejectSuggestions([s.selectedSuggestionId]))
        : false,
  nextReaderView: (s) => {
    if (!s.reader.document) return false;
    s.setReaderView({ view: nextReaderView(s.readerView.view) });
    return true;
  },
  nextDisagreement: (s) => curating(s) && s.moveCuration(1),
  previousDisagreement: (s) => curating(s) && s.moveCuration(-1),
  takeA: (s) => curate(s, 'a'),
  takeB: (s) => curate(s, 'b'),
  takeBoth: (s) => curate(s, 'both'),
  editCurated: (s) => {
    if (!curating(s) || !selectCurrentItem(s)) return false;
    s.setCurationEditing(true);
    return true;
  },
  skipDisagreement: (s) => curate(s, 'skip'),
  nextSuggestion: (s) => moveSuggestion(s, 1),
  previousSuggestion: (s) => moveSuggestion(s, -1),
  acceptSuggestion: (s) =>
    s.selectedSuggestionId && !s.selectedAnnotationId
      ? run(s.acceptSuggestions([s.selectedSuggestionId]))
      : false,
  acceptAllSuggestions: (s) => {
    const selected = s.suggestions.list.find((x) => x.id === s.selectedSuggestionId);
    if (!selected || s.selectedAnnotationId) return false;
    return run(
      s.acceptSuggestions(s.suggestions.list.filter((x) => x.kind === selected.kind).map((x) => x.id)),
    );
  },
  acceptReviewGroup: (s) => review(s, () => s.acceptReviewGroup()),
  rejectReviewGroupHere: (s) => review(s, () => s.rejectReviewGroup('here')),
  rejectReviewGroupEverywhere: (s) => review(s, () => s.rejectReviewGroup('everywhere')),
  skipReviewGroup: (s) => review(s, () => s.skipReviewGroup()),
  nextReviewGroup: (s) => review(s, () => s.moveReviewGroup(1)),
  previousReviewGroup: (s) => review(s, () => s.moveReviewGroup(-1)),
  nextReviewDocument: (s) => review(s, () => s.moveReviewDocument(1)),
  previousReviewDocument: (s) => review(s, () => s.moveReviewDocument(-1)),
  closeReviewQueue: (s) => {
    if (!reviewing(s) || s.pendingSelection) return false;
    s.closeReviewQueue();
    return true;
  },
  dismiss,
  toggleHelp: (s) => {
    s.setHelpOpen(!s.helpOpen);
    return true;
  },
  openSettings: (s) => {
    s.setOpenDialog('settings');
    return true;
  },
  focusDocumentFilter: () => {
    const input = document.getElementById(DOCUMENT_FILTER_ID);
    if (!(input instanceof HTMLInputElement)) return false;
    input.focus();
    input.select();
    return true;
  },
  focusSearch: (s) => {
    s.focusSearch();
    return true;
  },
};

/**
 * The commands a keydown may ask for here, after the rules about where focus is, in table order:
 * a key bound twice (`n`: the next disagreement while curating, else the next suggestion) goes to
 * the first whose action acts.
 */
function commandsFor(event: KeyboardEvent, state: GlossState): GlobalCommand[] {
  if (event.defaultPrevented || isImeComposing(event)) return [];
  const target = event.target instanceof Element ? event.target : null;
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (state.pendingSelection && plain && PALETTE_KEY.test(shortcutKey(event))) return [];
  return BINDINGS.filter(({ chord, command }) => {
    if (!matchesChord(event, chord)) return false;
    // Text fields keep their keys, Ctrl/Cmd+Z included (it undoes typing there); other dialogs handle their own.
    if (isEditable(target) && !FROM_FIELDS.has(command)) return false;
    if (isInOtherDialog(target) && !FROM_DIALOGS.has(command)) return false;
    if (state.helpOpen && !WHILE_HELP_OPEN.has(command)) return false;
    return !(NOT_ON_CONTROLS.has(command) && isControl(target));
  }).map(({ command }) => command);
}

/** Runs the command of a keydown; true (and the browser's default prevented) when one acted. */
export function handleGlobalKeydown(event: KeyboardEvent, store: GlossStore): boolean {
  const acted = commandsFor(event, store.getState()).some((command) => ACTIONS[command](store.getState()));
  if (acted) event.preventDefault();
  return acted;
}

function run(action: Promise<unknown>): true {
  // Store actions keep their own failures (the save indicator shows them); nothing to catch here.
  void action;
  return true;
}

function moveDocument(s: GlossState, step: 1 | -1): boolean {
  const visible = selectVisibleDocuments(s);
  if (visible.length === 0) return false;
  const index = visible.findIndex((d) => d.key === s.selectedKey);
  const next = index === -1 ? (step === 1 ? visible[0] : visible.at(-1)) : visible[index + step];
  if (next && next.key !== s.selectedKey) void s.selectDocument(next.key);
  return true;
}

function markStatus(s: GlossState, status: 'todo' | 'in-progress' | 'done'): boolean {
  if (!s.reader.document) return false;
  return run(s.setStatus(status));
}

/** Through the annotations in text order, only those of the side panel's code filter if it has one. */
function moveAnnotation(s: GlossState, step: 1 | -1): boolean {
  const filter = s.codeFilter;
  // Those the reader's view shows (mine, a colleague's, everyone's).
  const shown = selectShownAnnotations(s);
  const list = filter.length > 0 ? shown.filter((a) => filter.includes(a.code)) : shown;
  if (list.length === 0) return false;
  const index = list.findIndex((a) => a.id === s.selectedAnnotationId);
  const next = index === -1 ? (step === 1 ? list[0] : list.at(-1)) : list[index + step];
  if (next) {
    s.selectAnnotation(next.id);
    s.scrollToAnnotation(next.id);
    // Its row takes focus where the list is shown, so Delete acts on it wherever focus was.
    if (s.sidePanelTab === 'annotations') s.focusSelectedRow('annotations');
  }
  return true;
}

function ownSelected(s: GlossState): boolean {
  const selected = s.reader.annotations.find((a) => a.id === s.selectedAnnotationId);
  return selected !== undefined && isOwnAnnotation(s, selected);
}

/** The curation keys act while the Curation tab shows a walk-through. */
function curating(s: GlossState): boolean {
  return s.sidePanelTab === 'curation' && s.curationPair !== null && !s.curationEditing;
}

/** The review queue's keys act while the Suggestions tab shows the queue. */
function reviewing(s: GlossState): boolean {
  return s.reviewOpen && s.sidePanelTab === 'suggestions' && s.reviewQueue !== null;
}

/**
 * A review queue key is the queue's while it is shown, even with nothing to do (the last
 * document of a group, a group decided): `d` must not mark the document done there instead.
 */
function review(s: GlossState, act: () => unknown): boolean {
  if (!reviewing(s)) return false;
  act();
  return true;
}

function curate(s: GlossState, decision: Exclude<CurationDecisionKind, 'edit'>): boolean {
  return curating(s) && s.decideCuration(decision);
}

/** Through the open document's suggestions in text order, bringing each into view. */
function moveSuggestion(s: GlossState, step: 1 | -1): boolean {
  const list = s.suggestions.key === s.reader.key ? s.suggestions.list : [];
  if (list.length === 0) return false;
  const index = list.findIndex((x) => x.id === s.selectedSuggestionId);
  const next = index === -1 ? (step === 1 ? list[0] : list.at(-1)) : list[index + step];
  if (next) {
    s.selectSuggestion(next.id);
    // Its row takes focus where the list is shown, so Enter and Backspace act on it (not on the tab clicked last).
    if (s.sidePanelTab === 'suggestions') s.focusSelectedRow('suggestions');
  }
  return true;
}

/** Escape closes the innermost thing: the help, then the passage waiting for a code, then the selected annotation. */
function dismiss(s: GlossState): boolean {
  if (s.helpOpen) s.setHelpOpen(false);
  else if (s.pendingSelection) {
    s.setPendingSelection(null);
    window.getSelection()?.removeAllRanges();
  } else if (s.selectedAnnotationId) s.selectAnnotation(null);
  else if (s.selectedSuggestionId) s.selectSuggestion(null);
  else return false;
  return true;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

function isEditable(target: Element | null): boolean {
  if (!target) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

function isControl(target: Element | null): boolean {
  return !!target?.closest(
    'button, a[href], summary, [role="button"], [role="option"], [role="tab"], [role="menuitem"]',
  );
}

function isInOtherDialog(target: Element | null): boolean {
  const dialog = target?.closest('dialog, [role="dialog"], [role="alertdialog"]');
  return !!dialog && dialog.id !== SHORTCUT_HELP_ID;
}
