import type { Annotation } from '../../../shared/model/annotation';
import type { Code } from '../../../shared/model/codebook';
import { blockIndexAt, rangeFor, shownBounds, staticRangeFor, type TextBlock } from './text-positions';

/**
 * Draws annotations with the CSS Custom Highlight API: one named highlight per code
 * (`gloss-code-<id>`), coloured by a constructed stylesheet. Nothing is inserted into the
 * text, so the DOM stays one text node per paragraph, overlapping annotations simply paint
 * twice (translucent colours blend), and CSP style-src 'self' needs no inline styles.
 */
export function highlightName(codeId: string): string {
  return `gloss-code-${codeId}`;
}

/** Marks drawn over the code colours; their styles are in components/Reader.css. */
export const MARKS = {
  /** The annotation shown in the inspector. */
  selected: 'gloss-selected',
  /** The passage the palette is about to tag. */
  pending: 'gloss-pending',
  /** A short flash where the reader scrolled to. */
  flash: 'gloss-flash',
  /** The annotations related to the selected one (components/RelationArcs.tsx). */
  related: 'gloss-related',
} as const;
export type Mark = keyof typeof MARKS;

/** Codebook colours at about one third opacity, so text stays readable and overlaps show. */
const HIGHLIGHT_ALPHA = '55';
const FALLBACK_COLOR = '#888888';

let sheet: CSSStyleSheet | undefined;

/** The stylesheet of highlight colours, one rule per code, adopted by the document once. */
export function setHighlightColors(codes: readonly Pick<Code, 'id' | 'color'>[]): void {
  if (!supportsHighlights()) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = codes.map((code) => {
    const color = /^#[0-9a-fA-F]{6}$/.test(code.color) ? code.color : FALLBACK_COLOR;
    return `::highlight(${CSS.escape(highlightName(code.id))}) { background-color: ${color}${HIGHLIGHT_ALPHA}; }`;
  });
  sheet.replaceSync(rules.join('\n'));
}

interface Painted {
  annotation: Annotation;
  /** False when nothing of the annotation is shown (it lies in a break between paragraphs). */
  drawable: boolean;
  /**
   * Made when the annotation is first shown or asked for, then kept: of 10,000 annotations only
   * those near the screen ever need one, and making them all held up opening a long article.
   */
  range: StaticRange | undefined;
  /** The paragraphs (indexes into the blocks) the range runs over. */
  first: number;
  last: number;
  /** True while the range is registered in its code's highlight. */
  shown: boolean;
}

/** Paragraph indexes, inclusive; the painter registers only ranges that meet them. */
export interface BlockWindow {
  from: number;
  to: number;
}

/**
 * Keeps the registered highlights in step with a document's annotations, one change at a time:
 * `update` compares the new list with the last one by object identity, then by id in the part
 * that differs, and touches only the ranges of annotations that were added, removed or moved, so
 * tagging one passage among ten thousand costs one Range, not ten thousand.
 *
 * Chromium revalidates every registered range whenever anything on the page repaints, so with
 * thousands of annotations only those in and near the paragraphs on screen are registered
 * (`setWindow`, fed by an IntersectionObserver); the others keep their Range, ready to show.
 */
export class HighlightPainter {
  readonly #blocks: readonly TextBlock[];
  readonly #painted = new Map<string, Painted>();
  /** The painted annotations meeting each paragraph, to show or hide them as the window moves. */
  readonly #byBlock: (Set<Painted> | undefined)[] = [];
  #window: BlockWindow;
  /** The list last painted, to compare the next one with. */
  #list: readonly Annotation[] = [];
  readonly #codeHighlights = new Map<string, Highlight>();
  readonly #marks = new Map<Mark, Highlight>();
  /** Without the Highlight API (jsdom, older engines) ranges are still kept, for positions. */
  #paints = supportsHighlights();

  constructor(blocks: readonly TextBlock[]) {
    this.#blocks = blocks;
    // Everything is in the window until told otherwise.
    this.#window = { from: 0, to: blocks.length - 1 };
  }

  /** The paragraphs' text nodes the painter ranges over, in offset order. */
  get blocks(): readonly TextBlock[] {
    return this.#blocks;
  }

  update(annotations: readonly Annotation[]): void {
    // The store changes one annotation at a time and keeps the others' objects, so the lists
    // share a head and a tail by identity; only the window between them needs looking at.
    const before = this.#list;
    let head = 0;
    while (head < before.length && head < annotations.length && before[head] === annotations[head]) head++;
    let tail = 0;
    while (
      tail < before.length - head &&
      tail < annotations.length - head &&
      before[before.length - 1 - tail] === annotations[annotations.length - 1 - tail]
    )
      tail++;
    const added = annotations.slice(head, annotations.length - tail);
    const dropped = before.slice(head, before.length - tail);
    // Built only when something may have gone (not for a new tag, nor a whole list painted anew).
    const kept = dropped.length > 0 ? new Set(added.map((annotation) => annotation.id)) : undefined;
    for (const annotation of dropped) {
      const painted = this.#painted.get(annotation.id);
      if (painted && !kept?.has(annotation.id)) this.#unpaint(painted);
    }
    for (const annotation of added) this.#paint(annotation);
    this.#list = annotations;
  }

  /** Registers the ranges meeting paragraphs `from`–`to` only, and drops the others'. */
  setWindow(window: BlockWindow): void {
    const before = this.#window;
    this.#window = window;
    const inside = (block: number) => block >= window.from && block <= window.to;
    const wasInside = (block: number) => block >= before.from && block <= before.to;
    const last = this.#blocks.length - 1;
    // Only paragraphs that entered or left the window are looked at.
    for (
      let block = Math.max(0, Math.min(before.from, window.from));
      block <= Math.min(last, Math.max(before.to, window.to));
      block++
    ) {
      if (inside(block) === wasInside(block)) continue;
      for (const painted of this.#byBlock[block] ?? []) this.#showIfInWindow(painted);
    }
  }

  /** The range painted for an annotation, to scroll to or outline. */
  rangeOf(id: string): Range | undefined {
    const painted = this.#painted.get(id);
    // Made on demand: only a live Range can be measured for scrolling.
    return painted?.drawable
      ? rangeFor(this.#blocks, painted.annotation.target.start, painted.annotation.target.end)
      : undefined;
  }

  /** The range object registered in the code's highlight: kept as long as the annotation keeps its place. */
  paintedRangeOf(id: string): AbstractRange | undefined {
    const painted = this.#painted.get(id);
    return painted ? this.#rangeOf(painted) : undefined;
  }

  /** A range of the text, for the pending selection and the palette's position. */
  rangeFor(start: number, end: number): Range | undefined {
    return rangeFor(this.#blocks, start, end);
  }

  /** Draws a mark over one range (or none). */
  mark(mark: Mark, range: AbstractRange | undefined): void {
    if (!this.#paints) return;
    let highlight = this.#marks.get(mark);
    if (!highlight) {
      highlight = new Highlight();
      // Marks paint above the code colours.
      highlight.priority = 1;
      this.#marks.set(mark, highlight);
      CSS.highlights.set(MARKS[mark], highlight);
    }
    if (range ? highlight.size === 1 && sameBounds([...highlight][0]!, range) : highlight.size === 0) return;
    highlight.clear();
    if (range) highlight.add(range);
  }

  /** Draws a mark over several ranges (none: clears it). */
  markAll(mark: Mark, ranges: readonly AbstractRange[]): void {
    if (ranges.length <= 1) {
      this.mark(mark, ranges[0]);
      return;
    }
    if (!this.#paints) return;
    this.mark(mark, undefined);
    const highlight = this.#marks.get(mark)!;
    for (const range of ranges) highlight.add(range);
  }

  /** Removes every highlight this painter registered. */
  dispose(): void {
    if (this.#paints) {
      for (const code of this.#codeHighlights.keys()) CSS.highlights.delete(highlightName(code));
      for (const mark of this.#marks.keys()) CSS.highlights.delete(MARKS[mark]);
    }
    // A late call (a flash timing out) must not register highlights for text that is gone.
    this.#paints = false;
    this.#codeHighlights.clear();
    this.#marks.clear();
    this.#painted.clear();
    this.#byBlock.length = 0;
    this.#list = [];
  }

  #paint(annotation: Annotation): void {
    const before = this.#painted.get(annotation.id);
    if (before?.annotation === annotation) return;
    if (before && sameRangeAndCode(before.annotation, annotation)) {
      before.annotation = annotation;
      return;
    }
    if (before) this.#unpaint(before);
    const { start, end } = annotation.target;
    const painted: Painted = {
      annotation,
      drawable: shownBounds(this.#blocks, start, end) !== undefined,
      range: undefined,
      first: Math.max(0, blockIndexAt(this.#blocks, start)),
      last: Math.max(0, blockIndexAt(this.#blocks, end - 1)),
      shown: false,
    };
    this.#painted.set(annotation.id, painted);
    if (!painted.drawable) return;
    for (let block = painted.first; block <= painted.last; block++) {
      let bucket = this.#byBlock[block];
      if (!bucket) {
        bucket = new Set();
        this.#byBlock[block] = bucket;
      }
      bucket.add(painted);
    }
    this.#showIfInWindow(painted);
  }

  #unpaint(painted: Painted): void {
    this.#hide(painted);
    for (let block = painted.first; block <= painted.last; block++) this.#byBlock[block]?.delete(painted);
    this.#painted.delete(painted.annotation.id);
  }

  #showIfInWindow(painted: Painted): void {
    const meets = painted.first <= this.#window.to && painted.last >= this.#window.from;
    if (!meets) {
      this.#hide(painted);
      return;
    }
    const range = painted.shown || !this.#paints ? undefined : this.#rangeOf(painted);
    if (!range) return;
    this.#codeHighlight(painted.annotation.code).add(range);
    painted.shown = true;
  }

  #rangeOf(painted: Painted): StaticRange | undefined {
    if (painted.drawable) {
      const { start, end } = painted.annotation.target;
      painted.range ??= staticRangeFor(this.#blocks, start, end);
    }
    return painted.range;
  }

  #hide(painted: Painted): void {
    if (!painted.shown || !painted.range) return;
    painted.shown = false;
    const code = painted.annotation.code;
    const highlight = this.#codeHighlights.get(code);
    highlight?.delete(painted.range);
    // An empty highlight is dropped so CSS.highlights lists only codes on show.
    if (highlight && highlight.size === 0) {
      CSS.highlights.delete(highlightName(code));
      this.#codeHighlights.delete(code);
    }
  }

  #codeHighlight(code: string): Highlight {
    let highlight = this.#codeHighlights.get(code);
    if (!highlight) {
      highlight = new Highlight();
      this.#codeHighlights.set(code, highlight);
      CSS.highlights.set(highlightName(code), highlight);
    }
    return highlight;
  }
}

function sameRangeAndCode(a: Annotation, b: Annotation): boolean {
  return a.code === b.code && a.target.start === b.target.start && a.target.end === b.target.end;
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Ranges made at different times for the same passage (rangeOf makes a new one per call). */
function sameBounds(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a === b ||
    (a.startContainer === b.startContainer &&
      a.startOffset === b.startOffset &&
      a.endContainer === b.endContainer &&
      a.endOffset === b.endOffset)
  );
}
