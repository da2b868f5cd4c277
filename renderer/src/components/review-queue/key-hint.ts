import { formatChord, localChordStyle } from '../../keyboard/chords';
import { type GlobalCommand, SHORTCUTS } from '../../keyboard/shortcuts';

/** A button's title with the keys that do the same, from the one table: "Skip (s)". */
export function withKeys(what: string, command: GlobalCommand): string {
  const keys = SHORTCUTS.find((s) => s.command === command)?.keys ?? [];
  if (keys.length === 0) return what;
  return `${what} (${keys.map((key) => formatChord(key, localChordStyle())).join(' or ')})`;
}
