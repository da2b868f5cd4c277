import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../shared/text/paragraphs';
import { splitSentences } from '../../../shared/text/sentences';

const sentencesOf = (text: string) =>
  splitParagraphs(text).flatMap((p) => splitSentences(p).map((s) => text.slice(s.start, s.end)));

describe('splitSentences', () => {
  it('splits a paragraph into sentences, keeping abbreviations and amounts whole, at offsets into the whole text', () => {
    expect(sentencesOf('TikTok deal\n\nThe U.S. agreed. Oracle paid $15.5 billion! Why?\n')).toEqual([
      'TikTok deal',
      'The U.S. agreed.',
      'Oracle paid $15.5 billion!',
      'Why?',
    ]);
  });

  it('ends a sentence at a line break, so a heading line is not joined to the text under it', () => {
    expect(sentencesOf('Headline\nByteDance said 80 million users.')).toEqual([
      'Headline',
      'ByteDance said 80 million users.',
    ]);
  });
});
