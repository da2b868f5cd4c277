import type { AnnotatorWork, DocumentStatus, DocumentSummary } from '../../../shared/model/document';
import type { GlossState, SliceCreator } from './slice';

export type StatusFilter = DocumentStatus | 'all';

export interface DocumentFilter {
  /** Matched case-insensitively against each document's file name, key and title. */
  text: string;
  /** This annotator's status. */
  status: StatusFilter;
  /** Only documents this annotator has worked on (has a file for); null: whoever has or not. */
  annotator: string | null;
  /** With `annotator`: only where that annotator's own status is this; 'all': any. */
  annotatorStatus: StatusFilter;
}

export interface DocumentFilterSlice {
  /** Which documents the list shows; `]`/`[` move through the same ones. */
  documentFilter: DocumentFilter;
  setDocumentFilter(changes: Partial<DocumentFilter>): void;
}

export const createDocumentFilterSlice: SliceCreator<DocumentFilterSlice> = (set) => ({
  documentFilter: { text: '', status: 'all', annotator: null, annotatorStatus: 'all' },
  setDocumentFilter: (changes) => set((s) => ({ documentFilter: { ...s.documentFilter, ...changes } })),
});

/**
 * The documents that pass `filter`, in list order. `me` is this annotator, whose own work is
 * taken as the screen shows it (annotatorsOnScreen).
 */
export function filterDocuments(
  documents: readonly DocumentSummary[],
  filter: DocumentFilter,
  me: string | null,
): readonly DocumentSummary[] {
  const needle = filter.text.trim().toLowerCase();
  const { annotator, annotatorStatus } = filter;
  if (needle === '' && filter.status === 'all' && annotator === null) return documents;
  return documents.filter((d) => {
    if (filter.status !== 'all' && d.status !== filter.status) return false;
    if (needle !== '' && !searchText(d).includes(needle)) return false;
    if (annotator === null) return true;
    const work = annotatorsOnScreen(d, me).find((w) => w.name === annotator);
    return work !== undefined && (annotatorStatus === 'all' || work.status === annotatorStatus);
  });
}

/** Lower-cased key (which holds the file name) and title, made once per summary object. */
const searchTexts = new WeakMap<DocumentSummary, string>();
function searchText(d: DocumentSummary): string {
  let text = searchTexts.get(d);
  if (text === undefined) {
    text = `${d.key}\n${d.title}`.toLowerCase();
    searchTexts.set(d, text);
  }
  return text;
}

const onScreen = new WeakMap<DocumentSummary, { me: string | null; work: readonly AnnotatorWork[] }>();

/**
 * Who has worked on the document as the screen should show it now: this annotator (`me`) first,
 * then the others in the listing's order. The listing's entries for the others hold until the
 * next listing (their files change only on disk, and the folder watcher lists again then), but
 * this annotator's own work changes on screen before it is saved: their status is the summary's
 * `status` and their count is the summary's `annotationCount` less the others' (both kept up to
 * date by the slices that tag and mark). Made once per summary object.
 */
export function annotatorsOnScreen(d: DocumentSummary, me: string | null): readonly AnnotatorWork[] {
  const known = onScreen.get(d);
  if (known && known.me === me) return known.work;
  const listed = d.annotators ?? [];
  let work: readonly AnnotatorWork[] = listed;
  if (me !== null) {
    const others = listed.filter((w) => w.name !== me);
    let othersCount = 0;
    for (const w of others) othersCount += w.annotationCount;
    const annotationCount = Math.max(0, d.annotationCount - othersCount);
    const hasWorked = others.length < listed.length || annotationCount > 0 || d.status !== 'todo';
    work = hasWorked ? [{ name: me, status: d.status, annotationCount }, ...others] : others;
  }
  onScreen.set(d, { me, work });
  return work;
}

/** This annotator's name, once the project is known: the one place the list asks who "you" are. */
export function selectOwnAnnotator(state: GlossState): string | null {
  return state.project?.annotator ?? null;
}

let lastDocuments: readonly DocumentSummary[] | undefined;
let lastFilter: DocumentFilter | undefined;
let lastMe: string | null = null;
let lastVisible: readonly DocumentSummary[] = [];

/**
 * The documents the list shows, memoised on the store's `documents` and `documentFilter`
 * objects (both replaced on change), so 10,000 documents are filtered once per change.
 */
export function selectVisibleDocuments(state: GlossState): readonly DocumentSummary[] {
  if (
    state.documents !== lastDocuments ||
    state.documentFilter !== lastFilter ||
    selectOwnAnnotator(state) !== lastMe
  ) {
    lastDocuments = state.documents;
    lastFilter = state.documentFilter;
    lastMe = selectOwnAnnotator(state);
    lastVisible = filterDocuments(state.documents, state.documentFilter, lastMe);
  }
  return lastVisible;
}

/** How many of all documents (whatever the filter) are done. */
export function selectDoneCount(state: GlossState): number {
  let done = 0;
  for (const d of state.documents) if (d.status === 'done') done++;
  return done;
}

/** An annotator the list can be filtered by, with how many documents they have worked on. */
export interface AnnotatorChoice {
  name: string;
  documents: number;
}

let choicesOf: readonly DocumentSummary[] = [];
let choicesMe: string | null = null;
/** Documents worked on per annotator, for `choicesOf` as `choicesMe` sees them. */
const workedOn = new Map<string, number>();
let choices: readonly AnnotatorChoice[] = [];

/**
 * Everyone who has worked on some document, this annotator first, then by name. A tag or a
 * status replaces one summary in a new `documents` array, so the counts are brought up to date
 * from the summaries replaced (compared by identity, place by place) rather than counted again
 * over 10,000 documents within the frame of a keypress; a list of another length is counted anew.
 */
export function selectAnnotatorChoices(state: GlossState): readonly AnnotatorChoice[] {
  const { documents } = state;
  const who = selectOwnAnnotator(state);
  if (documents === choicesOf && who === choicesMe) return choices;
  const incremental = who === choicesMe && documents.length === choicesOf.length;
  if (!incremental) workedOn.clear();
  const count = (d: DocumentSummary, by: number) => {
    for (const w of annotatorsOnScreen(d, who)) workedOn.set(w.name, (workedOn.get(w.name) ?? 0) + by);
  };
  for (let i = 0; i < documents.length; i++) {
    const d = documents[i]!;
    const before = incremental ? choicesOf[i] : undefined;
    if (before === d) continue;
    if (before) count(before, -1);
    count(d, 1);
  }
  choicesOf = documents;
  choicesMe = who;
  const names = [...workedOn.keys()]
    .filter((name) => workedOn.get(name)! > 0)
    .sort((a, b) => (a === who ? -1 : b === who ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const next = names.map((name) => ({ name, documents: workedOn.get(name)! }));
  // The same choices keep the same array, so the filter is not drawn again after every tag.
  const same =
    next.length === choices.length &&
    next.every((c, i) => c.name === choices[i]!.name && c.documents === choices[i]!.documents);
  if (!same) choices = next;
  return choices;
}
