import { domPosition, type TextBlock, textOffsetOf } from './text-positions';
import type { TextSpan } from './word-snap';

/**
 * The part of the window's selection that lies in the reader's text, as UTF-16 offsets;
 * undefined when the selection is collapsed or outside it. A selection dragged from the title
 * into the text, or past the last paragraph, is cut down to the text it covers.
 */
export function selectedSpan(
  selection: Selection | null,
  container: Element,
  blocks: readonly TextBlock[],
): TextSpan | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return undefined;
  const start = textOffsetOf(blocks, range.startContainer, range.startOffset, 'forward');
  const end = textOffsetOf(blocks, range.endContainer, range.endOffset, 'backward');
  return start !== undefined && end !== undefined && start < end ? { start, end } : undefined;
}

/** True when the selection's focus (its moving end) is inside `container`. */
export function selectionIsIn(selection: Selection | null, container: Element): boolean {
  return !!selection?.focusNode && selection.rangeCount > 0 && container.contains(selection.focusNode);
}

/** Makes the window's selection exactly [start, end) of the text, keeping which end moves. */
export function selectSpan(
  selection: Selection | null,
  blocks: readonly TextBlock[],
  span: TextSpan,
  backwards = false,
): void {
  const from = domPosition(blocks, span.start, 'forward');
  const to = domPosition(blocks, span.end, 'backward');
  if (!selection || !from || !to) return;
  if (backwards) selection.setBaseAndExtent(to.node, to.offset, from.node, from.offset);
  else selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
}

/** Puts a collapsed caret at a text offset. */
export function placeCaret(selection: Selection | null, blocks: readonly TextBlock[], offset: number): void {
  const at = domPosition(blocks, offset, 'forward');
  if (selection && at) selection.collapse(at.node, at.offset);
}

/** True when the selection's focus comes before its anchor (it was made leftwards or upwards). */
export function isBackwards(selection: Selection | null): boolean {
  if (!selection?.anchorNode || !selection.focusNode || selection.isCollapsed) return false;
  const range = new Range();
  range.setStart(selection.anchorNode, selection.anchorOffset);
  return range.comparePoint(selection.focusNode, selection.focusOffset) < 0;
}

/** One step of the keyboard caret, as `Selection.modify` takes it. */
export interface CaretMove {
  alter: 'move' | 'extend';
  direction: 'forward' | 'backward';
  granularity: 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph' | 'documentboundary';
}

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What an arrow key (or Home/End) does to the reader's caret: arrows move by character or line,
 * Ctrl/Alt+←/→ by word, Ctrl/Alt+↑/↓ by paragraph, Home/End to the line's ends (Ctrl: the text's);
 * with Shift the selection grows instead of the caret moving. Undefined for any other key.
 */
export function caretMoveFor(event: KeyLike): CaretMove | undefined {
  const alter = event.shiftKey ? 'extend' : 'move';
  const byWord = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowLeft':
    case 'ArrowRight': {
      const direction = event.key === 'ArrowRight' ? 'forward' : 'backward';
      if (event.metaKey) return { alter, direction, granularity: 'lineboundary' };
      return { alter, direction, granularity: byWord ? 'word' : 'character' };
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const direction = event.key === 'ArrowDown' ? 'forward' : 'backward';
      return { alter, direction, granularity: byWord ? 'paragraph' : 'line' };
    }
    case 'Home':
    case 'End': {
      const direction = event.key === 'End' ? 'forward' : 'backward';
      return { alter, direction, granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' };
    }
    default:
      return undefined;
  }
}
