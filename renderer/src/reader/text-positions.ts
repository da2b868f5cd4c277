/**
 * From UTF-16 offsets in a document's text to DOM positions in the reader. The reader renders
 * each paragraph as one element with `data-start` (its offset) holding a single text node, and
 * DOM text offsets are UTF-16 code units too, so an offset maps by subtraction.
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
  const from = locate(blocks, start, 'forward');
  const to = locate(blocks, end, 'backward');
  if (!from || !to) return undefined;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  // setEnd before the start collapses the range: the annotation lies wholly in a break.
  return range.collapsed ? undefined : range;
}

function locate(
  blocks: readonly TextBlock[],
  offset: number,
  bias: 'forward' | 'backward',
): { node: Text; offset: number } | undefined {
  // The last block starting at or before the offset.
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
