/**
 * The colour theme: the system's (prefers-color-scheme) unless the researcher picked light or
 * dark, remembered in localStorage. styles.css reads `data-theme` on <html>.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'gloss.theme';

export function storedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return THEME_CHOICES.find((choice) => choice === value) ?? 'system';
  } catch {
    // Storage can be refused (privacy settings); the system theme is a fine answer.
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Told of every theme saved, so each control showing the choice (header, Settings) agrees. */
const listeners = new Set<() => void>();

export function onThemeSaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The choice made on this page, else the one stored: right even where storage is refused. */
let chosen: ThemeChoice | null = null;

export function currentTheme(): ThemeChoice {
  chosen ??= storedTheme();
  return chosen;
}

export function saveTheme(choice: ThemeChoice): void {
  chosen = choice;
  applyTheme(choice);
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Not remembered, but applied for this session.
  }
  for (const listener of listeners) listener();
}
