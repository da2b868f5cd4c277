import { describe, expect, it } from 'vitest';
import { formatFigureValue } from '../../../renderer/src/components/editors/format-figure';

describe('formatFigureValue', () => {
  it('writes money ranges compactly with the currency’s symbol', () => {
    expect(formatFigureValue({ min: 15e9, max: 30e9, currency: 'USD', qualifier: 'exactly' }, 'en')).toBe(
      '$15–30B',
    );
    expect(formatFigureValue({ min: 11e9, max: 11e9, currency: 'GBP', qualifier: 'exactly' }, 'en')).toBe(
      '£11B',
    );
  });

  it('writes counts with their unit and qualifier', () => {
    expect(formatFigureValue({ min: 80e6, max: 80e6, unit: 'users', qualifier: 'approximately' }, 'en')).toBe(
      'approximately 80 million users',
    );
    expect(formatFigureValue({ min: 40, max: 40, unit: '%', qualifier: 'up-to' }, 'en')).toBe('up to 40%');
  });
});
