import type { PageStart } from '../../shared/model/document';

/**
 * One run of text as a PDF draws it (pdfjs's text content item): its string, where its baseline
 * starts (PDF user space: y grows upwards), how wide it is and its font size.
 */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPageRuns {
  number: number;
  label?: string;
  runs: readonly PdfTextRun[];
  /** The page's lowest and highest y (its MediaBox), to tell its margins; running lines are kept without. */
  bounds?: { bottom: number; top: number };
}

export interface PdfLaidOutText {
  /** Paragraphs separated by a blank line, as HTML extraction gives them. */
  text: string;
  pages: PageStart[];
  /** The first paragraph set larger than the body text, on the first page that has one. */
  heading?: string;
}

interface Line {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  page: number;
}

// Tuning, in multiples of the font size unless said otherwise.
/** Runs whose baselines differ by more than this are on different lines (superscripts are within it). */
const SAME_LINE = 0.5;
/** A gap wider than this between two runs of a line is a space the PDF did not draw as a character. */
const WORD_GAP = 0.15;
/** A line starting this much right of the paragraph's left edge is a first-line indent. */
const INDENT = 1;
/** A gap between lines more than this times the usual spacing for their font size ends a paragraph. */
const PARAGRAPH_GAP = 1.3;
/** Text this much larger than the body's is a heading, a paragraph of its own. */
const HEADING_SIZE = 1.15;
/** Font sizes within this ratio are the same size (rounding of glyph matrices). */
const SAME_SIZE = 0.1;

// A line that ends in a word, this hyphen and the next line starting in a lower-case letter is a
// word broken by hyphenation: U+00AD (a soft hyphen, where the producer kept it) and U+2010 (what
// Chromium draws at a soft-hyphen break) are only ever used that way.
const HYPHENATION_MARK = /[\p{L}\p{M}][\u00ad\u2010]$/u;
// U+002D is both a hyphenation mark and the hyphen of compounds ("year-earlier"); see joinHyphenated.
const HYPHEN_MINUS = /([\p{L}\p{M}]+)-$/u;
const STARTS_LOWER = /^(\p{Ll}[\p{L}\p{M}]*)/u;
// Scripts written without spaces between words: their lines join with nothing between them.
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
// A glyph the PDF maps to no character comes out as U+0000: Chromium draws an emoji sequence
// (a flag, a skin tone, a family) as one such glyph, naming its text only in an ActualText that
// pdfjs does not read. It is not text, so it is left out.
const UNMAPPED = '\u0000';
/** A paragraph ending with one of these (quotes and brackets after it allowed) ends a sentence. */
const SENTENCE_END = /[.!?:;…。！？]["'”’)\]]*$/u;

/**
 * The text of a PDF's pages in reading order: runs grouped into lines, lines into paragraphs
 * (joined with a space, a hyphenated word made whole again), paragraphs separated by a blank line,
 * and where each page starts in that text. Runs are taken in the order the page draws them, which
 * is reading order for what word processors, browsers and typesetters produce; a paragraph broken
 * by a page break is joined again when its last line on the page ends mid-sentence.
 */
export function layOutPdfText(
  pages: readonly PdfPageRuns[],
  /** The document's title as its metadata gives it, which a browser prints in the page's header. */
  title?: string,
): PdfLaidOutText {
  const linesByPage = withoutRunningLines(
    pages,
    pages.map((page) => linesOf(page.runs, page.number)),
    title,
  );
  const all = linesByPage.flat();
  const spacing = usualSpacing(linesByPage);
  const bodySize = mostCommonSize(all);

  const paragraphs: Line[][] = [];
  let previous: Line | undefined;
  for (const line of all) {
    if (!previous || endsParagraph(previous, line, spacing, bodySize)) paragraphs.push([line]);
    else paragraphs.at(-1)!.push(line);
    previous = line;
  }

  // Each page's first line, by the page's index; a page with no text starts where the next one does.
  const firstLines = new Map<Line, number>();
  linesByPage.forEach((lines, index) => {
    if (lines[0]) firstLines.set(lines[0], index);
  });
  const starts: PageStart[] = [];
  const placePages = (line: Line, offset: number): void => {
    const index = firstLines.get(line);
    while (index !== undefined && starts.length <= index)
      starts.push(pageStart(pages[starts.length]!, offset));
  };
  const words = wordsOf(all);
  // Built from parts joined once: slicing or matching the end of a growing string would flatten
  // it at every line, which made a 400-page paragraph take seconds.
  const parts: string[] = [];
  let length = 0;
  let heading: string | undefined;
  for (const lines of paragraphs) {
    if (length > 0) {
      parts.push('\n\n');
      length += 2;
    }
    const first = parts.length;
    for (const [i, line] of lines.entries()) {
      if (i > 0) {
        const separator = joinSeparator(parts.at(-1)!, line.text, words);
        if (separator === undefined) {
          parts[parts.length - 1] = parts.at(-1)!.slice(0, -1);
          length--;
        } else {
          parts.push(separator);
          length += separator.length;
        }
      }
      placePages(line, length);
      parts.push(line.text);
      length += line.text.length;
    }
    if (heading === undefined && lines[0]!.fontSize > bodySize * HEADING_SIZE)
      heading = parts.slice(first).join('');
  }
  const text = parts.join('');
  while (starts.length < pages.length) starts.push(pageStart(pages[starts.length]!, text.length));
  return { text, pages: starts, ...(heading !== undefined && { heading }) };
}

function pageStart(page: PdfPageRuns, start: number): PageStart {
  return { number: page.number, ...(page.label !== undefined && { label: page.label }), start };
}

/** The runs of one page as lines, in drawing order, spaces put where the PDF left gaps. */
function linesOf(runs: readonly PdfTextRun[], page: number): Line[] {
  const lines: Line[] = [];
  let line: (Line & { end: number; spaceBefore: boolean }) | undefined;
  let pendingSpace = false;
  for (const run of runs) {
    if (/^[^\S\u00a0]*$/u.test(run.text.replaceAll(UNMAPPED, ''))) {
      // A drawn space: the next run on the line follows a word break whatever the gap.
      pendingSpace = true;
      continue;
    }
    const size = run.fontSize > 0 ? run.fontSize : 1;
    // Any whitespace but a no-break space, which is content (as in HTML), is one space.
    const text = run.text.replaceAll(UNMAPPED, '').replace(/[^\S\u00a0]+/gu, ' ');
    const sameLine =
      line !== undefined &&
      Math.abs(run.y - line.y) <= SAME_LINE * Math.max(size, line.fontSize) &&
      run.x >= line.end - size;
    if (line && sameLine) {
      const gap = run.x - line.end;
      if ((pendingSpace || gap > WORD_GAP * size) && !line.text.endsWith(' ') && !text.startsWith(' ')) {
        line.text += ' ';
      }
      line.text += text;
      line.end = Math.max(line.end, run.x + run.width);
      // A superscript (a footnote mark) is smaller and higher: the line keeps its body's baseline.
      if (size > line.fontSize) {
        line.fontSize = size;
        line.y = run.y;
      }
    } else {
      if (line) lines.push(line);
      line = { text, x: run.x, y: run.y, fontSize: size, page, end: run.x + run.width, spaceBefore: false };
    }
    pendingSpace = false;
  }
  if (line) lines.push(line);
  return lines
    .map(({ text, x, y, fontSize }) => ({ text: text.trim(), x, y, fontSize, page }))
    .filter((l) => l.text !== '');
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * The usual distance between the baselines of two lines of one paragraph, per font size: the
 * lower quartile of the gaps between lines that follow each other down a page, since most of
 * them are within paragraphs and a paragraph's gap is larger.
 */
function usualSpacing(linesByPage: readonly Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  for (const lines of linesByPage) {
    for (let i = 1; i < lines.length; i++) {
      const [above, below] = [lines[i - 1]!, lines[i]!];
      const gap = above.y - below.y;
      if (gap <= 0 || !sameSize(above.fontSize, below.fontSize)) continue;
      const key = sizeKey(below.fontSize);
      const list = gaps.get(key);
      if (list) list.push(gap);
      else gaps.set(key, [gap]);
    }
  }
  const spacing = new Map<number, number>();
  for (const [key, list] of gaps) {
    list.sort((a, b) => a - b);
    spacing.set(key, list[Math.floor((list.length - 1) / 4)]!);
  }
  return spacing;
}

/** The font size most of the text is set in (by characters). */
function mostCommonSize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines)
    chars.set(sizeKey(line.fontSize), (chars.get(sizeKey(line.fontSize)) ?? 0) + line.text.length);
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

function endsParagraph(above: Line, below: Line, spacing: Map<number, number>, bodySize: number): boolean {
  const headingAbove = above.fontSize > bodySize * HEADING_SIZE;
  const headingBelow = below.fontSize > bodySize * HEADING_SIZE;
  if (!sameSize(above.fontSize, below.fontSize) && (headingAbove || headingBelow)) return true;
  if (above.page !== below.page || below.y > above.y) {
    // A new page or a new column: the paragraph goes on only where its sentence does.
    return SENTENCE_END.test(above.text) || headingAbove;
  }
  const usual = spacing.get(sizeKey(below.fontSize)) ?? below.fontSize * 1.2;
  if (above.y - below.y > usual * PARAGRAPH_GAP) return true;
  return below.x - above.x > INDENT * below.fontSize;
}

/**
 * Every word of the document in lower case, compounds both whole ("e-mail") and in their parts,
 * to tell a word the typesetter hyphenated from a compound broken at its hyphen.
 */
function wordsOf(lines: readonly Line[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const token of line.text.toLowerCase().split(/[^\p{L}\p{M}-]+/u)) {
      if (/^[\p{L}\p{M}]+(-[\p{L}\p{M}]+)+$/u.test(token)) words.add(token);
      for (const word of token.split('-')) if (word) words.add(word);
    }
  }
  return words;
}

/**
 * What goes between a paragraph's last line (`before`) and its next line: a space, nothing (a word broken
 * at a compound's hyphen, or a script without spaces), or undefined when the text so far ends in
 * a hyphenation mark to drop (a hyphenated word made whole again).
 */
function joinSeparator(before: string, next: string, words: ReadonlySet<string>): string | undefined {
  const lower = STARTS_LOWER.exec(next);
  if (HYPHENATION_MARK.test(before) && lower) return undefined;
  const hyphen = HYPHEN_MINUS.exec(before);
  if (hyphen) {
    // "year-" then "earlier" may be the compound "year-earlier" or a word the typesetter broke.
    // Dropping a compound's hyphen would make a word that is not in the article, so the hyphen
    // stays unless the whole word is written unbroken elsewhere in the document, and the
    // compound nowhere ("e-mail" and "email" both written: the hyphen stays).
    if (!lower) return '';
    const [head, tail] = [hyphen[1]!.toLowerCase(), lower[1]!.toLowerCase()];
    return words.has(`${head}${tail}`) && !words.has(`${head}-${tail}`) ? undefined : '';
  }
  if (NO_SPACES.test(before.slice(-1)) && NO_SPACES.test(next.charAt(0))) return '';
  return ' ';
}

/** The top and bottom margins, as parts of the page's height, where running headers and footers stand. */
const MARGIN_BAND = 0.1;
/** Lines at the same height on two pages within this many units stand at the same place. */
const SAME_PLACE = 2;

/**
 * The lines without the page's furniture: running headers and footers (the same words, numbers
 * aside, at the same height in the top or bottom margin of at least half the pages, and of two at
 * least: Chromium's date, title, address and "2/6" when printing with headers) and a bare page
 * number in a margin ("7", "Page 7", "7/12", "- 7 -"). They are not the article's words, and left
 * in they would cut the paragraph running over the page break. A page's number stays known in
 * `pages`. Without its bounds a page keeps every line.
 */
function withoutRunningLines(pages: readonly PdfPageRuns[], linesByPage: Line[][], title?: string): Line[][] {
  const inMargin = (line: Line, page: PdfPageRuns, part = MARGIN_BAND): boolean => {
    if (!page.bounds) return false;
    const band = (page.bounds.top - page.bounds.bottom) * part;
    return line.y >= page.bounds.top - band || line.y <= page.bounds.bottom + band;
  };
  const shape = (line: Line) => `${Math.round(line.y / SAME_PLACE)}|${line.text.replace(/\d+/g, '#')}`;
  const pagesWith = new Map<string, number>();
  linesByPage.forEach((lines, index) => {
    const shapes = new Set(lines.filter((line) => inMargin(line, pages[index]!)).map(shape));
    for (const each of shapes) pagesWith.set(each, (pagesWith.get(each) ?? 0) + 1);
  });
  const repeated = (count: number) => count >= 2 && count * 2 >= pages.length;
  const bodySize = mostCommonSize(linesByPage.flat());
  return linesByPage.map((lines, index) => {
    const page = pages[index]!;
    return lines.filter(
      (line) =>
        !inMargin(line, page) ||
        !(
          repeated(pagesWith.get(shape(line)) ?? 0) ||
          isPageNumber(line.text, page) ||
          (inMargin(line, page, EDGE_BAND) &&
            line.fontSize < bodySize * SMALL_PRINT &&
            isPrintStamp(line.text, title))
        ),
    );
  });
}

/** Nearer the page's edge than this part of its height is outside any document's text area. */
const EDGE_BAND = 0.045;
/** Print smaller than the body's by this ratio: a browser's header and footer, not a heading. */
const SMALL_PRINT = 0.9;

/**
 * Whether a line holds only what a browser prints in a page's header or footer: the date and
 * time, the page's address, "1/3", the document's title. Decides for pages with nothing repeated
 * on others (a one-page print), where only the edge of the page and small print single it out.
 */
function isPrintStamp(text: string, title: string | undefined): boolean {
  let rest = text;
  if (title) rest = rest.split(title).join(' ');
  rest = rest
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ')
    .replace(/\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/g, ' ')
    .replace(/\b\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?\b/gi, ' ')
    .replace(/\b\d+\s*\/\s*\d+\b/g, ' ');
  return /^[\s,.;|·–—-]*$/.test(rest) && rest !== text;
}

function isPageNumber(text: string, page: PdfPageRuns): boolean {
  const found = /^(?:page\s+|p\.\s*|[-–—]\s*)?([\divxlc]+)(?:\s*(?:\/|of)\s*\d+|\s*[-–—])?$/i.exec(
    text.trim(),
  );
  if (!found) return false;
  const number = found[1]!.toLowerCase();
  return number === String(page.number) || number === page.label?.toLowerCase();
}
