import { describe, expect, it } from 'vitest';
import { onlyFigure, spans } from './find-one';

describe('percentages and durations', () => {
  it.each([
    ['It rose 20%.', '20%', 20],
    ['It rose 20 %.', '20 %', 20],
    ['It rose 20 percent.', '20 percent', 20],
    ['It rose 20 per cent.', '20 per cent', 20],
    ['Sixteen percent of parents.', 'Sixteen percent', 16],
  ])('reads %j as per cent', (text, span, value) => {
    expect(onlyFigure(text)).toMatchObject({ text: span, value: { min: value, max: value, unit: '%' } });
  });

  it('reads ranges and points', () => {
    expect(onlyFigure('Growth averaged 6-7% a year.').value).toMatchObject({ min: 6, max: 7, unit: '%' });
    expect(onlyFigure('Growth will be between 3% and 5%.')).toMatchObject({
      text: '3% and 5%',
      value: { min: 3, max: 5, unit: '%' },
    });
    expect(onlyFigure('Rates rose 0.25 percentage points.').value).toMatchObject({
      min: 0.25,
      unit: 'percentage points',
    });
  });

  it('keeps a change from one share to another as two figures', () => {
    expect(spans('It cut its stake from 70% to 49%.')).toEqual(['70%', '49%']);
    expect(spans('Profits rose 1% to £933m.')).toEqual(['1%', '£933m']);
  });

  it.each([
    ['It will take three years.', 'three years', 3, 'years'],
    ['It will take 1 year.', '1 year', 1, 'years'],
    ['It signed a 10-year deal.', '10-year', 10, 'years'],
    ['The 10 month deficit grew.', '10 month', 10, 'months'],
    ['It took 24 hours.', '24 hours', 24, 'hours'],
    ['He ran it in 49.89secs.', '49.89secs', 49.89, 'seconds'],
  ])('reads the duration %j', (text, span, value, unit) => {
    expect(onlyFigure(text)).toMatchObject({ text: span, value: { min: value, max: value, unit } });
  });

  it('reads "N years ago" as a date, not a duration', () => {
    expect(spans('He won it two years ago.')).toEqual([]);
  });
});
