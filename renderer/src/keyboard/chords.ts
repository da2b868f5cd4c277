/**
 * Key chords as shortcuts.ts writes them ("Mod+Shift+Z", "]", "Escape"): matching a keydown
 * against one, and writing one for people to read.
 */
import { shortcutKey } from './key-position';

export interface Chord {
  key: string;
  /** Ctrl, or Cmd on a Mac. */
  mod: boolean;
  /** Ctrl only (Ctrl+Y stays Ctrl+Y on a Mac, where Cmd+Y is another thing). */
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

export function parseChord(text: string): Chord {
  const parts = text.split('+');
  // "+" itself would be the empty last part; no shortcut uses it.
  const key = parts.pop() ?? '';
  return {
    key,
    mod: parts.includes('Mod'),
    ctrl: parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
}

type KeyState = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'> & {
  /** The key's position; on a non-Latin layout it names the shortcut (see key-position.ts). */
  code?: string;
};

/**
 * Whether a keydown is this chord. A chord of one printable character without modifiers
 * matches that character whatever Shift did to produce it ("?" is Shift+/ on some layouts and
 * not on others), and never with Ctrl, Cmd or Alt held, so browser and system shortcuts pass.
 * A character outside ASCII is matched by its key's position (Ctrl+я is Ctrl+Z).
 */
export function matchesChord(event: KeyState, chord: Chord): boolean {
  const control = event.ctrlKey || event.metaKey;
  const key = shortcutKey(event);
  if (!chord.mod && !chord.ctrl && !chord.shift && !chord.alt) {
    // A character may need Shift to be typed ("?"); a named key (Enter, Backspace) written
    // without it is another chord than with it: Shift+Enter accepts all, Enter one.
    const shiftAllowed = chord.key.length === 1;
    return key === chord.key && !control && !event.altKey && (shiftAllowed || !event.shiftKey);
  }
  if (key.toLowerCase() !== chord.key.toLowerCase()) return false;
  if (chord.mod ? !control : chord.ctrl ? !event.ctrlKey || event.metaKey : control) return false;
  return event.shiftKey === chord.shift && event.altKey === chord.alt;
}

/** How to write modifiers: a Mac's symbols, other systems' names, or the README's "Ctrl/Cmd". */
export type ChordStyle = 'mac' | 'pc' | 'docs';

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

export function formatChord(text: string, style: ChordStyle): string {
  const chord = parseChord(text);
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const single = chord.key.length === 1 && !chord.mod && !chord.ctrl && !chord.shift && !chord.alt;
  // Single characters are shown as typed: "j", not "J" (which would suggest Shift).
  if (single) return chord.key;
  if (style === 'mac') {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  }
  const names = [
    chord.mod && (style === 'docs' ? 'Ctrl/Cmd' : 'Ctrl'),
    chord.ctrl && 'Ctrl',
    chord.alt && 'Alt',
    chord.shift && 'Shift',
    key,
  ].filter(Boolean);
  return names.join('+');
}

/** The style for this computer. */
export function localChordStyle(): ChordStyle {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'pc';
}
