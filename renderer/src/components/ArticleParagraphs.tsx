import { memo, useMemo } from 'react';
import type { PageStart } from '../../../shared/model/document';
import { type Paragraph, splitParagraphs } from '../reader/paragraphs';

/** Paragraphs per section of text that the browser lays out or skips as one (see `.text-chunk`). */
const CHUNK = 40;

/**
 * The text, always as React text nodes (never parsed as HTML): one <p> per paragraph holding a
 * single text node, with `data-start` giving its UTF-16 offset so highlights can find positions.
 * Memoised on the text alone: annotation changes never re-render thousands of paragraphs.
 *
 * Paragraphs come in chunks that the browser skips while off screen (content-visibility), so a
 * change near the caret never lays out a whole 1 MB article. Chunks, not paragraphs: the browser
 * tracks each skipped box with an intersection observer, and thousands of them cost every frame.
 */
export const Paragraphs = memo(function Paragraphs({
  text,
  charactersPerLine = CHARACTERS_PER_LINE,
  pages,
}: {
  text: string;
  /** About how many characters a line holds where the text is shown, for the skipped chunks' heights. */
  charactersPerLine?: number;
  /** A PDF's pages: each paragraph a page begins in is marked with its number (see pageMarks). */
  pages?: readonly PageStart[];
}) {
  const chunks = useMemo(() => {
    const paragraphs = splitParagraphs(text);
    const grouped: Paragraph[][] = [];
    for (let at = 0; at < paragraphs.length; at += CHUNK) grouped.push(paragraphs.slice(at, at + CHUNK));
    return grouped;
  }, [text]);
  const marks = useMemo(() => pageMarks(chunks.flat(), pages), [chunks, pages]);
  return chunks.map((chunk) => (
    <div
      key={chunk[0]!.start}
      className="text-chunk"
      // A skipped chunk takes this height until it has been shown once: close to the real one, so
      // the scrollbar is right and scrolling to a passage does not land off by screens.
      style={{ containIntrinsicSize: `auto ${estimatedLines(chunk, charactersPerLine).toFixed(1)}lh` }}
    >
      {chunk.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start} data-page={marks.get(paragraph.start)}>
          {paragraph.text}
        </p>
      ))}
    </div>
  ));
});

/** Characters on a line of the reader's 70ch column, and a paragraph's bottom margin, in lines. */
const CHARACTERS_PER_LINE = 78;
const PARAGRAPH_GAP_LINES = 0.6;

function estimatedLines(paragraphs: readonly Paragraph[], charactersPerLine: number): number {
  let lines = 0;
  for (const paragraph of paragraphs) {
    lines += Math.ceil(paragraph.text.length / charactersPerLine) + PARAGRAPH_GAP_LINES;
  }
  return lines;
}

/**
 * "p. 3" for the paragraph page 3 of a PDF begins in, by the paragraph's start ("p. 3, 4" when a
 * long paragraph holds the start of two). The mark is drawn by CSS from the attribute, so it is
 * never part of the text, its offsets, a selection or a copy. A page that begins mid-paragraph is
 * marked on that paragraph: the reader keeps one text node per paragraph for its highlights.
 */
function pageMarks(
  paragraphs: readonly Paragraph[],
  pages: readonly PageStart[] | undefined,
): Map<number, string> {
  const marks = new Map<number, string>();
  if (!pages || pages.length < 2) return marks;
  let index = 0;
  for (const page of pages) {
    while (index + 1 < paragraphs.length && paragraphs[index + 1]!.start <= page.start) index++;
    const paragraph = paragraphs[index];
    if (!paragraph) break;
    const number = page.label ?? String(page.number);
    const mark = marks.get(paragraph.start);
    marks.set(paragraph.start, mark ? `${mark}, ${number}` : `p. ${number}`);
  }
  return marks;
}
