import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearSpans, overlaps, sentenceAround, textUnits } from '../../../shared/analysis/near';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { splitSentences } from '../../../shared/text/sentences';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';

interface Span {
  start: number;
  end: number;
}

/** Near the simple way: some unit shares a character with each (or, by overlap, the two share one). */
function nearByHand(text: string, rule: 'overlap' | 'sentence' | 'paragraph'): (a: Span, b: Span) => boolean {
  if (rule === 'overlap') return overlaps;
  const paragraphs = splitParagraphs(text);
  const units = rule === 'paragraph' ? paragraphs : paragraphs.flatMap(splitSentences);
  return (a, b) => units.some((u) => overlaps(u, a) && overlaps(u, b));
}

/** Random passages of a text: words, runs across sentences and paragraphs, empty ones, ones in the blank between paragraphs. */
function passages(text: string, random: SeededRandom, count: number): Span[] {
  const blanks = [...text.matchAll(/\n\s*\n/g)].map((m) => ({ start: m.index + 1, end: m.index + 1 }));
  return Array.from({ length: count }, () => {
    if (blanks.length > 0 && random.chance(0.05)) return random.pick(blanks);
    const start = random.int(0, text.length - 1);
    const length = random.chance(0.05) ? 0 : random.chance(0.1) ? random.int(100, 1500) : random.int(1, 30);
    return { start, end: Math.min(text.length, start + length) };
  });
}

async function articles(count: number): Promise<string[]> {
  const dir = join(CORPUS, 'news-txt', 'tech');
  const names = (await readdir(dir)).sort().slice(0, count);
  return Promise.all(
    names.map(async (name) => (await readFile(join(dir, name), 'utf8')).replace(/\r\n?/g, '\n')),
  );
}

describe('which passages are near a passage', () => {
  it('answers what testing every pair against the units of real articles answers, by each rule', async () => {
    const random = new SeededRandom(11);
    for (const text of await articles(12)) {
      const units = textUnits(text);
      const questions = passages(text, random, 40);
      // A few passages are tested in turn, many are sorted first: both ways.
      for (const [spans, rule] of [5, 60].flatMap((n) =>
        (['overlap', 'sentence', 'paragraph'] as const).map(
          (rule) => [passages(text, random, n), rule] as const,
        ),
      )) {
        const fromUnits = nearSpans(units, rule, spans);
        const fromText = nearSpans(text, rule, spans);
        const near = nearByHand(text, rule);
        for (const question of questions) {
          const expected = spans.flatMap((span, i) => (near(span, question) ? [i] : []));
          expect(fromUnits(question)).toEqual(expected);
          expect(fromText(question)).toEqual(expected);
        }
      }
    }
  });

  it('finds the sentence a passage starts in from the units, as from the text', async () => {
    const random = new SeededRandom(5);
    for (const text of await articles(12)) {
      const units = textUnits(text);
      for (const passage of passages(text, random, 50)) {
        // The simple way: the first paragraph ending after the start, its first sentence doing so.
        let expected: Span = passage;
        for (const paragraph of splitParagraphs(text)) {
          if (paragraph.end <= passage.start) continue;
          expected = splitSentences(paragraph).find((s) => s.end > passage.start) ?? paragraph;
          break;
        }
        const around = sentenceAround(units, passage);
        expect({ start: around.start, end: around.end }).toEqual({
          start: expected.start,
          end: expected.end,
        });
      }
    }
  });
});
