import { describe, expect, it } from 'vitest';
import { snapSelection, wordEndAt, wordStartAt } from '../../../renderer/src/reader/word-snap';

/** The text a selection of `selected` (its first occurrence) tags. */
function tagged(text: string, selected: string, snap = true, from = 0): string | undefined {
  const start = text.indexOf(selected, from);
  const span = snapSelection(text, start, start + selected.length, snap);
  return span && text.slice(span.start, span.end);
}

describe('snapSelection', () => {
  const text = 'TikTok owner ByteDance has made the final effort. TikTok’s US arm';

  it('grows a selection that cuts words to the whole words', () => {
    expect(tagged(text, 'teDan')).toBe('ByteDance');
    expect(tagged(text, 'ner ByteD')).toBe('owner ByteDance');
  });

  it('leaves out spaces at either end', () => {
    expect(tagged(text, ' ByteDance ')).toBe('ByteDance');
    expect(tagged('one  two', '  ')).toBeUndefined();
  });

  it('keeps a selection that starts or ends at a word edge as it is', () => {
    expect(tagged(text, 'ByteDance')).toBe('ByteDance');
    expect(tagged(text, 'effort.')).toBe('effort.');
  });

  it('does not take the possessive along: “TikTok” in “TikTok’s” stays “TikTok”', () => {
    expect(tagged(text, 'TikTok', true, 40)).toBe('TikTok');
    expect(tagged(text, 'ikTo', true, 40)).toBe('TikTok');
  });

  it('only trims when snapping is off', () => {
    expect(tagged(text, 'teDan', false)).toBe('teDan');
    expect(tagged(text, ' ByteDance ', false)).toBe('ByteDance');
  });

  it('accepts ends in either order', () => {
    const start = text.indexOf('Dance');
    expect(snapSelection(text, start + 2, start - 2, true)).toEqual({
      start: text.indexOf('ByteDance'),
      end: start + 'Dance'.length,
    });
  });

  it('never splits a surrogate pair', () => {
    const emoji = 'Café 😀 ByteDance';
    const inside = emoji.indexOf('😀') + 1;
    const span = snapSelection(emoji, inside, emoji.length, false);
    expect(emoji.slice(span!.start, span!.end)).toBe('😀 ByteDance');
    const end = snapSelection(emoji, 0, inside, false);
    expect(emoji.slice(end!.start, end!.end)).toBe('Café 😀');
  });

  it('treats letters beyond the Basic Multilingual Plane as letters', () => {
    const gothic = 'say 𐌰𐌱𐌲 now';
    const start = gothic.indexOf('𐌱');
    const span = snapSelection(gothic, start, start + 2, true);
    expect(gothic.slice(span!.start, span!.end)).toBe('𐌰𐌱𐌲');
  });

  it('snaps accented and non-Latin words', () => {
    expect(tagged('Le café de Paris', 'af')).toBe('café');
    expect(tagged('Президент Трамп сказал', 'рам')).toBe('Трамп');
  });

  it('grows to words, not to the whole line, where words are not separated by spaces', () => {
    const chinese = '字节跳动公司拥有抖音';
    const start = chinese.indexOf('跳');
    const span = snapSelection(chinese, start, start + 1, true);
    const snapped = chinese.slice(span!.start, span!.end);
    expect(snapped).toContain('跳');
    expect(snapped.length).toBeLessThan(chinese.length);
  });
});

describe('word edges', () => {
  it('are the offset itself outside a word', () => {
    expect(wordStartAt('a b', 1)).toBe(1);
    expect(wordEndAt('a b', 2)).toBe(2);
    expect(wordStartAt('abc', 0)).toBe(0);
    expect(wordEndAt('abc', 3)).toBe(3);
  });

  it('are the word’s ends inside one', () => {
    expect(wordStartAt('say hello', 6)).toBe(4);
    expect(wordEndAt('say hello', 6)).toBe(9);
  });
});
