/**
 * Annotations such as a researcher makes on a BBC article: names, figures, short phrases,
 * clauses, a whole sentence, and a few single words (some as short as "US"), each made with
 * targetFor so the quote and its 32 characters of context are stored as Gloss stores them.
 */
import type { TextTarget } from '../../../shared/model/annotation';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { targetFor } from '../../../shared/text/quote';
import { splitSentences } from '../../../shared/text/sentences';
import type { SeededRandom } from '../../support/seeded-random';

export type AnnotationKind = 'name' | 'figure' | 'phrase' | 'clause' | 'sentence' | 'word';

export interface CorpusAnnotation {
  kind: AnnotationKind;
  target: TextTarget;
}

interface Span {
  start: number;
  end: number;
}

const NAME = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b|(?<=[a-z,] )[A-Z][a-zA-Z]+\b/g;
const FIGURE = /[£$€]?\d+(?:[.,]\d+)*(?:%|bn\b|m\b|k\b| per cent| million| billion)?/g;
const WORD = /[A-Za-z]{2,}/g;

function matches(text: string, pattern: RegExp, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  for (const m of text.slice(from, to).matchAll(pattern)) {
    spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return spans;
}

/** A run of 3–8 whole words inside a sentence, without the punctuation at its edges. */
function phrase(text: string, sentence: Span, random: SeededRandom): Span | undefined {
  const words = matches(text, /\S+/g, sentence.start, sentence.end);
  if (words.length < 4) return undefined;
  const length = random.int(3, Math.min(8, words.length - 1));
  const first = random.int(0, words.length - length);
  return trim(text, { start: words[first]!.start, end: words[first + length - 1]!.end });
}

/** The longest comma-separated part of a sentence, when it is a clause and not the whole sentence. */
function clause(text: string, sentence: Span): Span | undefined {
  const parts = matches(text, /[^,;:]+/g, sentence.start, sentence.end).map((s) => trim(text, s));
  const longest = parts.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!longest || parts.length < 2) return undefined;
  const length = longest.end - longest.start;
  return length >= 15 && length <= 160 ? longest : undefined;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s"'(“‘.,;:!?]/.test(text[start]!)) start++;
  while (end > start && /[\s"')”’.,;:!?]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** About 10–15 annotations on one article, none two on the same span. */
export function annotate(text: string, random: SeededRandom): CorpusAnnotation[] {
  const paragraphs = splitParagraphs(text);
  // The first paragraph is the headline; researchers annotate the body.
  const body = paragraphs.slice(1);
  const sentences = body.flatMap((p) => splitSentences(p)).filter((s) => s.end - s.start >= 20);
  const bodyStart = body[0]?.start ?? 0;
  const picked: { kind: AnnotationKind; span: Span }[] = [];
  const add = (kind: AnnotationKind, span: Span | undefined) => {
    if (!span || span.end <= span.start) return;
    if (picked.some((p) => p.span.start === span.start && p.span.end === span.end)) return;
    picked.push({ kind, span });
  };
  const names = matches(text, NAME, bodyStart);
  for (const span of random.sample(names, random.int(3, 4))) add('name', span);
  const figures = matches(text, FIGURE, bodyStart).filter((s) => s.end - s.start >= 2);
  for (const span of random.sample(figures, random.int(2, 3))) add('figure', span);
  for (const sentence of random.sample(sentences, 3)) add('phrase', phrase(text, sentence, random));
  for (const sentence of random.sample(sentences, 2)) add('clause', clause(text, sentence));
  if (sentences.length > 0) add('sentence', random.pick(sentences));
  const words = matches(text, WORD, bodyStart);
  for (const span of random.sample(words, random.int(2, 3))) add('word', span);
  return picked
    .sort((a, b) => a.span.start - b.span.start)
    .map(({ kind, span }) => ({ kind, target: targetFor(text, span.start, span.end) }));
}
