import { describe, expect, it } from 'vitest';
import { parseFigure } from '../../../shared/figures';

describe('parseFigure, the value of a selected passage', () => {
  it('reads the passages a researcher selects', () => {
    expect(parseFigure('$ 15-30 billion')).toEqual({
      min: 15e9,
      max: 30e9,
      currency: 'USD',
      qualifier: 'exactly',
    });
    expect(parseFigure('approximately half a billion active users')).toMatchObject({
      min: 5e8,
      unit: 'users',
      qualifier: 'approximately',
    });
    expect(parseFigure(' thousands of jobs ')).toMatchObject({ min: 2000, max: 9999, unit: 'jobs' });
  });

  it('takes a bare number or a year the researcher chose as a figure', () => {
    expect(parseFigure('3')).toEqual({ min: 3, max: 3, qualifier: 'exactly' });
    expect(parseFigure('2019')).toMatchObject({ min: 2019 });
  });

  it('prefers a real figure to a year in the same passage', () => {
    expect(parseFigure('in 2019, 500 people')).toMatchObject({ min: 500, unit: 'people' });
  });

  it('gives nothing for a passage without a number', () => {
    expect(parseFigure('ByteDance')).toBeUndefined();
    expect(parseFigure('')).toBeUndefined();
  });
});
