import type { Paragraph } from './paragraphs';

/** A sentence of a document's text. Offsets are UTF-16 code units into the whole text, end exclusive. */
export interface Sentence {
  start: number;
  end: number;
}

// Intl's sentence rules (Unicode UAX #29) already keep "U.S." and "$15.5 billion" in one sentence.
// Made on first use: loading the rules takes longer than most commands that never split sentences.
let segmenter: Intl.Segmenter | undefined;

/**
 * The sentences of one paragraph, with trailing whitespace left out. A sentence never crosses
 * a paragraph break, so a heading without a full stop is not joined to the paragraph after it.
 */
export function splitSentences(paragraph: Paragraph): Sentence[] {
  const sentences: Sentence[] = [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(paragraph.text)) {
    const body = segment.trimEnd();
    if (body.trim() === '') continue;
    const start = paragraph.start + index;
    sentences.push({ start, end: start + body.length });
  }
  return sentences;
}
