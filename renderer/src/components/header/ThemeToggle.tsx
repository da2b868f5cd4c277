import { useState } from 'react';
import { saveTheme, storedTheme, THEME_CHOICES, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System / Light / Dark, as three toggle buttons of which one is pressed. */
export function ThemeToggle() {
  const [choice, setChoice] = useState(storedTheme);
  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={choice === option}
          onClick={() => {
            saveTheme(option);
            setChoice(option);
          }}
        >
          {LABELS[option]}
        </button>
      ))}
    </fieldset>
  );
}
