// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caretMoveFor,
  isBackwards,
  placeCaret,
  selectedSpan,
  selectSpan,
} from '../../../renderer/src/reader/dom-selection';
import { HighlightPainter } from '../../../renderer/src/reader/highlights';
import { splitParagraphs } from '../../../renderer/src/reader/paragraphs';
import {
  blockIndexAt,
  domPosition,
  rangeFor,
  shownBounds,
  type TextBlock,
  textBlocksIn,
  textOffsetOf,
} from '../../../renderer/src/reader/text-positions';
import type { Annotation } from '../../../shared/model/annotation';
import { targetFor } from '../../../shared/text/quote';

/** Two paragraphs, the second after an emoji, drawn as the reader draws them. */
const TEXT = 'Café 😀 ByteDance\n\nLe café de ByteDance à Paris 😀 a ouvert.\n';

let article: HTMLElement;
let blocks: TextBlock[];

beforeEach(() => {
  document.body.innerHTML = '<h1>Title</h1><section aria-label="Article text"></section><footer>End</footer>';
  article = document.querySelector('section')!;
  for (const paragraph of splitParagraphs(TEXT)) {
    const p = document.createElement('p');
    p.dataset.start = String(paragraph.start);
    p.textContent = paragraph.text;
    article.append(p);
  }
  blocks = textBlocksIn(article);
});

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

const second = () => blocks[1]!;

describe('offsets to the DOM', () => {
  it('finds the paragraph of an offset by binary search over the starts', () => {
    expect(blocks.map((b) => b.start)).toEqual([0, TEXT.indexOf('Le café')]);
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, second().start - 1)).toBe(0);
    expect(blockIndexAt(blocks, second().start)).toBe(1);
    expect(blockIndexAt(blocks, TEXT.length)).toBe(1);
  });

  it('makes a range over exactly the quote, after an emoji too', () => {
    const start = TEXT.indexOf('ByteDance à Paris 😀');
    const range = rangeFor(blocks, start, start + 'ByteDance à Paris 😀'.length);
    expect(range?.toString()).toBe('ByteDance à Paris 😀');
  });

  it('moves ends that fall in the break between paragraphs inwards', () => {
    const breakAt = blocks[0]!.node.length + 1;
    expect(domPosition(blocks, breakAt, 'forward')).toEqual({ node: second().node, offset: 0 });
    expect(domPosition(blocks, breakAt, 'backward')).toEqual({
      node: blocks[0]!.node,
      offset: blocks[0]!.node.length,
    });
    expect(rangeFor(blocks, breakAt, breakAt + 1)).toBeUndefined();
    expect(rangeFor(blocks, 5, second().start + 2)?.toString()).toBe('😀 ByteDanceLe');
    // The painter asks only whether anything is shown, and makes the range when it is needed.
    expect(shownBounds(blocks, breakAt, breakAt + 1)).toBeUndefined();
    expect(shownBounds(blocks, 5, second().start + 2)).toEqual({
      from: { node: blocks[0]!.node, offset: 5 },
      to: { node: second().node, offset: 2 },
    });
  });
});

describe('the DOM to offsets', () => {
  it('maps a point in a paragraph’s text by subtraction', () => {
    expect(textOffsetOf(blocks, second().node, 3, 'forward')).toBe(second().start + 3);
  });

  it('maps points on elements to the nearest text in the direction asked', () => {
    const [first] = article.querySelectorAll('p');
    expect(textOffsetOf(blocks, article, 1, 'forward')).toBe(second().start);
    expect(textOffsetOf(blocks, article, 1, 'backward')).toBe(blocks[0]!.node.length);
    expect(textOffsetOf(blocks, first!, 0, 'forward')).toBe(0);
    expect(textOffsetOf(blocks, first!, 1, 'backward')).toBe(blocks[0]!.node.length);
  });

  it('cuts points before or after the article to its text', () => {
    const title = document.querySelector('h1')!.firstChild!;
    const footer = document.querySelector('footer')!.firstChild!;
    expect(textOffsetOf(blocks, title, 2, 'forward')).toBe(0);
    expect(textOffsetOf(blocks, footer, 1, 'backward')).toBe(second().start + second().node.length);
  });
});

describe('the window’s selection', () => {
  it('reads as offsets into the text, and can be set from them', () => {
    const selection = document.getSelection();
    const start = TEXT.indexOf('ByteDance à');
    selectSpan(selection, blocks, { start, end: start + 9 });
    expect(selection?.toString()).toBe('ByteDance');
    expect(selectedSpan(selection, article, blocks)).toEqual({ start, end: start + 9 });
    expect(isBackwards(selection)).toBe(false);
    selectSpan(selection, blocks, { start, end: start + 9 }, true);
    expect(isBackwards(selection)).toBe(true);
    expect(selectedSpan(selection, article, blocks)).toEqual({ start, end: start + 9 });
  });

  it('reads a selection dragged in from the title as the text it covers', () => {
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(document.querySelector('h1')!.firstChild!, 2, blocks[0]!.node, 4);
    expect(selectedSpan(selection, article, blocks)).toEqual({ start: 0, end: 4 });
  });

  it('is nothing when collapsed or outside the article', () => {
    const selection = document.getSelection();
    placeCaret(selection, blocks, 3);
    expect(selection?.isCollapsed).toBe(true);
    expect(selectedSpan(selection, article, blocks)).toBeUndefined();
    const title = document.querySelector('h1')!.firstChild!;
    selection?.setBaseAndExtent(title, 0, title, 3);
    expect(selectedSpan(selection, article, blocks)).toBeUndefined();
  });
});

describe('caret keys', () => {
  const key = (
    key: string,
    mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {},
  ) => caretMoveFor({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

  it('move by character and line, and by word with Ctrl or Alt', () => {
    expect(key('ArrowRight')).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' });
    expect(key('ArrowUp')).toEqual({ alter: 'move', direction: 'backward', granularity: 'line' });
    expect(key('ArrowLeft', { ctrlKey: true })).toEqual({
      alter: 'move',
      direction: 'backward',
      granularity: 'word',
    });
    expect(key('ArrowRight', { altKey: true })?.granularity).toBe('word');
  });

  it('extend the selection with Shift', () => {
    expect(key('ArrowRight', { shiftKey: true, ctrlKey: true })).toEqual({
      alter: 'extend',
      direction: 'forward',
      granularity: 'word',
    });
    expect(key('End', { shiftKey: true })).toEqual({
      alter: 'extend',
      direction: 'forward',
      granularity: 'lineboundary',
    });
  });

  it('leave every other key alone', () => {
    expect(key('a')).toBeUndefined();
    expect(key('Enter')).toBeUndefined();
  });
});

describe('the highlight painter', () => {
  function annotation(id: string, quote: string, code = 'security'): Annotation {
    const start = TEXT.indexOf(quote);
    const now = '2026-01-01T00:00:00.000Z';
    return {
      id,
      code,
      author: 'tester',
      created: now,
      modified: now,
      target: targetFor(TEXT, start, start + quote.length),
    };
  }

  it('repaints only what changed: a new tag adds one range and keeps the others', () => {
    const painter = new HighlightPainter(blocks);
    const cafe = annotation('cafe', 'Café');
    const paris = annotation('paris', 'Paris 😀');
    painter.update([cafe, paris]);
    const cafeRange = painter.paintedRangeOf('cafe');
    const parisRange = painter.paintedRangeOf('paris');
    expect(painter.rangeOf('cafe')?.toString()).toBe('Café');
    expect(painter.rangeOf('paris')?.toString()).toBe('Paris 😀');

    const added = annotation('added', 'ByteDance à');
    painter.update([cafe, added, paris]);
    expect(painter.rangeOf('added')?.toString()).toBe('ByteDance à');
    expect(painter.paintedRangeOf('cafe')).toBe(cafeRange);
    expect(painter.paintedRangeOf('paris')).toBe(parisRange);

    // A saved copy of the same annotation (a new object, same place and code) keeps its range too.
    painter.update([{ ...cafe, note: 'noted' }, added, paris]);
    expect(painter.paintedRangeOf('cafe')).toBe(cafeRange);

    // A moved annotation gets a new range; a removed one none.
    const moved = annotation('paris', 'ouvert');
    painter.update([cafe, added, moved]);
    expect(painter.rangeOf('paris')?.toString()).toBe('ouvert');
    painter.update([cafe, moved]);
    expect(painter.rangeOf('added')).toBeUndefined();
    expect(painter.paintedRangeOf('cafe')).toBe(cafeRange);
    painter.dispose();
    expect(painter.rangeOf('cafe')).toBeUndefined();
  });

  it('has no range for an annotation wholly in a break between paragraphs', () => {
    const painter = new HighlightPainter(blocks);
    const breakAt = blocks[0]!.node.length + 1;
    const now = '2026-01-01T00:00:00.000Z';
    const between: Annotation = {
      id: 'between',
      code: 'security',
      author: 'tester',
      created: now,
      modified: now,
      target: targetFor(TEXT, breakAt, breakAt + 1),
    };
    painter.update([annotation('cafe', 'Café'), between]);
    expect(painter.rangeOf('between')).toBeUndefined();
    expect(painter.paintedRangeOf('between')).toBeUndefined();
    expect(painter.paintedRangeOf('cafe')?.startOffset).toBe(0);
    painter.dispose();
  });
});
