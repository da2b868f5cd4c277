/**
 * Where the researcher was reading in each project, so a reload (browser) or a restart (desktop)
 * comes back to it. Kept per user in the page's own storage (localStorage of the browser host's
 * origin or of gloss://app), keyed by the project folder's path: never in the project, whose
 * .gloss/ is shared with colleagues who read elsewhere.
 */
export interface ReadingPlace {
  /** The document's key. */
  key: string;
  /** UTF-16 offset of the start of the paragraph at the top of the reader. */
  paragraphStart: number;
  /** The annotation that was selected, if any. */
  annotationId?: string;
}

export interface ReadingPlaces {
  read(root: string): ReadingPlace | undefined;
  save(root: string, place: ReadingPlace): void;
}

/** Projects remembered; the least recently read is forgotten first. */
export const MAX_REMEMBERED_PROJECTS = 50;

const STORAGE_KEY = 'gloss.reading-places';

interface StoredPlaces {
  version: 1;
  /** Most recently read first. */
  projects: { root: string; place: ReadingPlace }[];
}

/** Places kept for this page only (tests, or storage the browser refuses). */
export function memoryReadingPlaces(): ReadingPlaces {
  const places = new Map<string, ReadingPlace>();
  return {
    read: (root) => places.get(root),
    save: (root, place) => void places.set(root, place),
  };
}

/**
 * Places kept in `storage` (localStorage). Anything unreadable there is treated as nothing
 * remembered; storage that refuses to be written (privacy settings, full) just forgets.
 */
export function storedReadingPlaces(storage: Pick<Storage, 'getItem' | 'setItem'>): ReadingPlaces {
  const load = (): StoredPlaces['projects'] => {
    try {
      return parseStoredPlaces(storage.getItem(STORAGE_KEY));
    } catch {
      return [];
    }
  };
  return {
    read: (root) => load().find((entry) => entry.root === root)?.place,
    save(root, place) {
      const projects = [{ root, place }, ...load().filter((entry) => entry.root !== root)];
      const stored: StoredPlaces = { version: 1, projects: projects.slice(0, MAX_REMEMBERED_PROJECTS) };
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(stored));
      } catch {
        // Not remembered; reading goes on.
      }
    },
  };
}

/** The stored list, keeping only well-formed entries (the storage may hold an older or edited value). */
export function parseStoredPlaces(text: string | null): StoredPlaces['projects'] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.projects)) return [];
  return value.projects.flatMap((entry: unknown) => {
    if (!isObject(entry) || typeof entry.root !== 'string') return [];
    const place = readingPlaceOf(entry.place);
    return place ? [{ root: entry.root, place }] : [];
  });
}

function readingPlaceOf(value: unknown): ReadingPlace | undefined {
  if (!isObject(value) || typeof value.key !== 'string' || value.key === '') return undefined;
  const start = value.paragraphStart;
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) return undefined;
  return typeof value.annotationId === 'string'
    ? { key: value.key, paragraphStart: start, annotationId: value.annotationId }
    : { key: value.key, paragraphStart: start };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
