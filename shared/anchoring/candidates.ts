/**
 * Where a quote might be in a changed text: exact occurrences, occurrences once whitespace and
 * typographic quotes are folded, approximate occurrences, and the gap between the quote's old
 * prefix and suffix. Candidates are spans of the original text in UTF-16 code units; which one
 * is right is decided by scoring (see score.ts), not here.
 */
import search from 'approx-string-match';
import { FOLDS, type FoldedText, fold, foldedIndex, foldText, originalSpan } from './folded-text';

export interface Candidate {
  start: number;
  end: number;
  /** Edits between the folded quote and the folded span: 0 for exact and re-wrapped matches. */
  errors: number;
  /** The span is the quote character for character. */
  exact: boolean;
}

/** Original-text offsets a candidate's start must lie within, inclusive. */
export interface Window {
  from: number;
  to: number;
}

/**
 * Approximate search reports only the best matches in the text it is given, so a match with one
 * typo where the quote is expected would hide behind an exact one elsewhere in the window; the
 * text this far around each expected start is searched on its own too.
 */
const FOCUS_MARGIN = 64;
/**
 * Folded text is made for a window and this much either side, enough for a match that starts
 * inside the window to end outside it (a quote longer than this is found by the whole-text search).
 */
const REGION_MARGIN = 1024;

export class CandidateSearch {
  private whole: FoldedText | undefined;
  private last: { window: Window; folded: FoldedText } | undefined;

  constructor(readonly text: string) {}

  /**
   * The text around a window, folded. Only the region is folded (a 1 MB text takes tens of
   * milliseconds), and the whole text at most once.
   */
  private folded(window: Window): FoldedText {
    // A window may lie partly or wholly outside a text that shrank.
    const from = Math.min(this.text.length, Math.max(0, window.from - REGION_MARGIN));
    const to = Math.max(from, Math.min(this.text.length, window.to + REGION_MARGIN));
    if (from === 0 && to === this.text.length) {
      this.whole ??= foldText(this.text);
      return this.whole;
    }
    const region = { from, to };
    if (this.last?.window.from !== from || this.last.window.to !== to) {
      this.last = { window: region, folded: foldText(this.text, from, to) };
    }
    return this.last.folded;
  }

  exact(quote: string, window: Window): Candidate[] {
    const found: Candidate[] = [];
    for (let at = this.text.indexOf(quote, Math.max(0, window.from)); at !== -1 && at <= window.to; ) {
      found.push({ start: at, end: at + quote.length, errors: 0, exact: true });
      at = this.text.indexOf(quote, at + 1);
    }
    return found;
  }

  /** Occurrences that differ from the quote only in whitespace or quotation marks. */
  refolded(quote: string, window: Window): Candidate[] {
    // Without whitespace or quotation marks, the quote's folded occurrences are its exact ones.
    if (!FOLDS.test(quote)) return [];
    const needle = fold(quote).trim();
    if (needle === '') return [];
    const folded = this.folded(window);
    const found: Candidate[] = [];
    const last = foldedIndex(folded, window.to);
    for (let at = folded.text.indexOf(needle, foldedIndex(folded, window.from)); at !== -1 && at <= last; ) {
      found.push(this.candidate(quote, originalSpan(folded, at, at + needle.length), 0));
      at = folded.text.indexOf(needle, at + 1);
    }
    return found;
  }

  /** Occurrences of the folded quote with up to `maxErrors` edits, in the window and around each `focus`. */
  approximate(quote: string, window: Window, maxErrors: number, focus: readonly number[]): Candidate[] {
    const needle = fold(quote).trim();
    if (needle.length === 0 || maxErrors <= 0) return [];
    const folded = this.folded(window);
    const reach = needle.length + maxErrors;
    const regions = [
      { from: foldedIndex(folded, window.from), to: foldedIndex(folded, window.to) + reach },
      ...focus.map((e) => ({
        from: foldedIndex(folded, e - FOCUS_MARGIN),
        to: foldedIndex(folded, e + FOCUS_MARGIN) + reach,
      })),
    ];
    const found: Candidate[] = [];
    const seen = new Set<string>();
    for (const { from, to } of regions) {
      for (const match of search(folded.text.slice(from, to), needle, maxErrors)) {
        const key = `${from + match.start}:${from + match.end}`;
        if (match.end <= match.start || seen.has(key)) continue;
        seen.add(key);
        found.push(
          this.candidate(quote, originalSpan(folded, from + match.start, from + match.end), match.errors),
        );
      }
    }
    return found;
  }

  /**
   * The text between where the quote's prefix now ends and its suffix now begins, when both
   * are found close to each other. This places short quotes, which approximate search cannot
   * tell from chance, and quotes edited too much to be found on their own.
   */
  bracketed(quote: string, prefix: string, suffix: string, window: Window, maxGap: number): Candidate[] {
    const ends = this.affixBounds(prefix, window, 'end');
    const starts = this.affixBounds(suffix, window, 'start');
    const found: Candidate[] = [];
    for (const end of ends) {
      for (const start of starts) {
        if (start > end && start - end <= maxGap)
          found.push(this.candidate(quote, { start: end, end: start }, -1));
      }
    }
    return found;
  }

  /** Original offsets where an approximate match of `affix` ends (the prefix) or starts (the suffix). */
  private affixBounds(affix: string, window: Window, side: 'start' | 'end'): number[] {
    const needle = fold(affix);
    // An empty prefix stood at the start of the text, an empty suffix at its end.
    if (needle.trim() === '') return side === 'end' ? [0] : [this.text.length];
    const maxErrors = Math.floor(needle.length / 4);
    const folded = this.folded(window);
    const from = foldedIndex(folded, window.from - affix.length);
    const to = Math.min(folded.text.length, foldedIndex(folded, window.to + affix.length) + needle.length);
    const bounds = new Set<number>();
    for (const match of search(folded.text.slice(from, to), needle, maxErrors)) {
      if (side === 'end') bounds.add(folded.ends[from + match.end - 1]!);
      else bounds.add(folded.starts[from + match.start]!);
    }
    return [...bounds];
  }

  private candidate(quote: string, span: { start: number; end: number }, errors: number): Candidate {
    const exact = this.text.slice(span.start, span.end) === quote;
    return { ...span, errors: exact ? 0 : errors, exact };
  }
}
