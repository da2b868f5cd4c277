import { describe, expect, it } from 'vitest';
import { tokenSentences } from '../../../main/exchange/formats/conll/sentences';
import { tokenize } from '../../../main/exchange/formats/conll/tokenize';

const words = (text: string) => tokenize(text).map((t) => t.text);
const sentences = (text: string) => tokenSentences(text).map((s) => s.map((t) => t.text).join(' '));

describe('CoNLL tokenizer', () => {
  it('keeps words with accents, numbers with separators and contractions whole, and splits punctuation off', () => {
    expect(words('Zoë said: “don’t pay $ 3.5 billion (800,000 users)!”')).toEqual([
      'Zoë',
      'said',
      ':',
      '“',
      'don’t',
      'pay',
      '$',
      '3.5',
      'billion',
      '(',
      '800,000',
      'users',
      ')',
      '!',
      '”',
    ]);
  });

  it('makes each emoji one token, joined sequences and flags included, even without spaces', () => {
    expect(words('Paris😀 👩‍👩‍👧 🇫🇷!')).toEqual(['Paris', '😀', '👩‍👩‍👧', '🇫🇷', '!']);
  });

  it('keeps a run of Chinese characters together but apart from Latin letters', () => {
    expect(words('北京GDP grew')).toEqual(['北京', 'GDP', 'grew']);
  });

  it('keeps the full stop of abbreviations and initialisms in the token', () => {
    expect(words('Mr. Smith of Acme Inc. in the U.S. said e.g. this.')).toEqual([
      'Mr.',
      'Smith',
      'of',
      'Acme',
      'Inc.',
      'in',
      'the',
      'U.S.',
      'said',
      'e.g.',
      'this',
      '.',
    ]);
  });

  it('gives offsets that slice the text back to each token', () => {
    const text = 'Le café 😀 de 北京, “TikTok”.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});

describe('CoNLL sentence splitter', () => {
  it('splits at . ! ? before whitespace and a capital, not after abbreviations or initials', () => {
    expect(
      sentences(
        'Mr. Smith met Dr. Jones in the U.S. on Monday. They talked! Was it good? yes. A. Reporter wrote it.',
      ),
    ).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. on Monday .',
      'They talked !',
      'Was it good ? yes .',
      'A . Reporter wrote it .',
    ]);
  });

  it('keeps closing quotes with the sentence they close, and starts one at an opening quote', () => {
    expect(sentences('He said “No.” Then: “Why?” “Because.”')).toEqual([
      'He said “ No . ”',
      'Then : “ Why ? ”',
      '“ Because . ”',
    ]);
  });

  it('ends a sentence at a blank line even without a full stop, and not at a single line break', () => {
    expect(sentences('A headline\n\nFirst line\nsame sentence.')).toEqual([
      'A headline',
      'First line same sentence .',
    ]);
  });

  it('ends a sentence at a Chinese full stop', () => {
    expect(sentences('北京很好。上海也好。')).toEqual(['北京很好 。', '上海也好 。']);
  });
});
