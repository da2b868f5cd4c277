import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../../renderer/src/components/editors/parse-amount';

describe('parseAmount', () => {
  it.each([
    ['15e9', 15e9],
    ['15,000,000', 15_000_000],
    ['15 000 000', 15_000_000],
    ['15 billion', 15e9],
    ['15bn', 15e9],
    ['15 Billion', 15e9],
    ['2.5m', 2_500_000],
    ['2.5 million', 2_500_000],
    ['1.1bn', 1_100_000_000],
    ['800k', 800_000],
    ['3 trillion', 3e12],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['-3.2', -3.2],
    ['$15bn', 15e9],
    ['€ 2.5m', 2_500_000],
    ['40%', 40],
    ['1.5e3', 1500],
    ['  42  ', 42],
  ])('reads “%s” as %d', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each(['', 'abc', '15 bananas', '15,5', '1,2345', '1e', '--3', '15..2', 'bn'])(
    'refuses “%s”',
    (input) => {
      expect(parseAmount(input)).toBeUndefined();
    },
  );
});

describe('formatAmount', () => {
  it.each([
    [15e9, '15 billion'],
    [2.5e6, '2.5 million'],
    [3e12, '3 trillion'],
    [123_456_789, '123,456,789'],
    [1234, '1,234'],
    [0.5, '0.5'],
    [-2e9, '-2 billion'],
  ])('writes %d as “%s”', (value, written) => {
    expect(formatAmount(value)).toBe(written);
  });

  it('writes what parseAmount reads back', () => {
    for (const value of [15e9, 30e9, 1.25e6, 987_654_321, 0.125, 42, -7.5, 1e21]) {
      expect(parseAmount(formatAmount(value))).toBe(value);
    }
  });
});
