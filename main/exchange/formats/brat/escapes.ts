/**
 * A brat note is the rest of one .ann line, so a Gloss note's line breaks and tabs are escaped
 * as `\n`, `\r` and `\t`, and a backslash as `\\` (brat shows the escapes as typed; Gloss reads
 * them back exactly). A note that happens to start like one of Gloss's machine-readable note
 * lines (`value: `) gets a leading backslash so it is not read as one.
 */
export const VALUE_NOTE_PREFIX = 'value: ';

export function escapeNote(note: string): string {
  const escaped = note.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!);
  return escaped.startsWith(VALUE_NOTE_PREFIX) ? `\\${escaped}` : escaped;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const UNESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/** Undoes escapeNote; any other escaped character stands for itself. */
export function unescapeNote(text: string): string {
  return text.replace(/\\(.)/gsu, (_, c: string) => UNESCAPES[c] ?? c);
}

/**
 * An attribute value is one space-free token in the .ann line and one item of a `|` list in
 * annotation.conf, so annotator names keep letters, digits, `_`, `.` and `-` and percent-encode
 * the rest as UTF-8 ("Zoë Li" → `Zoë%20Li`); decodeURIComponent reads them back.
 */
export function encodeAttributeValue(value: string): string {
  return value.replace(/[^\p{L}\p{N}_.-]/gu, (c) => encodeURIComponent(c).replace(/[!'()*~]/g, percent));
}

function percent(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

export function decodeAttributeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Names in N lines and in the register file sit on one line: whitespace runs become one space. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
