import { blockIndexAt, type TextBlock } from './text-positions';

/**
 * The text offset of the character under the viewport point (x, y), or undefined when the
 * pointer is over no character (in a margin, past the end of a line, between paragraphs).
 * Highlights are not DOM nodes, so this is how the reader knows what the pointer is on.
 */
export function characterAt(blocks: readonly TextBlock[], x: number, y: number): number | undefined {
  const caret = caretAt(x, y);
  if (!caret || !(caret.node instanceof Text)) return undefined;
  const start = Number(caret.node.parentElement?.dataset.start);
  const block = blocks[blockIndexAt(blocks, start)];
  if (!block || block.node !== caret.node) return undefined;
  // The caret falls between two characters; the pointer is over the one whose box holds it.
  const probe = new Range();
  for (const index of [caret.offset, caret.offset - 1]) {
    if (index < 0 || index >= block.node.length) continue;
    probe.setStart(block.node, index);
    probe.setEnd(block.node, Math.min(block.node.length, index + characterLength(block.node.data, index)));
    for (const rect of probe.getClientRects()) {
      if (x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom) return block.start + index;
    }
  }
  return undefined;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof document.caretRangeFromPoint === 'function') {
    const range = document.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

function characterLength(text: string, index: number): number {
  const point = text.codePointAt(index);
  return point !== undefined && point > 0xffff ? 2 : 1;
}
