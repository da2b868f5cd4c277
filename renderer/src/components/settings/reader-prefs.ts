/**
 * How the reader sets its text, this researcher's choice on this computer: the text size and the
 * longest line, kept in localStorage like the theme and applied as CSS variables on <html> that
 * styles.css's `.reader` reads, so changing them costs no render of the article.
 */
export interface ReaderPrefs {
  /** Text size in CSS pixels. */
  fontSize: number;
  /** The longest line, in characters (`ch`). */
  lineWidth: number;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { fontSize: 18, lineWidth: 70 };
export const FONT_SIZES = { min: 14, max: 28 } as const;
export const LINE_WIDTHS = { min: 45, max: 110 } as const;

const STORAGE_KEY = 'gloss.reader';

export function storedReaderPrefs(): ReaderPrefs {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<ReaderPrefs> | null;
    return {
      fontSize: within(value?.fontSize, FONT_SIZES, DEFAULT_READER_PREFS.fontSize),
      lineWidth: within(value?.lineWidth, LINE_WIDTHS, DEFAULT_READER_PREFS.lineWidth),
    };
  } catch {
    // Refused storage or a damaged value: the defaults read well.
    return DEFAULT_READER_PREFS;
  }
}

export function applyReaderPrefs(prefs: ReaderPrefs): void {
  const style = document.documentElement.style;
  style.setProperty('--reader-font-size', `${prefs.fontSize}px`);
  style.setProperty('--reader-line-width', `${prefs.lineWidth}ch`);
}

export function saveReaderPrefs(prefs: ReaderPrefs): void {
  applyReaderPrefs(prefs);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Applied for this session, not remembered.
  }
}

function within(value: unknown, range: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(range.max, Math.max(range.min, Math.round(value)))
    : fallback;
}
