import { useSyncExternalStore } from 'react';

/**
 * The app's colours as a chart needs them, resolved to rgb() for the theme in force: styles.css
 * writes each as light-dark(…), which only an element's computed style resolves, and an exported
 * SVG or PNG must carry the colours themselves, not the variables.
 */
export interface ChartTheme {
  /** Text, axes and ticks. */
  fg: string;
  /** Secondary text, such as axis labels. */
  muted: string;
  /** Grid lines. */
  border: string;
  /** What the chart is drawn on, and an exported image's background. */
  bg: string;
  /** The app's accent, for one-colour scales (a heat map's strongest cell), and text drawn on it. */
  accent: string;
  accentFg: string;
  fontFamily: string;
  /** "light" or "dark": the theme the colours were read in, so a change of theme draws again. */
  scheme: string;
}

const VARIABLES = {
  fg: '--fg',
  muted: '--muted',
  border: '--border',
  bg: '--bg',
  accent: '--accent',
  accentFg: '--accent-fg',
} as const;

export function readChartTheme(): ChartTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const colour = (variable: string) => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  const theme = {
    fg: colour(VARIABLES.fg),
    muted: colour(VARIABLES.muted),
    border: colour(VARIABLES.border),
    bg: colour(VARIABLES.bg),
    accent: colour(VARIABLES.accent),
    accentFg: colour(VARIABLES.accentFg),
    fontFamily: getComputedStyle(document.documentElement).fontFamily,
    scheme: getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'dark' : 'light',
  };
  probe.remove();
  return theme;
}

/** Calls `changed` when the theme may have changed: a choice in the header, or the system's setting. */
function subscribe(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  // A page without media queries (a test's DOM) has only the header's choice to follow.
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  media?.addEventListener('change', changed);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', changed);
  };
}

let last: ChartTheme | undefined;
let lastKey = '';

/** The same object while the colours are the same, as useSyncExternalStore requires. */
function snapshot(): ChartTheme {
  const theme = readChartTheme();
  const key = JSON.stringify(theme);
  if (key !== lastKey) {
    last = theme;
    lastKey = key;
  }
  return last!;
}

/** The chart theme, following the app's theme as it changes. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot);
}
