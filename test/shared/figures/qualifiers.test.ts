import { describe, expect, it } from 'vitest';
import { onlyFigure } from './find-one';

describe('qualifiers', () => {
  it.each([
    ['approximately 300 people', 'approximately'],
    ['about 300 people', 'approximately'],
    ['around 300 people', 'approximately'],
    ['roughly 300 people', 'approximately'],
    ['some 300 people', 'approximately'],
    ['nearly 300 people', 'approximately'],
    ['almost 300 people', 'approximately'],
    ['an estimated 300 people', 'approximately'],
    ['300 people or so', 'approximately'],
    ['more than 300 people', 'more-than'],
    ['over 300 people', 'more-than'],
    ['above 300 people', 'more-than'],
    ['in excess of 300 people', 'more-than'],
    ['at least 300 people', 'at-least'],
    ['300 people or more', 'at-least'],
    ['less than 300 people', 'less-than'],
    ['under 300 people', 'less-than'],
    ['fewer than 300 people', 'less-than'],
    ['up to 300 people', 'up-to'],
    ['as many as 300 people', 'up-to'],
    ['no more than 300 people', 'up-to'],
    ['300 people', 'exactly'],
  ])('reads “%s” as %s, the qualifier outside the span', (phrase, qualifier) => {
    const figure = onlyFigure(`They said ${phrase} came.`);
    expect(figure.text).toBe('300 people');
    expect(figure.value.qualifier).toBe(qualifier);
  });

  it('reads a qualifier before the currency symbol and after a hyphen', () => {
    expect(onlyFigure('It made more than $27bn.').value.qualifier).toBe('more-than');
    expect(onlyFigure('Expect a £30m-plus bid.')).toMatchObject({
      text: '£30m',
      value: { qualifier: 'at-least' },
    });
  });

  it('reads "over" before a period as the period, unless "for" comes first', () => {
    expect(onlyFigure('It is spread over three years.').value.qualifier).toBe('exactly');
    expect(onlyFigure('Their first win for over 50 years.').value.qualifier).toBe('more-than');
  });
});
