import { useSyncExternalStore } from 'react';
import { currentTheme, onThemeSaved, saveTheme, THEME_CHOICES, type ThemeChoice } from './theme';

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The theme chosen, as saved: the header's toggle and the Settings dialog show the same one. */
export function useTheme(): ThemeChoice {
  return useSyncExternalStore(onThemeSaved, currentTheme);
}

/** System / Light / Dark, as three toggle buttons of which one is pressed. */
export function ThemeToggle() {
  const choice = useTheme();
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((option) => (
        <button key={option} type="button" aria-pressed={choice === option} onClick={() => saveTheme(option)}>
          {THEME_LABELS[option]}
        </button>
      ))}
    </fieldset>
  );
}
