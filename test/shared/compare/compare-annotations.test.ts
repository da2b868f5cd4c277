import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AnnotationComparison,
  compareAnnotations,
  type PairKind,
  type PassagePair,
  pairBounds,
} from '../../../shared/compare';
import type { Annotation } from '../../../shared/model/annotation';
import { newAnnotation } from '../../../shared/model/annotation-rules';
import { CORPUS } from '../../support/corpus';

const NOW = '2026-12-07T12:00:00.000Z';
let ids = 0;

/**
 * An annotation of the `occurrence`th `quote` in `text`, made as Gloss makes them: offsets are
 * UTF-16 code units, found by indexOf (so an emoji before the quote counts two).
 */
function tag(text: string, author: string, quote: string, code: string, occurrence = 1): Annotation {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in the text ${occurrence} times`);
  return newAnnotation(text, { id: `id-${++ids}`, code, start, end: start + quote.length }, author, NOW);
}

/** The comparison as lines a reader can check: kind, then A's and B's quote and code. */
function lines(comparison: AnnotationComparison<Annotation>): string[] {
  const side = (passage: Annotation | null) => (passage ? `${passage.target.quote}[${passage.code}]` : '—');
  return comparison.pairs.map((pair) => `${pair.kind}: ${side(pair.a)} | ${side(pair.b)}`);
}

const NO_PAIRS: Record<PairKind, number> = {
  agreed: 0,
  'different-codes': 0,
  overlapping: 0,
  'only-a': 0,
  'only-b': 0,
};

describe('compareAnnotations on a BBC article', () => {
  const text = readFileSync(join(CORPUS, 'news-txt/tech/001.txt'), 'utf8').replace(/\r\n/g, '\n');

  it('classes every pair of two annotators’ passages, in text order', () => {
    const a = [
      tag(text, 'alice', 'Kyrgyz Republic', 'stakeholder'),
      tag(text, 'alice', 'invisible ink', 'security'),
      tag(text, 'alice', 'multiple voting', 'security'),
      tag(text, 'alice', 'Askar Akaev', 'stakeholder'),
      tag(text, 'alice', 'The US government agreed to fund all expenses', 'valuation'),
      tag(text, 'alice', 'Soros Foundation', 'stakeholder'),
    ];
    const b = [
      tag(text, 'bob', 'Kyrgyz Republic', 'stakeholder'),
      tag(text, 'bob', 'invisible ink', 'privacy'),
      tag(text, 'bob', 'prevent multiple voting', 'security'),
      tag(text, 'bob', 'US government', 'stakeholder'),
      tag(text, 'bob', 'German Embassy', 'stakeholder'),
    ];
    const comparison = compareAnnotations(a, b);
    expect(lines(comparison)).toEqual([
      'agreed: Kyrgyz Republic[stakeholder] | Kyrgyz Republic[stakeholder]',
      'different-codes: invisible ink[security] | invisible ink[privacy]',
      'overlapping: multiple voting[security] | prevent multiple voting[security]',
      'only-a: Askar Akaev[stakeholder] | —',
      'overlapping: The US government agreed to fund all expenses[valuation] | US government[stakeholder]',
      'only-b: — | German Embassy[stakeholder]',
      'only-a: Soros Foundation[stakeholder] | —',
    ]);
    expect(comparison.counts).toEqual({
      agreed: 1,
      'different-codes': 1,
      overlapping: 2,
      'only-a': 2,
      'only-b': 1,
    });
    expect(comparison.kindsA).toEqual([
      'agreed',
      'different-codes',
      'overlapping',
      'only-a',
      'overlapping',
      'only-a',
    ]);
    expect(comparison.kindsB).toEqual(['agreed', 'different-codes', 'overlapping', 'overlapping', 'only-b']);
  });

  it('is symmetric: swapping the annotators swaps A and B and the only-kinds', () => {
    const a = [
      tag(text, 'alice', 'ultraviolet readers', 'security'),
      tag(text, 'alice', 'neon yellow light', 'figure'),
      tag(text, 'alice', 'election official', 'stakeholder'),
    ];
    const b = [
      tag(text, 'bob', 'ultraviolet', 'security', 1),
      tag(text, 'bob', 'neon yellow light', 'figure'),
      tag(text, 'bob', 'polling station', 'stakeholder'),
    ];
    const forth = compareAnnotations(a, b);
    const back = compareAnnotations(b, a);
    const swap: Record<PairKind, PairKind> = {
      agreed: 'agreed',
      'different-codes': 'different-codes',
      overlapping: 'overlapping',
      'only-a': 'only-b',
      'only-b': 'only-a',
    };
    const flipped = (pairs: PassagePair<Annotation>[]) =>
      pairs.map((p) => ({ kind: swap[p.kind], a: p.b?.id ?? null, b: p.a?.id ?? null }));
    const asIds = (pairs: PassagePair<Annotation>[]) =>
      pairs.map((p) => ({ kind: p.kind, a: p.a?.id ?? null, b: p.b?.id ?? null }));
    expect(flipped(back.pairs)).toEqual(asIds(forth.pairs));
    expect(back.kindsA).toEqual(forth.kindsB.map((kind) => swap[kind]));
  });

  it('finds the same classes among hundreds of passages as pairwise checking does', () => {
    // Every word of the article for A; for B every other word, every third re-coded, every
    // fifth stretched to the next word: a check of the scan that skips far-away passages.
    const words = [...text.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const make = (author: string, start: number, end: number, code: string) =>
      newAnnotation(text, { id: `id-${++ids}`, code, start, end }, author, NOW);
    const a = words.map((w) => make('alice', w.start, w.end, 'c'));
    const b = words.flatMap((w, i) => {
      if (i % 2 === 1) return [];
      const end = i % 5 === 0 && words[i + 1] ? words[i + 1]!.end : w.end;
      return [make('bob', w.start, end, i % 3 === 0 ? 'd' : 'c')];
    });
    const comparison = compareAnnotations(a, b);
    expect(a.length).toBeGreaterThan(500);
    // Each kind counted the slow way, straight from its definition.
    const overlap = (x: Annotation, y: Annotation) =>
      x.target.start < y.target.end && y.target.start < x.target.end;
    const same = (x: Annotation, y: Annotation) =>
      x.target.start === y.target.start && x.target.end === y.target.end;
    const exact = a.filter((x) => b.some((y) => same(x, y) && x.code === y.code)).length;
    const recoded = a.filter((x) => b.some((y) => same(x, y) && x.code !== y.code)).length;
    const onlyA = a.filter((x) => !b.some((y) => overlap(x, y))).length;
    const onlyB = b.filter((y) => !a.some((x) => overlap(x, y))).length;
    const boundaries = a.flatMap((x) => b.filter((y) => overlap(x, y) && !same(x, y))).length;
    expect(comparison.counts).toEqual({
      agreed: exact,
      'different-codes': recoded,
      overlapping: boundaries,
      'only-a': onlyA,
      'only-b': onlyB,
    });
    expect(exact).toBeGreaterThan(50);
    expect(recoded).toBeGreaterThan(50);
    expect(boundaries).toBeGreaterThan(20);
    expect(onlyB).toBe(0);
  });
});

describe('compareAnnotations with emoji and accented text', () => {
  // 🇫🇷 is two astral code points (four UTF-16 units); é is one unit precomposed, two decomposed.
  const text = 'Le café 🇫🇷 de Zoë a fermé ☕: la CNIL 👮🏽‍♀️ enquête sur la données privées de Renée.';

  it('agrees on passages after emoji, in UTF-16 code units', () => {
    const a = [tag(text, 'alice', 'Zoë', 'person'), tag(text, 'alice', 'la CNIL 👮🏽‍♀️', 'regulator')];
    const b = [tag(text, 'bob', 'Zoë', 'person'), tag(text, 'bob', 'la CNIL 👮🏽‍♀️', 'regulator')];
    expect(a[1]!.target.start).toBe(text.indexOf('la CNIL'));
    expect(compareAnnotations(a, b).counts).toEqual({ ...NO_PAIRS, agreed: 2 });
  });

  it('tells an emoji left out of one passage as different boundaries', () => {
    const a = [tag(text, 'alice', 'la CNIL 👮🏽‍♀️', 'regulator')];
    const b = [tag(text, 'bob', 'la CNIL', 'regulator')];
    expect(lines(compareAnnotations(a, b))).toEqual([
      'overlapping: la CNIL 👮🏽‍♀️[regulator] | la CNIL[regulator]',
    ]);
  });

  it('does not agree with a passage counted in code points: after an emoji it is off by one per astral character', () => {
    const a = [tag(text, 'alice', 'Zoë', 'person')];
    const codePointStart = [...text.slice(0, a[0]!.target.start)].length;
    const shifted = { code: 'person', target: { start: codePointStart, end: codePointStart + 3 } };
    expect(codePointStart).toBe(a[0]!.target.start - 2);
    const comparison = compareAnnotations<{ code: string; target: { start: number; end: number } }>(a, [
      shifted,
    ]);
    expect(comparison.pairs.map((p) => p.kind)).toEqual(['overlapping']);
  });

  it('compares offsets, not spellings: a decomposed é elsewhere is another passage', () => {
    const decomposed = `${text} Rene\u0301e.`;
    const a = [tag(decomposed, 'alice', 'Renée', 'person')];
    const b = [tag(decomposed, 'bob', 'Rene\u0301e', 'person')];
    expect(b[0]!.target.end - b[0]!.target.start).toBe(a[0]!.target.end - a[0]!.target.start + 1);
    expect(lines(compareAnnotations(a, b))).toEqual([
      'only-a: Renée[person] | —',
      'only-b: — | Rene\u0301e[person]',
    ]);
  });

  it('keeps the pair’s bounds across both passages', () => {
    const a = [tag(text, 'alice', 'café 🇫🇷', 'place')];
    const b = [tag(text, 'bob', '🇫🇷 de Zoë', 'place')];
    const [pair] = compareAnnotations(a, b).pairs;
    expect(pair!.kind).toBe('overlapping');
    expect(text.slice(pairBounds(pair!).start, pairBounds(pair!).end)).toBe('café 🇫🇷 de Zoë');
  });
});

describe('compareAnnotations at the edges', () => {
  const text = 'alpha beta gamma delta epsilon zeta eta theta';

  it('compares empty lists', () => {
    expect(compareAnnotations([], [])).toEqual({ pairs: [], counts: NO_PAIRS, kindsA: [], kindsB: [] });
    const a = [tag(text, 'alice', 'beta', 'x')];
    expect(compareAnnotations(a, []).counts).toEqual({ ...NO_PAIRS, 'only-a': 1 });
    expect(compareAnnotations([], a).counts).toEqual({ ...NO_PAIRS, 'only-b': 1 });
  });

  it('matches identical passages one to one; a duplicate left over is only one annotator’s', () => {
    const a = [tag(text, 'alice', 'beta', 'x'), tag(text, 'alice', 'beta', 'x')];
    const b = [tag(text, 'bob', 'beta', 'x')];
    expect(lines(compareAnnotations(a, b))).toEqual(['agreed: beta[x] | beta[x]', 'only-a: beta[x] | —']);
  });

  it('prefers the same code over another code at the same bounds', () => {
    const a = [tag(text, 'alice', 'gamma', 'y'), tag(text, 'alice', 'gamma', 'x')];
    const b = [tag(text, 'bob', 'gamma', 'x'), tag(text, 'bob', 'gamma', 'z')];
    expect(lines(compareAnnotations(a, b))).toEqual([
      'agreed: gamma[x] | gamma[x]',
      'different-codes: gamma[y] | gamma[z]',
    ]);
  });

  it('pairs a passage with every passage it overlaps, including one agreed on elsewhere', () => {
    const a = [tag(text, 'alice', 'beta gamma delta', 'x'), tag(text, 'alice', 'gamma', 'x')];
    const b = [
      tag(text, 'bob', 'beta gamma', 'x'),
      tag(text, 'bob', 'gamma', 'x'),
      tag(text, 'bob', 'delta epsilon', 'y'),
    ];
    const comparison = compareAnnotations(a, b);
    // B's "beta gamma" is left over, so it is paired with A's "gamma" although that one agreed.
    expect(lines(comparison)).toEqual([
      'overlapping: gamma[x] | beta gamma[x]',
      'overlapping: beta gamma delta[x] | beta gamma[x]',
      'overlapping: beta gamma delta[x] | gamma[x]',
      'overlapping: beta gamma delta[x] | delta epsilon[y]',
      'agreed: gamma[x] | gamma[x]',
    ]);
    // Each passage is coloured by its best pair: B's "gamma" agreed, though it also overlaps.
    expect(comparison.kindsB).toEqual(['overlapping', 'agreed', 'overlapping']);
  });

  it('finds a passage left over inside one that starts earlier and agreed elsewhere', () => {
    const a = [tag(text, 'alice', 'beta gamma', 'x'), tag(text, 'alice', 'gamma delta', 'x')];
    const b = [tag(text, 'bob', 'beta gamma', 'x')];
    expect(lines(compareAnnotations(a, b))).toEqual([
      'agreed: beta gamma[x] | beta gamma[x]',
      'overlapping: gamma delta[x] | beta gamma[x]',
    ]);
  });

  it('does not count touching passages as overlapping (end is exclusive)', () => {
    const a = [tag(text, 'alice', 'alpha ', 'x')];
    const b = [tag(text, 'bob', 'beta', 'x')];
    expect(compareAnnotations(a, b).counts).toEqual({ ...NO_PAIRS, 'only-a': 1, 'only-b': 1 });
  });

  it('lets empty passages agree but overlap nothing', () => {
    const empty = { code: 'x', target: { start: 3, end: 3 } };
    const word = { code: 'x', target: { start: 0, end: 5 } };
    expect(compareAnnotations([empty], [word]).counts).toEqual({ ...NO_PAIRS, 'only-a': 1, 'only-b': 1 });
    expect(compareAnnotations([empty], [{ ...empty }]).counts).toEqual({ ...NO_PAIRS, agreed: 1 });
  });

  it('leaves its input as it was', () => {
    const a = [tag(text, 'alice', 'eta', 'x', 2), tag(text, 'alice', 'alpha', 'x')];
    const b = [tag(text, 'bob', 'theta', 'x')];
    const before = JSON.stringify([a, b]);
    compareAnnotations(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});
