/**
 * The key a shortcut sees. Shortcuts are written with Latin letters, digits and a few marks
 * ("Mod+Z", "j", "]"), which a Russian, Greek, Hebrew… layout never types: Ctrl+Z there gives
 * key "я" or "ζ". When `key` is a character outside ASCII, the key's position (`code`, named
 * after the US layout) says which shortcut was meant, as in every desktop application.
 * ASCII characters are taken as typed, so a layout that moves them (AZERTY's "a" on KeyQ,
 * Dvorak) keeps its own letters, and names such as "Escape" or "ArrowUp" pass unchanged.
 */
export function shortcutKey(event: { key: string; code?: string; shiftKey: boolean }): string {
  const { key } = event;
  if (!isNonAsciiCharacter(key) || !event.code) return key;
  return latinKeyAt(event.code, event.shiftKey) ?? key;
}

/** One character (one code point) beyond ASCII: "я", "ζ", "é", "ъ"; not "Escape" or "z". */
function isNonAsciiCharacter(key: string): boolean {
  return [...key].length === 1 && key.codePointAt(0)! > 0x7f;
}

/**
 * What the US layout types at a key position, for the positions shortcuts use: letters (upper
 * case with Shift, as the Latin layout would give), and without Shift the digits, [ ] and /.
 * With Shift those give other marks ("!", "}"), which no shortcut is written as.
 */
function latinKeyAt(code: string, shift: boolean): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  if (shift) return undefined;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1];
  if (digit) return digit;
  return US_MARKS[code];
}

const US_MARKS: Readonly<Record<string, string>> = {
  BracketLeft: '[',
  BracketRight: ']',
  Slash: '/',
};
