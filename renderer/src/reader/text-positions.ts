/**
 * Between UTF-16 offsets in a document's text and DOM positions in the reader. The reader renders
 * each paragraph as one element with `data-start` (its offset) holding a single text node, and
 * DOM text offsets are UTF-16 code units too, so an offset maps by subtraction; finding the
 * paragraph of an offset is a binary search over the paragraphs' starts.
 */
export interface TextBlock {
  /** Offset of the block's first character in the document text. */
  start: number;
  node: Text;
}

/** The text blocks under `container`, in document order (which is offset order). */
export function textBlocksIn(container: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const element of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const node = element.firstChild;
    const start = Number(element.dataset.start);
    if (node instanceof Text && Number.isInteger(start)) blocks.push({ start, node });
  }
  return blocks;
}

/**
 * A DOM range for [start, end). Ends that fall in a break between paragraphs move inwards to
 * the nearest shown text; undefined when nothing of the range is shown.
 */
export function rangeFor(blocks: readonly TextBlock[], start: number, end: number): Range | undefined {
  const from = domPosition(blocks, start, 'forward');
  const to = domPosition(blocks, end, 'backward');
  if (!from || !to) return undefined;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  // setEnd before the start collapses the range: the annotation lies wholly in a break.
  return range.collapsed ? undefined : range;
}

/**
 * The same range as `rangeFor`, as a StaticRange: highlights hold one per annotation, and live
 * Ranges are updated by the browser on every DOM change anywhere in the page (10,000 of them
 * made each insertion of a side-panel element cost tens of ms). The article's text nodes never
 * change while it is shown, which is what a StaticRange needs to stay right.
 */
export function staticRangeFor(
  blocks: readonly TextBlock[],
  start: number,
  end: number,
): StaticRange | undefined {
  const bounds = shownBounds(blocks, start, end);
  return bounds
    ? new StaticRange({
        startContainer: bounds.from.node,
        startOffset: bounds.from.offset,
        endContainer: bounds.to.node,
        endOffset: bounds.to.offset,
      })
    : undefined;
}

/**
 * The DOM ends of [start, end), moved inwards out of the breaks between paragraphs; undefined
 * when nothing of it is shown. Cheaper than making the range, to know whether there is one.
 */
export function shownBounds(
  blocks: readonly TextBlock[],
  start: number,
  end: number,
): { from: { node: Text; offset: number }; to: { node: Text; offset: number } } | undefined {
  const from = domPosition(blocks, start, 'forward');
  const to = domPosition(blocks, end, 'backward');
  if (!from || !to) return undefined;
  const order = from.node === to.node ? 0 : from.node.compareDocumentPosition(to.node);
  // An annotation wholly in a break between paragraphs has its ends cross over: nothing shown.
  if (order === 0 ? from.offset >= to.offset : order & Node.DOCUMENT_POSITION_PRECEDING) return undefined;
  return { from, to };
}

/**
 * The DOM position of a text offset. An offset in a break between paragraphs goes to the next
 * paragraph's start (`forward`) or the previous one's end (`backward`).
 */
export function domPosition(
  blocks: readonly TextBlock[],
  offset: number,
  bias: 'forward' | 'backward',
): { node: Text; offset: number } | undefined {
  const found = blockIndexAt(blocks, offset);
  const block = blocks[found];
  if (!block) {
    const first = blocks[0];
    return bias === 'forward' && first ? { node: first.node, offset: 0 } : undefined;
  }
  const inside = offset - block.start;
  if (inside <= block.node.length) return { node: block.node, offset: inside };
  if (bias === 'backward') return { node: block.node, offset: block.node.length };
  const next = blocks[found + 1];
  return next ? { node: next.node, offset: 0 } : undefined;
}

/** Index of the last block starting at or before `offset`; -1 when the offset is before them all. */
export function blockIndexAt(blocks: readonly TextBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle]?.start ?? 0) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The text offset of a DOM boundary point (a selection's or a caret's), or undefined when the
 * reader shows no text. A point inside a paragraph maps by subtraction; any other point (in the
 * space between paragraphs, on an element, before or after the article) maps to the start of the
 * next paragraph (`forward`) or the end of the previous one (`backward`), so a selection that
 * starts or ends outside the text is cut down to what it covers of it.
 */
export function textOffsetOf(
  blocks: readonly TextBlock[],
  node: Node,
  offset: number,
  bias: 'forward' | 'backward',
): number | undefined {
  if (node instanceof Text) {
    const block = blockOfNode(blocks, node);
    if (block) return block.start + Math.min(offset, node.length);
  }
  if (blocks.length === 0) return undefined;
  // The first block whose text begins after the point; comparePoint is -1 for points before it.
  const point = new Range();
  point.setStart(node, offset);
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (point.comparePoint(blocks[middle]!.node, 0) > 0) high = middle;
    else low = middle + 1;
  }
  // Blocks before `low` start at or before the point; a point at a block's very start is in it.
  const atStart = blocks[low - 1];
  if (atStart && point.comparePoint(atStart.node, 0) === 0) return atStart.start;
  if (bias === 'forward') {
    const next = blocks[low];
    return next ? next.start : blockEnd(blocks[blocks.length - 1]!);
  }
  const previous = blocks[low - 1];
  return previous ? blockEnd(previous) : blocks[0]!.start;
}

/** The block holding `node`: found by the node's paragraph offset, then confirmed. */
function blockOfNode(blocks: readonly TextBlock[], node: Text): TextBlock | undefined {
  const start = Number(node.parentElement?.dataset.start);
  if (!Number.isInteger(start)) return undefined;
  const block = blocks[blockIndexAt(blocks, start)];
  return block?.node === node ? block : undefined;
}

function blockEnd(block: TextBlock): number {
  return block.start + block.node.length;
}
