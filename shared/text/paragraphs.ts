/** A paragraph of a document's text. Offsets are UTF-16 code units into the whole text, end exclusive. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** A blank line (spaces allowed on it) and whatever whitespace follows it. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;

/**
 * Splits text on blank lines. Each paragraph's text is exactly `text.slice(start, end)`, with
 * trailing whitespace left out, so a paragraph's text node maps offsets one to one; offsets in
 * the breaks between paragraphs are not shown.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (start: number, end: number) => {
    const body = text.slice(start, end).trimEnd();
    if (body.trim() !== '') paragraphs.push({ start, end: start + body.length, text: body });
  };
  let start = 0;
  for (const found of text.matchAll(PARAGRAPH_BREAK)) {
    add(start, found.index);
    start = found.index + found[0].length;
  }
  add(start, text.length);
  return paragraphs;
}
