import { describe, expect, it } from 'vitest';
import { codePointsOf } from '../../../main/agreement/code-points';
import {
  coverage,
  coverageDepths,
  coveredLength,
  overlapOfSorted,
  sharedLength,
} from '../../../main/agreement/coverage';
import { countTokens, touchedTokens } from '../../../main/agreement/tokens';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import { SeededRandom } from '../../support/seeded-random';

/** Each count checked against the same count made character by character. */
function bits(intervals: readonly (readonly [number, number])[], length: number): boolean[] {
  const inside = new Array<boolean>(length).fill(false);
  for (const [start, end] of intervals) for (let i = start; i < end; i++) inside[i] = true;
  return inside;
}

function randomSpans(random: () => number, length: number, count: number) {
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * length);
    return { start, end: Math.min(length, start + 1 + Math.floor(random() * 12)) };
  });
}

describe('coverages of a text', () => {
  it('merge spans, and count what they cover and share, as character by character', () => {
    const seeded = new SeededRandom(7);
    const random = () => seeded.next();
    for (let round = 0; round < 200; round++) {
      const length = 1 + Math.floor(random() * 80);
      const spansA = randomSpans(random, length, Math.floor(random() * 6));
      const spansB = randomSpans(random, length, Math.floor(random() * 6));
      const spansC = randomSpans(random, length, Math.floor(random() * 6));
      const [a, b, c] = [coverage(spansA), coverage(spansB), coverage(spansC)];
      const [bitsA, bitsB, bitsC] = [
        bits(
          spansA.map((s) => [s.start, s.end]),
          length,
        ),
        bits(
          spansB.map((s) => [s.start, s.end]),
          length,
        ),
        bits(
          spansC.map((s) => [s.start, s.end]),
          length,
        ),
      ];
      expect(bits(a, length)).toEqual(bitsA);
      for (let i = 1; i < a.length; i++) expect(a[i]![0]).toBeGreaterThan(a[i - 1]![1]);
      expect(coveredLength(a)).toBe(bitsA.filter(Boolean).length);
      expect(sharedLength(a, b)).toBe(bitsA.filter((x, i) => x && bitsB[i]).length);
      const depths = coverageDepths([a, b, c], length);
      const expected = [0, 0, 0, 0];
      for (let i = 0; i < length; i++) expected[Number(bitsA[i]) + Number(bitsB[i]) + Number(bitsC[i])]! += 1;
      expect(depths).toEqual(expected);
      const startsA = [...new Set([...spansA.keys()].map((i) => i % 7))].sort((x, y) => x - y);
      const startsB = [...new Set([...spansB.keys()].map((i) => (i * 3) % 7))].sort((x, y) => x - y);
      const both = startsA.filter((x) => startsB.includes(x)).length;
      expect(overlapOfSorted(startsA, startsB)).toEqual({
        onlyA: startsA.length - both,
        onlyB: startsB.length - both,
        both,
      });
    }
  });
});

describe('code points and tokens of a text', () => {
  it('count code points as utf16ToCodePoint does, emoji and accents included', () => {
    for (const text of ['plain text', 'Zoë’s café 😀 a 👩‍👩‍👧 b', '😀😀x', 'x\uD83D', '\uDE00y😀']) {
      const points = codePointsOf(text);
      expect(points.length).toBe([...text].length);
      for (let i = 0; i <= text.length; i++)
        expect(points.at(i), `${text} at ${i}`).toBe(utf16ToCodePoint(text, i));
    }
  });

  it('are the words search finds, counted, and found where passages touch them', () => {
    const text = 'Zoë’s café, 2020: TikTok/ByteDance — 80 млн users 😀 ok 𝐁𝐨𝐥𝐝 words, x';
    const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].flatMap((m) => [m.index, m.index + m[0].length]);
    // Touched by one interval over the whole text: every word, where the pattern finds it.
    expect(touchedTokens(text, [[0, text.length]])).toEqual(words.filter((_, i) => i % 2 === 0));
    expect(countTokens(text)).toBe(words.length / 2);
    const seeded = new SeededRandom(3);
    for (let round = 0; round < 500; round++) {
      const intervals = coverage(
        Array.from({ length: seeded.int(0, 4) }, () => {
          const start = seeded.int(0, text.length - 1);
          return { start, end: Math.min(text.length, start + seeded.int(1, 9)) };
        }),
      );
      const touching: number[] = [];
      for (let w = 0; w < words.length; w += 2) {
        if (intervals.some(([s, e]) => s < words[w + 1]! && e > words[w]!)) touching.push(words[w]!);
      }
      expect(touchedTokens(text, intervals), JSON.stringify(intervals)).toEqual(touching);
    }
  });
});
