import { describe, expect, it } from 'vitest';
import { type Placement, reanchor } from '../../../shared/anchoring/reanchor';
import type { TextTarget } from '../../../shared/model/annotation';
import { splitsSurrogatePair } from '../../../shared/text/offsets';
import { targetFor } from '../../../shared/text/quote';

const ARTICLE = [
  'Ad sales boost Time Warner profit',
  '',
  'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December, from $639m year-earlier.',
  '',
  'The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales. TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.',
  '',
  'Time Warner said on Friday that it now owns 8% of search-engine Google. But its own internet business, AOL, had has mixed fortunes.',
].join('\n');

/** The target of the `nth` (0-based) occurrence of `quote` in `text`. */
function quoted(text: string, quote: string, nth = 0): TextTarget {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`"${quote}" occurs fewer than ${nth + 1} times`);
  }
  return targetFor(text, at, at + quote.length);
}

/** The span of the `nth` occurrence of `quote` in `text`, as a placement of `kind`. */
function at(text: string, quote: string, kind: 'same' | 'moved' | 'fuzzy', nth = 0): Placement {
  const target = quoted(text, quote, nth);
  return { kind, start: target.start, end: target.end };
}

describe('reanchor', () => {
  it('keeps every target where it was when the text is unchanged', () => {
    const targets = ['TimeWarner', '76%', '$1.13bn (£600m)', 'Google', 'US'].map((q) => quoted(ARTICLE, q));
    expect(reanchor(ARTICLE, targets)).toEqual(
      targets.map((t) => ({ kind: 'same', start: t.start, end: t.end })),
    );
  });

  it('moves targets after text inserted before them', () => {
    const targets = [
      quoted(ARTICLE, 'Google', 1),
      quoted(ARTICLE, '$11.1bn'),
      quoted(ARTICLE, 'Time Warner'),
    ];
    const changed = ARTICLE.replace(
      '\n\nThe firm,',
      '\n\nShares rose sharply in early trading.\n\nThe firm,',
    );
    expect(reanchor(changed, targets)).toEqual([
      at(changed, 'Google', 'moved', 1),
      at(changed, '$11.1bn', 'moved'),
      { kind: 'same', start: targets[2]!.start, end: targets[2]!.end },
    ]);
  });

  it('lets the context decide between repeated quotes', () => {
    const targets = [quoted(ARTICLE, 'Google', 0), quoted(ARTICLE, 'Google', 1)];
    // The first paragraph about Google is moved to the end: position alone would mislead.
    const paragraphs = ARTICLE.split('\n\n');
    const changed = [paragraphs[0], paragraphs[1], paragraphs[3], paragraphs[2]].join('\n\n');
    const placements = reanchor(changed, targets);
    expect(placements[0]).toMatchObject({ kind: 'moved' });
    expect(placements[1]).toMatchObject({ kind: 'moved' });
    const [first, second] = placements as { start: number }[];
    expect(changed.slice(0, first!.start).endsWith('biggest investors in ')).toBe(true);
    expect(changed.slice(0, second!.start).endsWith('owns 8% of search-engine ')).toBe(true);
  });

  it('follows a typo fixed inside the quote', () => {
    const typo = ARTICLE.replace('biggest investors', 'biggest invetsors');
    const target = quoted(typo, 'one of the biggest invetsors in Google');
    expect(reanchor(ARTICLE, [target])).toEqual([
      at(ARTICLE, 'one of the biggest investors in Google', 'fuzzy'),
    ]);
  });

  it('follows a quote across re-wrapped lines', () => {
    const target = quoted(ARTICLE, 'benefited from sales of high-speed internet connections');
    const wrapped = ARTICLE.replace('sales of high-speed', 'sales of\n   high-speed');
    expect(reanchor(wrapped, [target])).toEqual([
      at(wrapped, 'benefited from sales of\n   high-speed internet connections', 'fuzzy'),
    ]);
  });

  it('orphans a target whose sentence was deleted, and keeps the rest', () => {
    const sentence = 'TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.';
    const targets = [
      quoted(ARTICLE, 'fourth quarter sales rose 2%'),
      quoted(ARTICLE, '8%'),
      quoted(ARTICLE, 'AOL'),
    ];
    const changed = ARTICLE.replace(` ${sentence}`, '');
    expect(reanchor(changed, targets)).toEqual([
      { kind: 'orphan' },
      at(changed, '8%', 'moved'),
      at(changed, 'AOL', 'moved'),
    ]);
  });

  it('orphans a deleted name even though the name occurs elsewhere', () => {
    const target = quoted(ARTICLE, 'Google', 0);
    const sentence =
      'The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales. ';
    const changed = ARTICLE.replace(sentence, '');
    expect(changed).toContain('Google');
    expect(reanchor(changed, [target])).toEqual([{ kind: 'orphan' }]);
  });

  it('places short quotes by their context, not by chance', () => {
    const targets = [quoted(ARTICLE, 'US'), quoted(ARTICLE, '2%'), quoted(ARTICLE, 'AOL')];
    const changed = `US shares: AOL up 2%.\n\n${ARTICLE.replace('US media', 'US  media')}`;
    expect(reanchor(changed, targets)).toEqual([
      at(changed, 'US', 'moved', 1),
      at(changed, '2%', 'moved', 1),
      at(changed, 'AOL', 'moved', 1),
    ]);
    // A short quote whose sentence is gone is an orphan, though "US" still occurs.
    const gone = changed.replace(/Quarterly profits at US {2}media[^\n]*\n\n/, '');
    expect(gone).not.toContain('Quarterly');
    expect(reanchor(gone, [targets[0]!])).toEqual([{ kind: 'orphan' }]);
  });

  it('places a short quote that was itself corrected by the context around it', () => {
    const before = ARTICLE.replace('owns 8% of', 'owns 9% of');
    const target = quoted(before, '9%');
    expect(reanchor(ARTICLE, [target])).toEqual([at(ARTICLE, '8%', 'fuzzy')]);
  });

  it('counts offsets in UTF-16 around emoji, accents and combining characters', () => {
    const old = 'Le café 😀 a ouvert. Zoë 👩‍👩‍👧 et Jose\u0301 sont venus.';
    const targets = [quoted(old, 'café'), quoted(old, '😀'), quoted(old, 'Zoë'), quoted(old, 'Jose\u0301')];
    const changed = `😀😀 Nouveau: ${old}`;
    const shift = '😀😀 Nouveau: '.length;
    expect(shift).toBe(14);
    expect(reanchor(changed, targets)).toEqual([
      { kind: 'moved', start: 3 + shift, end: 7 + shift },
      { kind: 'moved', start: 8 + shift, end: 10 + shift },
      { kind: 'moved', start: 21 + shift, end: 24 + shift },
      { kind: 'moved', start: 37 + shift, end: 42 + shift },
    ]);
    // The accent composed (é as one code unit): the quote shrinks by one.
    const composed = changed.replace('Jose\u0301', 'José');
    expect(reanchor(composed, [targets[3]!])).toEqual([
      { kind: 'fuzzy', start: 37 + shift, end: 41 + shift },
    ]);
  });

  it('never splits a surrogate pair', () => {
    const old = 'Fans 😀😀😀 cheered the winning goal 😀 on Saturday night in Cardiff.';
    const targets = [quoted(old, '😀😀😀 cheered'), quoted(old, 'goal 😀 on'), quoted(old, '😀 on Saturday')];
    const changed = old.replace('😀😀😀', '😃😀😃').replace('goal 😀', 'goal 😁');
    for (const placement of reanchor(changed, targets)) {
      expect(placement.kind).not.toBe('orphan');
      if (placement.kind === 'orphan') continue;
      expect(placement.start).toBeLessThan(placement.end);
      expect(splitsSurrogatePair(changed, placement.start)).toBe(false);
      expect(splitsSurrogatePair(changed, placement.end)).toBe(false);
    }
  });

  it('orphans targets beyond the end of a text that shrank, and places those still in it', () => {
    const targets = [quoted(ARTICLE, 'Ad sales'), quoted(ARTICLE, 'mixed fortunes'), quoted(ARTICLE, 'AOL')];
    const changed = ARTICLE.slice(0, 40);
    expect(reanchor(changed, targets)).toEqual([
      { kind: 'same', start: 0, end: 8 },
      { kind: 'orphan' },
      { kind: 'orphan' },
    ]);
    expect(reanchor('', targets)).toEqual(targets.map(() => ({ kind: 'orphan' })));
  });

  it('handles targets at the very start and end of the text', () => {
    const targets = [quoted(ARTICLE, 'Ad sales'), quoted(ARTICLE, 'mixed fortunes.')];
    const changed = `${ARTICLE.replace('Ad sales', 'Ad  sales')}\n`;
    expect(reanchor(changed, targets)).toEqual([
      { kind: 'fuzzy', start: 0, end: 9 },
      at(changed, 'mixed fortunes.', 'moved'),
    ]);
  });
});
