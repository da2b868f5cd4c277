import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../shared/figures';
import { CORPUS } from '../../support/corpus';

const text = readFileSync(join(CORPUS, 'seed/tiktok-microsoft.txt'), 'utf8');
const found = findFigures(text);
const figure = (span: string) => found.find((f) => f.text === span);

describe('the seed article', () => {
  it('yields the valuation in dollars and pounds', () => {
    expect(figure('$ 15-30 billion')?.value).toEqual({
      min: 15e9,
      max: 30e9,
      currency: 'USD',
      qualifier: 'exactly',
      measures: 'valuation',
    });
    expect(figure('£ 11-23 billion')?.value).toMatchObject({ min: 11e9, max: 23e9, currency: 'GBP' });
  });

  it('yields the user counts, approximately', () => {
    expect(figure('half a billion active users')?.value).toEqual({
      min: 5e8,
      max: 5e8,
      unit: 'users',
      qualifier: 'approximately',
      measures: 'users',
    });
    expect(figure('80 million')?.value).toMatchObject({
      min: 8e7,
      max: 8e7,
      unit: 'users',
      qualifier: 'approximately',
    });
  });

  it('yields the jobs and the years they take', () => {
    expect(figure('thousands of jobs')?.value).toMatchObject({
      min: 2000,
      max: 9999,
      unit: 'jobs',
      measures: 'jobs',
    });
    expect(figure('three years')?.value).toEqual({ min: 3, max: 3, unit: 'years', qualifier: 'exactly' });
  });

  it('gives offsets into the article', () => {
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found.map((f) => f.text)).not.toContain('One');
  });
});
