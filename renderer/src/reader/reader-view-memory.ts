/**
 * Whose annotations the reader showed in each project, so it comes back the same. Kept per user in
 * the page's own storage, like reading places (reading-place.ts), never in the project's .gloss/:
 * a colleague opening the folder chooses their own view.
 */

/** The reader's views: my annotations, one colleague's, everyone's, or two annotators side by side. */
export const READER_VIEWS = ['mine', 'colleague', 'all', 'side-by-side'] as const;
export type ReaderView = (typeof READER_VIEWS)[number];

export interface ReaderViewChoice {
  view: ReaderView;
  /** The colleague of the `colleague` view; null until one is chosen (the first other annotator is shown). */
  colleague: string | null;
  /** The annotators of the side-by-side columns; null: me on the left, the first colleague on the right. */
  left: string | null;
  right: string | null;
}

/** Everyone's annotations, as the reader showed them before it had views. */
export const DEFAULT_READER_VIEW: ReaderViewChoice = {
  view: 'all',
  colleague: null,
  left: null,
  right: null,
};

export interface ReaderViewMemory {
  read(root: string): ReaderViewChoice | undefined;
  save(root: string, choice: ReaderViewChoice): void;
}

/** Projects remembered; the least recently changed is forgotten first. */
export const MAX_REMEMBERED_VIEWS = 50;

const STORAGE_KEY = 'gloss.reader-views';

/** Choices kept for this page only (tests, or storage the browser refuses). */
export function memoryReaderViews(): ReaderViewMemory {
  const choices = new Map<string, ReaderViewChoice>();
  return { read: (root) => choices.get(root), save: (root, choice) => void choices.set(root, choice) };
}

/** Choices kept in `storage` (localStorage); anything unreadable there counts as nothing remembered. */
export function storedReaderViews(storage: Pick<Storage, 'getItem' | 'setItem'>): ReaderViewMemory {
  const load = (): [string, ReaderViewChoice][] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  };
  return {
    read: (root) => load().find(([stored]) => stored === root)?.[1],
    save(root, choice) {
      const entries = [[root, choice], ...load().filter(([stored]) => stored !== root)];
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(entries.slice(0, MAX_REMEMBERED_VIEWS)));
      } catch {
        // Storage full or refused: the view is kept for this page only.
      }
    },
  };
}

function isEntry(entry: unknown): entry is [string, ReaderViewChoice] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
  const choice = entry[1] as Partial<ReaderViewChoice> | null;
  const name = (value: unknown) => value === null || typeof value === 'string';
  return (
    typeof choice === 'object' &&
    choice !== null &&
    READER_VIEWS.includes(choice.view as ReaderView) &&
    name(choice.colleague) &&
    name(choice.left) &&
    name(choice.right)
  );
}
