import { describe, expect, it } from 'vitest';
import { onlyFigure, spans } from './find-one';

describe('scales and number words', () => {
  it.each([
    ['It sold 2.5 million.', '2.5 million', 2.5e6],
    ['It has 30k members.', '30k members', 30e3],
    ['It will take 15 thousand.', '15 thousand', 15e3],
    ['It is worth 1.7 trillion.', '1.7 trillion', 1.7e12],
    ['The state has half a billion.', 'half a billion', 5e8],
    ['She bought a dozen eggs.', 'a dozen eggs', 12],
    ['He won half a dozen medals.', 'half a dozen medals', 6],
    ['It has twenty-five stores.', 'twenty-five stores', 25],
    ['It has one hundred and fifty staff.', 'one hundred and fifty staff', 150],
    ['It reaches a million people.', 'a million people', 1e6],
    ['Five million target.', 'Five million', 5e6],
    ['It made one trillion calculations.', 'one trillion calculations', 1e12],
  ])('reads %j', (text, span, value) => {
    const figure = onlyFigure(text);
    expect(figure.text).toBe(span);
    expect(figure.value).toMatchObject({ min: value, max: value });
  });

  it('reads vague plurals as ranges: at least two of them, less than ten', () => {
    expect(onlyFigure('It is creating thousands of jobs.').value).toMatchObject({ min: 2000, max: 9999 });
    expect(onlyFigure('Tens of thousands of people marched.').value).toMatchObject({
      min: 20_000,
      max: 99_999,
    });
    expect(onlyFigure('Hundreds of millions of dollars went.').value).toMatchObject({
      min: 2e8,
      max: 999_999_999,
      currency: 'USD',
    });
    expect(onlyFigure('Dozens of rats.').value).toMatchObject({ min: 24, max: 99, unit: 'rats' });
    expect(onlyFigure('Several thousand fans came.').value).toMatchObject({
      min: 2000,
      max: 9999,
      unit: 'fans',
    });
  });

  it('reads shares of a whole as percentages', () => {
    expect(onlyFigure('Two-thirds of voters agreed.').value).toMatchObject({ unit: '%' });
    expect(onlyFigure('Two-thirds of voters agreed.').value.min).toBeCloseTo(66.667, 3);
    expect(onlyFigure('About half of all users left.').value).toMatchObject({
      min: 50,
      unit: '%',
      qualifier: 'approximately',
    });
    expect(onlyFigure('It found that a quarter of web users agreed.').value).toMatchObject({
      min: 25,
      unit: '%',
    });
  });

  it('keeps "half" and "quarter" in their other senses out', () => {
    expect(spans('He scored in the first half of the match.')).toEqual([]);
    expect(spans('Profits rose in the third quarter.')).toEqual([]);
  });

  it('reads no count into "one" and "a" without a scale', () => {
    expect(spans('One of them said a man came one day.')).toEqual([]);
  });
});
