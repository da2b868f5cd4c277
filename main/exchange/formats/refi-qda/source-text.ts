/**
 * A source's text as Gloss keeps it (LF line endings) and where its REFI-QDA positions land.
 * Positions count the code points of the text as stored, CR LF as two, so a file from Windows
 * shifts by one for every line break before a selection; `toUtf16` undoes that.
 */
export interface SourceText {
  text: string;
  /** Code points of the stored text: the largest valid position. */
  length: number;
  /** UTF-16 offset into `text` of a code-point position of the stored text (0 ≤ p ≤ length). */
  toUtf16(position: number): number;
}

export function normaliseSourceText(stored: string): SourceText {
  const offsets: number[] = [];
  let text = '';
  let previousWasCr = false;
  for (const char of stored) {
    offsets.push(text.length);
    if (char === '\n' && previousWasCr) {
      // The LF of a CR LF: the CR already became this line break.
    } else if (char === '\r') {
      text += '\n';
    } else {
      text += char;
    }
    previousWasCr = char === '\r';
  }
  offsets.push(text.length);
  return { text, length: offsets.length - 1, toUtf16: (position) => offsets[position] ?? text.length };
}
